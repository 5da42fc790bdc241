namespace NewsPortal.Web.Infrastructure;

/// <summary>The app's keys in a shared Redis (docs/operations.md, "Several web nodes").</summary>
public static class RedisKeys
{
    /// <summary>A Redis list holding the Data Protection key ring's XML elements.</summary>
    public const string DataProtectionKeys = "NewsPortal:DataProtection-Keys";

    /// <summary>Prefix of every output-cache entry and tag.</summary>
    public const string OutputCachePrefix = "NewsPortal:OutputCache:";
}

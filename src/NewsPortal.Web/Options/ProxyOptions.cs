namespace NewsPortal.Web.Options;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed
/// (section "Proxy"). Loopback is always trusted (ASP.NET Core's default); anything else must be
/// listed. A header from any other address is ignored, so a client cannot choose its own address.
/// </summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Single proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];
}

namespace NewsPortal.Web.Controllers;

internal static class Slugs
{
    /// <summary>Slugs are lower-case ASCII letters, digits and single hyphens; anything else cannot exist.</summary>
    public static bool IsWellFormed(string? slug, int maxLength) =>
        slug is { Length: > 0 } && slug.Length <= maxLength
        && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

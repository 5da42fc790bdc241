using Microsoft.Extensions.Options;
using NewsPortal.Web.Options;

namespace NewsPortal.Web.Services.Seo;

/// <summary>
/// Turns the site's root-relative paths (<c>/bai-viet/…</c>) into absolute URLs. With
/// <c>Site:BaseUrl</c> set, every absolute URL uses it; without, the current request's scheme,
/// host and path base (development only: the Host header is whatever the client sent).
/// </summary>
public sealed class SiteUrls(IOptions<SiteOptions> site, IHttpContextAccessor accessor)
{
    private readonly string? _configured = Normalize(site.Value.BaseUrl);

    /// <summary>The site's root without a trailing slash: <c>https://cchc.qk.vn</c>.</summary>
    public string Root
    {
        get
        {
            if (_configured is not null)
            {
                return _configured;
            }

            var request = accessor.HttpContext?.Request
                ?? throw new InvalidOperationException("Site:BaseUrl is not set and there is no request to take the host from.");
            return request.Scheme + "://" + request.Host.ToUriComponent() + request.PathBase.ToUriComponent();
        }
    }

    /// <summary>The absolute URL of a root-relative <paramref name="path"/> (<c>/</c>, <c>/chuyen-muc/x</c>).</summary>
    public string Absolute(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("A root-relative path is expected: " + path, nameof(path));
        }

        return Root + path;
    }

    public Uri AbsoluteUri(string path) => new(Absolute(path), UriKind.Absolute);

    private static string? Normalize(string? baseUrl) =>
        string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.Trim().TrimEnd('/');
}

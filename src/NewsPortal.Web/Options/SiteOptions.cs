using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Options;

public sealed class SiteOptions : IValidatableObject
{
    public const string SectionName = "Site";

    /// <summary>The protocol's ceiling on URLs in one sitemap file (sitemaps.org).</summary>
    public const int SitemapProtocolLimit = 50_000;

    [Required]
    [StringLength(200)]
    public string Name { get; set; } = "Cải cách hành chính Quân khu 2";

    [StringLength(300)]
    public string Tagline { get; set; } = "Trang thông tin cải cách hành chính và xây dựng Chính phủ điện tử";

    /// <summary>Articles per archive page.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 10;

    /// <summary>
    /// The site's public address (<c>https://cchc.qk.vn</c>, optionally with a path) used for every
    /// absolute URL: feeds, sitemaps, canonical links, Open Graph, JSON-LD. Empty: the request's own
    /// scheme and host, which is fine for development but must not be relied on in production
    /// (the Host header is the client's to choose, and cached pages would keep what it chose).
    /// </summary>
    [StringLength(200)]
    public string? BaseUrl { get; set; }

    /// <summary>Newest articles in each RSS and Atom feed.</summary>
    [Range(1, 100)]
    public int FeedSize { get; set; } = 20;

    /// <summary>Article URLs per child sitemap; the protocol allows at most 50,000.</summary>
    [Range(1, SitemapProtocolLimit)]
    public int SitemapUrlsPerFile { get; set; } = SitemapProtocolLimit;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo)))
        {
            yield return new ValidationResult("Site:BaseUrl must be an absolute http or https URL without query, fragment or user info.", [nameof(BaseUrl)]);
        }
    }
}

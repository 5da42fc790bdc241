using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NewsPortal.Web.Services.Text;
using NewsPortal.Web.ViewModels;

namespace NewsPortal.Web.Services.Seo;

/// <summary>
/// JSON-LD for an article page (schema.org <c>NewsArticle</c>), serialized by System.Text.Json.
/// The encoder leaves Vietnamese letters as they are but always escapes <c>&lt; &gt; &amp; ' "</c>
/// (as <c>\u003C</c> …), so no title can close the <c>&lt;script type="application/ld+json"&gt;</c> block.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>ISO 8601 in Vietnam's time with its offset: <c>2022-01-04T00:00:00+07:00</c>.</summary>
    public static string VietnamIso(DateTime utc) =>
        VietnamClock.ToLocalOffset(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string NewsArticle(ArticlePageViewModel article, string description, SiteUrls urls, string siteName)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(urls);
        var url = urls.Absolute(article.Url);
        var photo = article.SharePhoto;
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["headline"] = article.Title,
            ["description"] = description,
            ["inLanguage"] = "vi",
            ["datePublished"] = VietnamIso(article.PublishedAtUtc),
            ["dateModified"] = VietnamIso(article.LastModifiedUtc),
            ["articleSection"] = article.Section.Name,
            ["keywords"] = article.Tags.Count == 0 ? null : article.Tags.Select(t => t.Name).ToArray(),
            ["image"] = photo is null ? null : new[]
            {
                new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["@type"] = "ImageObject",
                    ["url"] = urls.Absolute(photo.Url),
                    ["width"] = photo.Width,
                    ["height"] = photo.Height,
                    ["caption"] = string.IsNullOrEmpty(photo.Caption) ? null : photo.Caption,
                },
            },
            ["author"] = string.IsNullOrWhiteSpace(article.Byline)
                ? Organization(siteName, urls)
                : new Dictionary<string, object?>(StringComparer.Ordinal) { ["@type"] = "Person", ["name"] = article.Byline },
            ["publisher"] = Organization(siteName, urls),
        };
        return JsonSerializer.Serialize(data, Options);
    }

    private static Dictionary<string, object?> Organization(string name, SiteUrls urls) => new(StringComparer.Ordinal)
    {
        ["@type"] = "Organization",
        ["name"] = name,
        ["url"] = urls.Absolute("/"),
        ["logo"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["@type"] = "ImageObject", ["url"] = urls.Absolute("/favicon.svg") },
    };
}

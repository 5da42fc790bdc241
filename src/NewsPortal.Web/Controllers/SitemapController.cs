using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Services.Seo;

namespace NewsPortal.Web.Controllers;

/// <summary>sitemap.xml (an index), its child sitemaps, and robots.txt pointing at it.</summary>
public sealed class SitemapController(SitemapService sitemaps, SiteUrls urls) : Controller
{
    private const string XmlContentType = "application/xml; charset=utf-8";

    [HttpGet("sitemap.xml")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        Xml(await sitemaps.IndexAsync(cancellationToken));

    [HttpGet("sitemap-trang.xml")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Pages(CancellationToken cancellationToken) =>
        Xml(await sitemaps.PagesAsync(cancellationToken));

    [HttpGet("sitemap-bai-viet-{number}.xml")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Articles(string number, CancellationToken cancellationToken)
    {
        // Digits only, no sign, no leading zero: one address per file.
        if (number is not { Length: > 0 and <= 9 } || number[0] == '0' || !number.All(char.IsAsciiDigit))
        {
            return NotFound();
        }

        var file = await sitemaps.ArticlesAsync(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return file is null ? NotFound() : Xml(file);
    }

    [HttpGet("robots.txt")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public ContentResult Robots()
    {
        Response.Headers.CacheControl = "public, max-age=3600";
        PageTags.Add(HttpContext, PageTags.Public);
        return Content(
            "User-agent: *\nDisallow: /admin\n\nSitemap: " + urls.Absolute("/sitemap.xml") + "\n",
            "text/plain; charset=utf-8");
    }

    private FileContentResult Xml(byte[] content)
    {
        Response.Headers.CacheControl = "public, max-age=3600";
        PageTags.Add(HttpContext, PageTags.Sitemap);
        return File(content, XmlContentType);
    }
}

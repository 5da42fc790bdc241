using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Services.Seo;

namespace NewsPortal.Web.Controllers;

/// <summary>
/// RSS 2.0 and Atom feeds of the newest public articles, for the site (<c>/rss</c>, <c>/feed</c>
/// as WordPress readers expect, <c>/atom</c>) and for each section (<c>/chuyen-muc/{slug}/rss</c>, <c>…/atom</c>).
/// </summary>
public sealed class FeedsController(FeedService feeds) : Controller
{
    [HttpGet("rss")]
    [HttpGet("feed")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Rss(CancellationToken cancellationToken) =>
        Feed(await feeds.SiteFeedAsync(FeedFormat.Rss, cancellationToken));

    [HttpGet("atom")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Atom(CancellationToken cancellationToken) =>
        Feed(await feeds.SiteFeedAsync(FeedFormat.Atom, cancellationToken));

    [HttpGet("chuyen-muc/{slug}/rss")]
    [HttpGet("chuyen-muc/{slug}/feed")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public Task<IActionResult> SectionRss(string slug, CancellationToken cancellationToken) =>
        SectionAsync(slug, FeedFormat.Rss, cancellationToken);

    [HttpGet("chuyen-muc/{slug}/atom")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public Task<IActionResult> SectionAtom(string slug, CancellationToken cancellationToken) =>
        SectionAsync(slug, FeedFormat.Atom, cancellationToken);

    private async Task<IActionResult> SectionAsync(string slug, FeedFormat format, CancellationToken cancellationToken)
    {
        var feed = Slugs.IsWellFormed(slug, Domain.Section.SlugMaxLength) ? await feeds.SectionFeedAsync(slug, format, cancellationToken) : null;
        return feed is null ? NotFound() : Feed(feed);
    }

    private FileContentResult Feed(FeedDocument feed)
    {
        Response.Headers.CacheControl = "public, max-age=300";
        PageTags.Add(HttpContext, PageTags.Feeds);
        return File(feed.Content, feed.ContentType);
    }
}

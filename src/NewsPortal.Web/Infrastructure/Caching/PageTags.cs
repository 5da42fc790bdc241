using Microsoft.AspNetCore.OutputCaching;

namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// The output-cache tags of public pages. A page is tagged with what it shows, so a change evicts
/// exactly the pages that show what changed:
/// <list type="bullet">
/// <item><c>a:{slug}</c>: any page that shows the article (its own page, a card, a related link, a feed item).</item>
/// <item><c>p:{id}</c>: the article's own page only (its comments).</item>
/// <item><c>home</c>, <c>section:{slug}</c>, <c>tag:{slug}</c>, <c>archive</c>, <c>feeds</c>, <c>sitemap</c>,
/// <c>search</c>: the lists a newly published (or unpublished) article enters (or leaves).</item>
/// <item><c>related:{sectionSlug}</c>, <c>related-tag:{tagSlug}</c>: article pages whose related list is drawn from that section or tag.</item>
/// <item><c>article-pages</c>: every article page (the glossary, the comment settings).</item>
/// <item><c>public</c>: every cached page (sections renamed: the navigation is on every page).</item>
/// </list>
/// </summary>
public static class PageTags
{
    public const string Public = "public";
    public const string Home = "home";
    public const string Archive = "archive";
    public const string Feeds = "feeds";
    public const string Sitemap = "sitemap";
    public const string Search = "search";
    public const string ArticlePages = "article-pages";

    public static string Shows(string slug) => "a:" + slug;

    public static string Page(int articleId) => "p:" + articleId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Section(string slug) => "section:" + slug;

    public static string Tag(string slug) => "tag:" + slug;

    public static string Related(string sectionSlug) => "related:" + sectionSlug;

    public static string RelatedByTag(string tagSlug) => "related-tag:" + tagSlug;

    /// <summary>Adds <paramref name="tags"/> to the page being rendered, when it is being cached.</summary>
    public static void Add(HttpContext context, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tags);
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { } cache)
        {
            foreach (var tag in tags)
            {
                cache.Tags.Add(tag);
            }

            // A page about to be stored gets an ETag of its own (a new entry is a new version),
            // set here, before the response starts; the cache answers 304 to it.
            if (cache.AllowCacheStorage && !context.Response.HasStarted && context.Response.Headers.ETag.Count == 0)
            {
                context.Response.Headers.ETag = "\"" + Guid.NewGuid().ToString("N") + "\"";
            }
        }
    }

    /// <summary>Marks that the page shows the article at <paramref name="slug"/>.</summary>
    public static void AddShows(HttpContext context, string slug) => Add(context, Shows(slug));
}

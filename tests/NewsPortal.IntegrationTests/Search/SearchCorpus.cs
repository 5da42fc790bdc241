using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Search;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.IntegrationTests.Search;

/// <summary>Writes articles straight to the database and waits for a node's index to hold them.</summary>
internal static class SearchCorpus
{
    public const string FixtureSlug = "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";

    public static async Task<int> AddAsync(
        NewsPortalFactory factory,
        string title,
        string body,
        DateTime publishedUtc,
        string lead = "",
        string? byline = null,
        string? sectionSlug = null,
        bool publish = true)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var sectionId = sectionSlug is null
            ? await db.Sections.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync()
            : await db.Sections.Where(s => s.Slug == sectionSlug).Select(s => s.Id).SingleAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var slug = VietnameseText.Slugify(title, 150) + "-" + Guid.NewGuid().ToString("N")[..6];
        var article = new Article(title, slug, sectionId, now);
        var html = new StringBuilder();
        foreach (var paragraph in body.Split("\n\n"))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        article.SetContent(lead, body, html.ToString(), byline, null, null, now);
        if (publish)
        {
            article.Publish(now, publishedUtc);
        }

        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }

    public static async Task ChangeAsync(NewsPortalFactory factory, int id, Action<Article, DateTime> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var article = await db.Articles.SingleAsync(a => a.Id == id);
        change(article, factory.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
    }

    public static string SlugOf(NewsPortalFactory factory, int id)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<NewsDbContext>().Articles.Where(a => a.Id == id).Select(a => a.Slug).Single();
    }

    /// <summary>Waits until the node's index holds what the database holds (every public article at its version).</summary>
    public static async Task<TimeSpan> WaitUntilIndexedAsync(NewsPortalFactory factory, TimeSpan? timeout = null)
    {
        var index = factory.Services.GetRequiredService<SearchIndex>();
        var started = DateTime.UtcNow;
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
                var expected = await db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published)
                    .Select(a => new { a.Id, a.Version }).ToListAsync();
                var indexed = index.IndexedVersions();
                if (index.Ready.IsCompleted && indexed.Count == expected.Count && expected.All(e => indexed.TryGetValue(e.Id, out var v) && v == e.Version))
                {
                    return DateTime.UtcNow - started;
                }
            }

            if (DateTime.UtcNow - started > limit)
            {
                var logs = factory.ReadLogs();
                var failure = logs.IndexOf("Search index sync failed", StringComparison.Ordinal);
                throw new TimeoutException($"The search index did not catch up with the database within {limit.TotalSeconds} s. {(failure >= 0 ? logs[failure..Math.Min(logs.Length, failure + 3000)] : string.Empty)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The article links of a results page, in order.</summary>
    public static List<string> ResultSlugs(IHtmlDocument page) =>
        page.QuerySelectorAll(".search-result h2 a").Select(a => a.GetAttribute("href")!["/bai-viet/".Length..]).ToList();

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> SearchAsync(HttpClient client, string query, string extra = "")
    {
        var (response, page) = await client.GetPageAsync("/tim-kiem?q=" + Uri.EscapeDataString(query) + extra);
        return (response, page);
    }
}

using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Articles;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Search;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Caching;

/// <summary>
/// Public pages come from the output cache until something they show changes; each change evicts
/// exactly the pages that show it. A page served from the cache carries an Age header.
/// </summary>
public sealed class OutputCacheTests
{
    private const string FixtureUrl = "/bai-viet/" + SearchCorpus.FixtureSlug;

    // The fixture article is in "Cải cách hành chính" with tags CCHC, Chính phủ điện tử, Bộ Quốc phòng.
    private static readonly string[] Pages =
    [
        "/", FixtureUrl, "/chuyen-muc/cai-cach-hanh-chinh", "/chuyen-muc/quoc-phong-an-ninh", "/the/cchc",
        "/luu-tru/2022", "/rss", "/sitemap.xml", "/tim-kiem?q=CCHC",
    ];

    [Fact]
    public async Task PagesAreServedFromTheCacheWithAnETagAndA304()
    {
        await using var factory = new ArticleSqliteFactory();
        var reader = factory.CreateClient();
        await Task.Delay(NewsPortal.Web.Infrastructure.Caching.OutputCachePageInvalidator.Repeat + TimeSpan.FromMilliseconds(500));
        foreach (var url in Pages)
        {
            Assert.False(await CachedAsync(reader, url), $"{url} came from the cache on the first request");
            Assert.True(await CachedAsync(reader, url), $"{url} did not come from the cache on the second request");
        }

        var first = await reader.GetAsync(new Uri(FixtureUrl, UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, FixtureUrl);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await reader.SendAsync(conditional)).StatusCode);
    }

    /// <summary>
    /// Pages are stored as sent, once per encoding: a Brotli reader is served the stored Brotli bytes
    /// (not the plain entry compressed again), each encoding has its own ETag, and a 304 is only
    /// given for the representation the ETag names.
    /// </summary>
    [Fact]
    public async Task EachEncodingIsStoredOnceWithItsOwnETag()
    {
        await using var factory = new ArticleSqliteFactory();
        var reader = factory.CreateClient();
        await Task.Delay(NewsPortal.Web.Infrastructure.Caching.OutputCachePageInvalidator.Repeat + TimeSpan.FromMilliseconds(500));

        var first = new Dictionary<string, HttpResponseMessage>(StringComparer.Ordinal);
        foreach (var encoding in new[] { "identity", "br", "gzip" })
        {
            first[encoding] = await GetAsync(reader, encoding);
            Assert.Null(first[encoding].Headers.Age);
        }

        foreach (var (encoding, stored) in first)
        {
            var again = await GetAsync(reader, encoding);
            Assert.NotNull(again.Headers.Age);
            Assert.Equal(stored.Content.Headers.ContentEncoding, again.Content.Headers.ContentEncoding);
            Assert.Equal(encoding == "identity" ? [] : [encoding], again.Content.Headers.ContentEncoding);
            Assert.Equal(stored.Headers.ETag, again.Headers.ETag);
            Assert.Equal(await stored.Content.ReadAsByteArrayAsync(), await again.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(3, first.Values.Select(r => r.Headers.ETag!.Tag).Distinct(StringComparer.Ordinal).Count());

        // The browser's own header picks the Brotli entry; its ETag revalidates there and only there.
        Assert.Equal(first["br"].Headers.ETag, (await GetAsync(reader, "gzip, deflate, br, zstd")).Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(reader, "br", first["br"].Headers.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(reader, "identity", first["br"].Headers.ETag)).StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string acceptEncoding, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, FixtureUrl);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [Fact]
    public async Task PublishingEvictsTheListsItEntersAndNothingElse()
    {
        await using var factory = new ArticleSqliteFactory();
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Lê Văn Tám");
        var reader = factory.CreateClient();
        await WarmAsync(reader);

        var section = await factory.QueryAsync(db => db.Sections.Where(s => s.Slug == "cai-cach-hanh-chinh").Select(s => s.Id).SingleAsync());
        var id = await editor.CreateArticleAsync("Bản tin cải cách hành chính tháng Bảy", more: new Dictionary<string, string>
        {
            ["Tags"] = "CCHC",
            ["SectionId"] = section.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        // A draft is on no public page: nothing is evicted.
        foreach (var url in Pages)
        {
            Assert.True(await CachedAsync(reader, url), $"{url} was evicted by a draft");
        }

        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        var evicted = new[] { "/", "/chuyen-muc/cai-cach-hanh-chinh", "/the/cchc", "/luu-tru/2022", "/rss", "/sitemap.xml", "/tim-kiem?q=CCHC", FixtureUrl };
        foreach (var url in Pages)
        {
            Assert.True(evicted.Contains(url) != await CachedAsync(reader, url), $"{url}: should be evicted {evicted.Contains(url)}");
        }

        // And the fresh pages show it.
        var (_, home) = await reader.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.Text() == "Bản tin cải cách hành chính tháng Bảy");
    }

    [Fact]
    public async Task EditingEvictsThePagesThatShowTheArticleAndUnpublishingTheListsItLeaves()
    {
        await using var factory = new ArticleSqliteFactory();
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Lê Văn Tám");
        var reader = factory.CreateClient();
        var fixtureId = await factory.QueryAsync(db => db.Articles.Where(a => a.Slug == SearchCorpus.FixtureSlug).Select(a => a.Id).SingleAsync());
        await WarmAsync(reader);
        // The pages that link to the fixture, as a reader sees them, plus its own page, the feeds,
        // sitemaps and search (which show every article's latest text or date).
        var showing = new List<string> { FixtureUrl, "/rss", "/sitemap.xml", "/tim-kiem?q=CCHC" };
        foreach (var url in Pages)
        {
            var (_, page) = await reader.GetPageAsync(url);
            if (page.QuerySelectorAll("a").Any(a => a.GetAttribute("href") == FixtureUrl))
            {
                showing.Add(url);
            }
        }

        Assert.Contains("/", showing);
        Assert.DoesNotContain("/chuyen-muc/quoc-phong-an-ninh", showing);
        await SearchCorpus.ChangeAsync(factory, fixtureId, (article, now) => article.SetContent(article.Lead, article.BodyMarkdown, article.BodyHtml + "<p>Đính chính.</p>", article.Byline, article.Source, article.MetaDescription, now));
        foreach (var url in Pages)
        {
            Assert.True(showing.Contains(url) != await CachedAsync(reader, url), $"{url}: shows the article {showing.Contains(url)}, yet served from the cache {!showing.Contains(url)}");
        }

        await WarmAsync(reader);
        await SearchCorpus.ChangeAsync(factory, fixtureId, (article, now) => article.Unpublish(now));
        Assert.True(await CachedAsync(reader, "/chuyen-muc/quoc-phong-an-ninh"));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri(FixtureUrl, UriKind.Relative))).StatusCode);
        var (_, home) = await reader.GetPageAsync("/");
        Assert.DoesNotContain(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == FixtureUrl);
    }

    [Fact]
    public async Task ApprovingACommentEvictsTheArticlePageOnly()
    {
        await using var factory = new ArticleSqliteFactory();
        var reader = factory.CreateClient();
        var fixtureId = await factory.QueryAsync(db => db.Articles.Where(a => a.Slug == SearchCorpus.FixtureSlug).Select(a => a.Id).SingleAsync());
        await WarmAsync(reader);

        int commentId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Data.NewsDbContext>();
            var comment = new Comment(fixtureId, null, "Nguyễn Thị Hoa", "hoa@example.vn", null, "Bài viết rất bổ ích cho đơn vị.", "203.0.113.9", factory.Clock.GetUtcNow().UtcDateTime);
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            commentId = comment.Id;
        }

        // Pending: on no public page.
        Assert.True(await CachedAsync(reader, FixtureUrl));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Data.NewsDbContext>();
            (await db.Comments.SingleAsync(c => c.Id == commentId)).Approve(factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        foreach (var url in Pages)
        {
            Assert.Equal(url != FixtureUrl, await CachedAsync(reader, url));
        }

        Assert.Contains("Bài viết rất bổ ích cho đơn vị.", await reader.GetStringAsync(new Uri(FixtureUrl, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInStaffAreNeverServedFromTheCacheNorCached()
    {
        await using var factory = new ArticleSqliteFactory();
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Lê Văn Tám");
        var reader = factory.CreateClient();
        await WarmAsync(reader);

        foreach (var url in new[] { "/", FixtureUrl })
        {
            var response = await editor.Http.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
        }

        // A response that sets a cookie is not stored: the sign-in page sets the antiforgery cookie.
        var fresh = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        Assert.False(await CachedAsync(fresh, "/admin/dang-nhap"));
        Assert.False(await CachedAsync(fresh, "/admin/dang-nhap"));
    }

    private static async Task WarmAsync(HttpClient reader)
    {
        // After the last change's repeated eviction (seeding, a setup step), not before it.
        await Task.Delay(NewsPortal.Web.Infrastructure.Caching.OutputCachePageInvalidator.Repeat + TimeSpan.FromMilliseconds(500));
        foreach (var url in Pages)
        {
            await reader.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(await CachedAsync(reader, url), $"{url} is not cached after a request");
        }
    }

    private static async Task<bool> CachedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return response.Headers.Age is not null;
    }
}

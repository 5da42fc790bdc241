using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.PublicSite;

/// <summary>sitemap.xml as a crawler reads it: an index, its children, their limits; and robots.txt.</summary>
public abstract class SitemapTests<TFactory>(TFactory factory)
    where TFactory : NewsPortalFactory
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<XDocument> GetXmlAsync(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string PathOf(string absolute)
    {
        Assert.True(Uri.TryCreate(absolute, UriKind.Absolute, out var uri), absolute);
        Assert.Equal("https://cchc.qk.vn", uri.GetLeftPart(UriPartial.Authority));
        return uri.PathAndQuery;
    }

    private static void AssertW3CDate(string value) =>
        DateTimeOffset.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheIndexListsChildSitemapsThatHoldEveryPublicArticleOnceWithinTheLimit()
    {
        await TestArticles.AddAsync(factory, "Bản nháp trong sơ đồ trang", "ban-nhap-trong-so-do-trang", "cai-cach-hanh-chinh", publish: false);
        await TestArticles.AddAsync(factory, "Bài hẹn giờ trong sơ đồ trang", "bai-hen-gio-trong-so-do-trang", "cai-cach-hanh-chinh", scheduleAtUtc: factory.Clock.GetUtcNow().UtcDateTime.AddDays(2));

        var index = await GetXmlAsync("/sitemap.xml");
        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var children = index.Root.Elements(Sm + "sitemap").ToList();
        Assert.All(children, c => AssertW3CDate(c.Element(Sm + "lastmod")!.Value));
        var paths = children.Select(c => PathOf(c.Element(Sm + "loc")!.Value)).ToList();
        Assert.Equal("/sitemap-trang.xml", paths[0]);

        // Site:SitemapUrlsPerFile is 5 here: the 31 seeded articles need 7 files.
        var articleFiles = paths.Skip(1).ToList();
        Assert.Equal(7, articleFiles.Count);
        var listed = new List<string>();
        foreach (var file in articleFiles)
        {
            Assert.Matches("^/sitemap-bai-viet-[1-9][0-9]*\\.xml$", file);
            var urlset = await GetXmlAsync(file);
            Assert.Equal(Sm + "urlset", urlset.Root!.Name);
            var urls = urlset.Root.Elements(Sm + "url").ToList();
            Assert.InRange(urls.Count, 1, 5);
            foreach (var url in urls)
            {
                listed.Add(PathOf(url.Element(Sm + "loc")!.Value));
                AssertW3CDate(url.Element(Sm + "lastmod")!.Value);
            }
        }

        var expected = await WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published).Select(a => "/bai-viet/" + a.Slug).ToListAsync());
        Assert.Equal(31, expected.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("/bai-viet/ban-nhap-trong-so-do-trang", listed);
        Assert.DoesNotContain("/bai-viet/bai-hen-gio-trong-so-do-trang", listed);

    }

    [Fact]
    public async Task TheFixtureArticleIsDatedByItsLastChange()
    {
        var fixture = await WithDbAsync(db => db.Articles.Where(a => a.Slug == PublicPagesTests<SqliteFactory>.SeedSlug)
            .Select(a => new { a.Id, a.UpdatedAtUtc, a.PublishedAtUtc }).SingleAsync());
        var file = await GetXmlAsync($"/sitemap-bai-viet-{(fixture.Id - 1) / 5 + 1}.xml");

        var entry = file.Root!.Elements(Sm + "url").Single(u => u.Element(Sm + "loc")!.Value == "https://cchc.qk.vn" + PublicPagesTests<SqliteFactory>.SeedUrl);
        var lastModified = DateTimeOffset.ParseExact(entry.Element(Sm + "lastmod")!.Value, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        var expected = fixture.UpdatedAtUtc > fixture.PublishedAtUtc!.Value ? fixture.UpdatedAtUtc : fixture.PublishedAtUtc.Value;
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(expected, DateTimeKind.Utc)), lastModified);
    }

    [Fact]
    public async Task ThePagesSitemapHasHomeSectionsAndTags()
    {
        var pages = await GetXmlAsync("/sitemap-trang.xml");

        var urls = pages.Root!.Elements(Sm + "url").ToList();
        Assert.All(urls, u => AssertW3CDate(u.Element(Sm + "lastmod")!.Value));
        var paths = urls.Select(u => PathOf(u.Element(Sm + "loc")!.Value)).ToList();
        Assert.Equal("/", paths[0]);
        Assert.Equal(paths.Distinct(StringComparer.Ordinal), paths);
        foreach (var path in new[] { "/chuyen-muc/tin-tuc-su-kien", "/chuyen-muc/cai-cach-hanh-chinh", "/chuyen-muc/chinh-phu-dien-tu", "/chuyen-muc/quoc-phong-an-ninh", "/the/cchc", "/the/chinh-phu-dien-tu", "/the/bo-quoc-phong" })
        {
            Assert.Contains(path, paths);
        }

        var tagCount = await WithDbAsync(db => db.Tags.CountAsync());
        Assert.Equal(1 + 4 + tagCount, paths.Count);
    }

    [Theory]
    [InlineData("/sitemap-bai-viet-0.xml")]
    [InlineData("/sitemap-bai-viet-8.xml")]
    [InlineData("/sitemap-bai-viet-01.xml")]
    [InlineData("/sitemap-bai-viet--1.xml")]
    [InlineData("/sitemap-bai-viet-abc.xml")]
    [InlineData("/sitemap-bai-viet-99999999999999999999.xml")]
    [InlineData("/sitemap-bai-viet-999999999.xml")]
    public async Task ChildSitemapsOutOfRangeAre404(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RobotsTxtKeepsCrawlersOutOfAdminAndPointsAtTheSitemap()
    {
        var response = await _client.GetAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["User-agent: *", "Disallow: /admin", "Sitemap: https://cchc.qk.vn/sitemap.xml"], lines);
    }

    private async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }
}

internal static class SitemapSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["Site:BaseUrl"] = "https://cchc.qk.vn",
        ["Site:SitemapUrlsPerFile"] = "5",
    };
}

public sealed class SitemapSqliteFactory : SqliteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => SitemapSettings.Values;
}

public sealed class SitemapPostgreSqlFactory : PostgreSqlFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => SitemapSettings.Values;
}

public sealed class SqliteSitemapTests(SitemapSqliteFactory factory)
    : SitemapTests<SitemapSqliteFactory>(factory), IClassFixture<SitemapSqliteFactory>;

/// <summary>The grouped index query and the correlated lastmod queries, translated for PostgreSQL.</summary>
public sealed class PostgreSqlSitemapTests(SitemapPostgreSqlFactory factory)
    : SitemapTests<SitemapPostgreSqlFactory>(factory), IClassFixture<SitemapPostgreSqlFactory>;

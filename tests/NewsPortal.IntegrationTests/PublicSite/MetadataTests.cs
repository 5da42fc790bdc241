using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.PublicSite;

/// <summary>What search engines and link previews read: title, description, canonical, Open Graph, JSON-LD.</summary>
public sealed class MetadataTests(MetadataSqliteFactory factory) : IClassFixture<MetadataSqliteFactory>
{
    private const string Base = MetadataSqliteFactory.BaseUrl;
    private const string SeedUrl = PublicPagesTests<SqliteFactory>.SeedUrl;
    private const string SeedTitle = PublicPagesTests<SqliteFactory>.SeedTitle;
    private const string SiteName = "Cải cách hành chính Quân khu 2";

    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static string? Meta(IHtmlDocument page, string property) =>
        page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    private static string? Description(IHtmlDocument page) =>
        page.QuerySelector("meta[name=description]")?.GetAttribute("content");

    private static string? Canonical(IHtmlDocument page) =>
        page.QuerySelectorAll("link[rel=canonical]").SingleOrDefault()?.GetAttribute("href");

    private static JsonDocument JsonLd(IHtmlDocument page)
    {
        var block = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(block.TextContent);
    }

    [Fact]
    public async Task HomeHasTheSiteTitleDescriptionAndCanonical()
    {
        var (_, page) = await _client.GetPageAsync("/?utm_source=zalo&fbclid=abc");

        Assert.Equal(SiteName, page.Title);
        Assert.Equal("Trang thông tin cải cách hành chính và xây dựng Chính phủ điện tử", Description(page));
        Assert.Equal(Base + "/", Canonical(page));
        Assert.Equal("website", Meta(page, "og:type"));
        Assert.Equal(Base + "/", Meta(page, "og:url"));
        Assert.Equal("vi_VN", Meta(page, "og:locale"));
    }

    [Fact]
    public async Task ArticleHasItsCanonicalWithoutQueryAndATrimmedDescription()
    {
        var (response, page) = await _client.GetPageAsync(SeedUrl + "?trang-binh-luan=1&utm_medium=social");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SeedTitle + " – " + SiteName, page.Title);
        Assert.Equal(Base + SeedUrl, Canonical(page));

        // The lead is longer than 160 characters: cut at a word boundary with an ellipsis.
        var lead = page.QuerySelector(".article-lead")!.TextContent;
        var description = Description(page)!;
        Assert.InRange(description.Length, 100, 160);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        var kept = description[..^1];
        Assert.StartsWith(kept, lead, StringComparison.Ordinal);
        Assert.Equal(' ', lead[kept.Length]);
    }

    [Fact]
    public async Task ArticleHasOpenGraphWithVietnamTimes()
    {
        var (_, page) = await _client.GetPageAsync(SeedUrl);

        Assert.Equal("article", Meta(page, "og:type"));
        Assert.Equal(SeedTitle, Meta(page, "og:title"));
        Assert.Equal(Description(page), Meta(page, "og:description"));
        Assert.Equal(Base + SeedUrl, Meta(page, "og:url"));
        Assert.Equal(SiteName, Meta(page, "og:site_name"));
        Assert.Equal("vi_VN", Meta(page, "og:locale"));
        Assert.Equal(Base + "/media/hoi-nghi-diem-cau-quan-khu.jpg", Meta(page, "og:image"));
        Assert.Equal("1200", Meta(page, "og:image:width"));
        Assert.Equal("675", Meta(page, "og:image:height"));
        Assert.Equal("Toàn cảnh hội nghị trực tuyến tại điểm cầu Quân khu", Meta(page, "og:image:alt"));
        Assert.Equal("2022-01-04T00:00:00+07:00", Meta(page, "article:published_time"));
        Assert.EndsWith("+07:00", Meta(page, "article:modified_time"), StringComparison.Ordinal);
        Assert.Equal("Cải cách hành chính", Meta(page, "article:section"));
        var tags = page.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")).ToList();
        Assert.Equal(["Bộ Quốc phòng", "CCHC", "Chính phủ điện tử"], tags);

        // The image really is there at that address.
        var image = await _client.GetAsync(new Uri(new Uri(Meta(page, "og:image")!).PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    [Fact]
    public async Task ArticleHasNewsArticleJsonLd()
    {
        var (_, page) = await _client.GetPageAsync(SeedUrl);

        using var json = JsonLd(page);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal(SeedTitle, root.GetProperty("headline").GetString());
        Assert.Equal(Description(page), root.GetProperty("description").GetString());
        Assert.Equal("2022-01-04T00:00:00+07:00", root.GetProperty("datePublished").GetString());
        var modified = root.GetProperty("dateModified").GetString()!;
        Assert.EndsWith("+07:00", modified, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.Parse(modified, System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.Parse("2022-01-04T00:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("vi", root.GetProperty("inLanguage").GetString());
        Assert.Equal("Cải cách hành chính", root.GetProperty("articleSection").GetString());
        Assert.Equal(["Bộ Quốc phòng", "CCHC", "Chính phủ điện tử"], root.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(Base + SeedUrl, root.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());

        var author = root.GetProperty("author");
        Assert.Equal("Person", author.GetProperty("@type").GetString());
        Assert.Equal("Tin, ảnh: VĂN DƯƠNG", author.GetProperty("name").GetString());

        var image = Assert.Single(root.GetProperty("image").EnumerateArray().ToList());
        Assert.Equal(Base + "/media/hoi-nghi-diem-cau-quan-khu.jpg", image.GetProperty("url").GetString());

        var publisher = root.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal(SiteName, publisher.GetProperty("name").GetString());
        Assert.StartsWith(Base + "/", publisher.GetProperty("logo").GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostileTitleCannotLeaveTheJsonLdBlock()
    {
        const string title = "</script><script>alert('xss')</script><!-- \"trích dẫn\" & <b>đậm</b>";
        await TestArticles.AddAsync(factory, title, "tieu-de-doc-hai-trong-json-ld", "tin-tuc-su-kien", byline: null);

        var response = await _client.GetAsync(new Uri("/bai-viet/tieu-de-doc-hai-trong-json-ld", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Every script on the page is our file or the data block: nothing the title opened.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/ld+json", s.OuterHtml));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        using var json = JsonLd(page);
        Assert.Equal(title, json.RootElement.GetProperty("headline").GetString());
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        // No byline: the site is the author.
        Assert.Equal("Organization", json.RootElement.GetProperty("author").GetProperty("@type").GetString());
    }

    [Fact]
    public async Task SectionTagAndDatePagesHaveVietnameseDescriptionsAndPagedCanonicals()
    {
        var (_, section) = await _client.GetPageAsync("/chuyen-muc/cai-cach-hanh-chinh?trang=2&sort=x");
        Assert.Equal(Base + "/chuyen-muc/cai-cach-hanh-chinh?trang=2", Canonical(section));
        Assert.Equal("Cải cách hành chính – Trang 2 – " + SiteName, section.Title);
        Assert.Equal("Kết quả, kinh nghiệm cải cách hành chính trong lực lượng vũ trang Quân khu. Trang 2.", Description(section));

        var (_, first) = await _client.GetPageAsync("/chuyen-muc/cai-cach-hanh-chinh?trang=1");
        Assert.Equal(Base + "/chuyen-muc/cai-cach-hanh-chinh", Canonical(first));

        var (_, tag) = await _client.GetPageAsync("/the/cchc");
        Assert.Equal(Base + "/the/cchc", Canonical(tag));
        Assert.Equal("Các bài viết gắn thẻ “CCHC” trên trang Cải cách hành chính Quân khu 2, mới nhất trước.", Description(tag));

        var (_, month) = await _client.GetPageAsync("/luu-tru/2022/01");
        Assert.Equal(Base + "/luu-tru/2022/01", Canonical(month));
        Assert.Equal("Các bài viết đăng tháng 01/2022 trên trang Cải cách hành chính Quân khu 2.", Description(month));
    }

    [Fact]
    public async Task TheHostHeaderCannotChangeAbsoluteUrlsWhenBaseUrlIsSet()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("http://evil.example/"), AllowAutoRedirect = false });

        var (_, page) = await client.GetPageAsync(SeedUrl);
        var feed = await client.GetStringAsync(new Uri("/rss", UriKind.Relative));

        Assert.Equal(Base + SeedUrl, Canonical(page));
        Assert.DoesNotContain("evil.example", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPagesHaveNoCanonical()
    {
        var (response, page) = await _client.GetPageAsync("/bai-viet/khong-ton-tai");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(Canonical(page));
    }
}

/// <summary>Without Site:BaseUrl, absolute URLs take the request's scheme and host.</summary>
public sealed class RequestHostUrlTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task AbsoluteUrlsUseTheRequestHost()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("http://tin.example.vn:8080/"), AllowAutoRedirect = false });

        var (_, page) = await client.GetPageAsync(PublicPagesTests<SqliteFactory>.SeedUrl);
        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Equal("http://tin.example.vn:8080" + PublicPagesTests<SqliteFactory>.SeedUrl, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("Sitemap: http://tin.example.vn:8080/sitemap.xml", robots, StringComparison.Ordinal);
    }
}

public sealed class MetadataSqliteFactory : SqliteFactory
{
    public const string BaseUrl = "https://cchc.qk.vn";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Site:BaseUrl"] = BaseUrl, ["Site:PageSize"] = "5" };
}

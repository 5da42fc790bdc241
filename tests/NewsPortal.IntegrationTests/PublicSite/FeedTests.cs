using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.PublicSite;

/// <summary>RSS 2.0 and Atom, site-wide and per section, read as a feed reader reads them.</summary>
public sealed class FeedTests(FeedSqliteFactory factory) : IClassFixture<FeedSqliteFactory>
{
    private const string SeedSlug = PublicPagesTests<SqliteFactory>.SeedSlug;
    private const string SeedTitle = PublicPagesTests<SqliteFactory>.SeedTitle;
    private const string SeedPermalink = FeedSqliteFactory.BaseUrl + "/bai-viet/" + SeedSlug;

    // "Ngày đăng: 04/01/2022" is midnight in Vietnam: 17:00 the day before in UTC.
    private static readonly DateTimeOffset SeedPublished = new(2022, 1, 3, 17, 0, 0, TimeSpan.Zero);

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/rss", "application/rss+xml")]
    [InlineData("/feed", "application/rss+xml")]
    [InlineData("/atom", "application/atom+xml")]
    [InlineData("/chuyen-muc/cai-cach-hanh-chinh/rss", "application/rss+xml")]
    [InlineData("/chuyen-muc/cai-cach-hanh-chinh/atom", "application/atom+xml")]
    public async Task FeedsAnswerWithTheirMediaTypeInUtf8(string url, string mediaType)
    {
        var (response, body) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.False(body.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte-order mark");
        Assert.Contains("Cải cách hành chính", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("/rss", "rss20")]
    [InlineData("/atom", "atom10")]
    public async Task FeedparserReadsTheSiteFeedsWithTheNewestArticlesAndTheFixture(string url, string version)
    {
        Skip.IfNot(PythonFeedParser.IsInstalled, PythonFeedParser.InstallHint);
        var (_, body) = await GetAsync(url);

        using var feed = PythonFeedParser.Parse(body);
        var root = feed.RootElement;
        Assert.False(root.GetProperty("bozo").GetBoolean(), root.GetProperty("error").GetString());
        Assert.Equal(version, root.GetProperty("version").GetString());
        Assert.Equal("Cải cách hành chính Quân khu 2", root.GetProperty("title").GetString());
        Assert.Equal(FeedSqliteFactory.BaseUrl + "/", root.GetProperty("link").GetString());

        // Site:FeedSize is 25 here: 31 seeded articles, the newest 25, newest first.
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(25, entries.Count);
        var published = entries.Select(e => e.GetProperty("published").GetInt64()).ToList();
        Assert.Equal(published.OrderDescending(), published);
        Assert.Equal(new DateTimeOffset(2022, 3, 30, 2, 30, 0, TimeSpan.Zero).ToUnixTimeSeconds(), published[0]); // 30/03/2022 09:30 in UTC+7
        Assert.All(entries, e => Assert.StartsWith(FeedSqliteFactory.BaseUrl + "/bai-viet/", e.GetProperty("link").GetString(), StringComparison.Ordinal));

        var seed = Assert.Single(entries, e => e.GetProperty("title").GetString() == SeedTitle);
        Assert.Equal(SeedPermalink, seed.GetProperty("link").GetString());
        Assert.Equal(SeedPermalink, seed.GetProperty("id").GetString());
        Assert.Equal(SeedPublished.ToUnixTimeSeconds(), seed.GetProperty("published").GetInt64());
        Assert.Equal("Tin, ảnh: VĂN DƯƠNG", seed.GetProperty("author").GetString());
        Assert.Equal(["Cải cách hành chính"], seed.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.StartsWith("QK2 – Chiều 4-1, Ban Chỉ đạo cải cách hành chính (CCHC)", seed.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal([FeedSqliteFactory.BaseUrl + "/media/hoi-nghi-diem-cau-quan-khu.jpg"], seed.GetProperty("enclosures").EnumerateArray().Select(x => x.GetString()));
    }

    [SkippableTheory]
    [InlineData("/chuyen-muc/cai-cach-hanh-chinh/rss", 9)]
    [InlineData("/chuyen-muc/cai-cach-hanh-chinh/atom", 9)]
    [InlineData("/chuyen-muc/quoc-phong-an-ninh/rss", 7)]
    public async Task FeedparserReadsASectionFeedWithOnlyThatSection(string url, int count)
    {
        Skip.IfNot(PythonFeedParser.IsInstalled, PythonFeedParser.InstallHint);
        var (_, body) = await GetAsync(url);

        using var feed = PythonFeedParser.Parse(body);
        var root = feed.RootElement;
        Assert.False(root.GetProperty("bozo").GetBoolean(), root.GetProperty("error").GetString());
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(count, entries.Count);
        var section = url.Split('/')[2];
        var sectionName = section == "cai-cach-hanh-chinh" ? "Cải cách hành chính" : "Quốc phòng – An ninh";
        Assert.All(entries, e => Assert.Equal([sectionName], e.GetProperty("tags").EnumerateArray().Select(t => t.GetString())));
        Assert.Equal(FeedSqliteFactory.BaseUrl + "/chuyen-muc/" + section, root.GetProperty("link").GetString());
    }

    [Fact]
    public async Task RssDatesAreRfc1123InGmtAndLinksAreAbsolute()
    {
        var (_, body) = await GetAsync("/chuyen-muc/cai-cach-hanh-chinh/rss");
        var channel = XDocument.Parse(Encoding.UTF8.GetString(body)).Root!.Element("channel")!;

        var items = channel.Elements("item").ToList();
        Assert.Equal(9, items.Count);
        foreach (var item in items)
        {
            var pubDate = item.Element("pubDate")!.Value;
            // RFC 1123 ("r"): Mon, 03 Jan 2022 17:00:00 GMT; ParseExact throws on anything else.
            DateTimeOffset.ParseExact(pubDate, "r", CultureInfo.InvariantCulture);
            Assert.True(Uri.TryCreate(item.Element("link")!.Value, UriKind.Absolute, out var link) && link.Scheme == Uri.UriSchemeHttps);
            Assert.Equal(item.Element("link")!.Value, item.Element("guid")!.Value);
            Assert.Equal("true", item.Element("guid")!.Attribute("isPermaLink")!.Value);
        }

        var seed = Assert.Single(items, i => i.Element("title")!.Value == SeedTitle);
        Assert.Equal("Mon, 03 Jan 2022 17:00:00 GMT", seed.Element("pubDate")!.Value);
        Assert.Equal(SeedPublished, DateTimeOffset.ParseExact(seed.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture));
        Assert.Equal("Tin, ảnh: VĂN DƯƠNG", seed.Element(DublinCore + "creator")!.Value);
        Assert.Equal("Cải cách hành chính", seed.Element("category")!.Value);
        var enclosure = seed.Element("enclosure")!;
        Assert.Equal(FeedSqliteFactory.BaseUrl + "/media/hoi-nghi-diem-cau-quan-khu.jpg", enclosure.Attribute("url")!.Value);
        Assert.Equal("image/jpeg", enclosure.Attribute("type")!.Value);
        Assert.True(long.Parse(enclosure.Attribute("length")!.Value, CultureInfo.InvariantCulture) > 0);

        DateTimeOffset.ParseExact(channel.Element("lastBuildDate")!.Value, "r", CultureInfo.InvariantCulture);
        var self = channel.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == "self");
        Assert.Equal(FeedSqliteFactory.BaseUrl + "/chuyen-muc/cai-cach-hanh-chinh/rss", self.Attribute("href")!.Value);
    }

    [Fact]
    public async Task AtomDatesAreRfc3339InUtc()
    {
        var (_, body) = await GetAsync("/atom");
        var feed = XDocument.Parse(Encoding.UTF8.GetString(body)).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(FeedSqliteFactory.BaseUrl + "/", feed.Element(Atom + "id")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        foreach (var entry in entries)
        {
            DateTimeOffset.ParseExact(entry.Element(Atom + "published")!.Value, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
            DateTimeOffset.ParseExact(entry.Element(Atom + "updated")!.Value, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        }

        var seed = Assert.Single(entries, e => e.Element(Atom + "title")!.Value == SeedTitle);
        Assert.Equal("2022-01-03T17:00:00Z", seed.Element(Atom + "published")!.Value);
        Assert.Equal(SeedPermalink, seed.Element(Atom + "id")!.Value);
        Assert.Equal(SeedPermalink, seed.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
        Assert.Equal("Tin, ảnh: VĂN DƯƠNG", seed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }

    [Fact]
    public async Task FeedsListOnlyPublicArticlesAndNothingAboutCommenters()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await TestArticles.AddAsync(factory, "Bản nháp chưa xuất bản về cải cách", "ban-nhap-chua-xuat-ban-ve-cai-cach", "cai-cach-hanh-chinh", publish: false);
        await TestArticles.AddAsync(factory, "Bài hẹn giờ về cải cách", "bai-hen-gio-ve-cai-cach", "cai-cach-hanh-chinh", scheduleAtUtc: now.AddDays(1));

        foreach (var url in new[] { "/rss", "/atom", "/chuyen-muc/cai-cach-hanh-chinh/rss", "/chuyen-muc/cai-cach-hanh-chinh/atom" })
        {
            var text = Encoding.UTF8.GetString((await GetAsync(url)).Body);
            Assert.DoesNotContain("ban-nhap-chua-xuat-ban", text, StringComparison.Ordinal);
            Assert.DoesNotContain("bai-hen-gio", text, StringComparison.Ordinal);
            // The seeded comments' emails and addresses (example.vn, documentation IP ranges).
            Assert.DoesNotContain("@example.vn", text, StringComparison.Ordinal);
            Assert.DoesNotContain("203.0.113.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("198.51.100.", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/chuyen-muc/khong-ton-tai/rss")]
    [InlineData("/chuyen-muc/khong-ton-tai/atom")]
    [InlineData("/chuyen-muc/Cai-Cach/rss")]
    [InlineData("/chuyen-muc/%3Cscript%3E/atom")]
    [InlineData("/chuyen-muc/a%2Fb/rss")]
    public async Task UnknownOrMalformedSectionFeedsAre404(string url)
    {
        var (response, _) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PagesLinkTheSiteFeedAndSectionPagesTheirOwn()
    {
        var (_, home) = await _client.GetPageAsync("/");
        var homeFeeds = home.QuerySelectorAll("link[rel=alternate]").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
        Assert.Equal([("application/rss+xml", FeedSqliteFactory.BaseUrl + "/rss"), ("application/atom+xml", FeedSqliteFactory.BaseUrl + "/atom")], homeFeeds);

        var (_, section) = await _client.GetPageAsync("/chuyen-muc/cai-cach-hanh-chinh");
        var sectionFeeds = section.QuerySelectorAll("link[rel=alternate]").Select(l => l.GetAttribute("href")).ToList();
        Assert.Contains(FeedSqliteFactory.BaseUrl + "/rss", sectionFeeds);
        Assert.Contains(FeedSqliteFactory.BaseUrl + "/chuyen-muc/cai-cach-hanh-chinh/rss", sectionFeeds);
        Assert.Contains(FeedSqliteFactory.BaseUrl + "/chuyen-muc/cai-cach-hanh-chinh/atom", sectionFeeds);
        Assert.NotNull(section.QuerySelector("a[href='/chuyen-muc/cai-cach-hanh-chinh/rss']"));
    }
}

/// <summary>A configured public address and a feed size that is not the default.</summary>
public sealed class FeedSqliteFactory : SqliteFactory
{
    public const string BaseUrl = "https://cchc.qk.vn";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Site:BaseUrl"] = BaseUrl + "/",
        ["Site:FeedSize"] = "25",
    };
}

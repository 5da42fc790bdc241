using System.Net;
using AngleSharp.Dom;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.PublicSite;

/// <summary>
/// What a reader sees on the public pages of the seeded site. Run on SQLite and on PostgreSQL
/// by the subclasses below.
/// </summary>
public abstract class PublicPagesTests<TFactory>(TFactory factory)
    where TFactory : NewsPortalFactory
{
    public const string SeedSlug = "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";
    public const string SeedTitle = "Bộ Quốc phòng tổng kết công tác cải cách hành chính và xây dựng Chính phủ điện tử năm 2021";
    public const string SeedUrl = "/bai-viet/" + SeedSlug;

    protected HttpClient Client { get; } = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task HomeLinksTheSeedArticleBySlug()
    {
        var (response, page) = await Client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        var links = page.QuerySelectorAll("a").Where(a => a.GetAttribute("href") == SeedUrl).Select(a => a.Text()).ToList();
        Assert.Contains(SeedTitle, links);
    }

    [Fact]
    public async Task HomeHasLeadStoryNewestSectionBlocksAndMostRead()
    {
        var (_, page) = await Client.GetPageAsync("/");

        // The fixture is pinned as the lead story; the newest list then starts with 30/03/2022.
        Assert.Equal(SeedUrl, page.QuerySelector(".lead-story h2 a")!.GetAttribute("href"));
        var headings = page.QuerySelectorAll("h2.block-title").Select(h => h.Text()).ToList();
        Assert.Contains("Tin mới", headings);
        Assert.Contains("Đọc nhiều", headings);
        foreach (var section in new[] { "Tin tức – Sự kiện", "Cải cách hành chính", "Chính phủ điện tử", "Quốc phòng – An ninh" })
        {
            Assert.Contains(section, headings);
        }

        var newestDates = page.QuerySelectorAll(".home-main .card-list .card-meta time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.True(newestDates.Count >= 5);
        Assert.Equal(newestDates.OrderDescending(StringComparer.Ordinal), newestDates);
        Assert.StartsWith("2022-03-30", newestDates[0], StringComparison.Ordinal);
        Assert.Equal(5, page.QuerySelectorAll(".most-read li a").Length);
    }

    [Fact]
    public async Task HeaderShowsTheVietnamDateLine()
    {
        var (_, page) = await Client.GetPageAsync("/");

        // The clock is pinned to 2022-07-02T18:30:31Z, the original page's moment in UTC+7.
        var dateline = page.QuerySelector(".dateline time");
        Assert.NotNull(dateline);
        Assert.Equal("Chủ nhật Ngày 03 Tháng 07 Năm 2022, 01:30:31", dateline.Text());
        Assert.Equal("2022-07-03T01:30:31+07:00", dateline.GetAttribute("datetime"));
    }

    [Fact]
    public async Task ArticlePageShowsTheFixtureInTheOriginalOrder()
    {
        var (response, page) = await Client.GetPageAsync(SeedUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var title = page.QuerySelector("h1")!;
        var date = page.QuerySelector(".article-date")!;
        var lead = page.QuerySelector(".article-lead")!;
        var figure = page.QuerySelector(".article-body figure")!;
        var caption = figure.QuerySelector("figcaption")!;
        var byline = page.QuerySelector(".byline")!;
        var tags = page.QuerySelector(".tags")!;
        var related = page.QuerySelector(".related")!;
        var comments = page.QuerySelector("#binh-luan")!;

        Assert.Equal(SeedTitle, title.Text());
        Assert.Equal("Ngày đăng: 04/01/2022", date.Text());
        Assert.StartsWith("QK2 – Chiều 4-1, Ban Chỉ đạo cải cách hành chính (CCHC)", lead.Text(), StringComparison.Ordinal);
        Assert.EndsWith("Phó Tư lệnh Quân khu.", lead.Text(), StringComparison.Ordinal);
        Assert.Equal("Toàn cảnh hội nghị tại điểm cầu Quân khu.", caption.Text());
        var image = figure.QuerySelector("img")!;
        Assert.Equal("Toàn cảnh hội nghị trực tuyến tại điểm cầu Quân khu", image.GetAttribute("alt"));
        Assert.Equal("/media/hoi-nghi-diem-cau-quan-khu.jpg", image.GetAttribute("src"));
        Assert.Equal("Tin, ảnh: VĂN DƯƠNG", byline.Text());

        IElement[] order = [title, date, lead, figure, byline, tags, related, comments];
        for (var i = 1; i < order.Length; i++)
        {
            Assert.True(order[i - 1].Precedes(order[i]), $"{order[i - 1].ClassName ?? order[i - 1].LocalName} should come before {order[i].ClassName ?? order[i].LocalName}");
        }

        // The photo appears once: the body carries it, so the featured copy is not repeated.
        Assert.Single(page.QuerySelectorAll("figure"));
        Assert.Contains("Công tác cải cách chế độ công vụ", page.QuerySelector(".article-body")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePageListsTagsAndRelatedArticles()
    {
        var (_, page) = await Client.GetPageAsync(SeedUrl);

        var tags = page.QuerySelectorAll(".tags a").Select(a => (Text: a.Text(), Href: a.GetAttribute("href"))).ToList();
        Assert.Contains(("CCHC", "/the/cchc"), tags);
        Assert.Contains(("Chính phủ điện tử", "/the/chinh-phu-dien-tu"), tags);
        Assert.Contains(("Bộ Quốc phòng", "/the/bo-quoc-phong"), tags);

        var related = page.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(related);
        Assert.DoesNotContain(SeedUrl, related);
        Assert.All(related, href => Assert.StartsWith("/bai-viet/", href, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ArticlePageShowsOnlyApprovedCommentsThreadedWithoutPersonalData()
    {
        var (_, page) = await Client.GetPageAsync(SeedUrl);
        var html = page.DocumentElement.OuterHtml;

        var top = page.QuerySelectorAll("#binh-luan > ol.comment-list > li");
        Assert.Single(top);
        Assert.Contains("Nguyễn Văn Hải", top[0].QuerySelector(".comment-author")!.Text(), StringComparison.Ordinal);
        var reply = top[0].QuerySelector("ol.comment-list > li");
        Assert.NotNull(reply);
        Assert.Equal("Trần Thị Lan", reply.QuerySelector(".comment-author")!.Text());
        Assert.Equal("nofollow ugc noopener", reply.QuerySelector("a.comment-author")!.GetAttribute("rel"));
        Assert.Equal(2, reply.QuerySelectorAll(".comment-body p").Length);
        Assert.Equal("Bình luận (2)", page.QuerySelector("#binh-luan h2")!.Text());

        Assert.DoesNotContain("đang chờ kiểm duyệt và không hiển thị", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.vn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.10", html, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.7", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SectionArchiveIsPagedNewestFirst()
    {
        var (first, page1) = await Client.GetPageAsync("/chuyen-muc/cai-cach-hanh-chinh");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Cải cách hành chính", page1.QuerySelector("h1")!.Text());

        var cards1 = page1.QuerySelectorAll(".card");
        Assert.Equal(5, cards1.Length); // PageSize is 5 in these tests
        var next = page1.QuerySelector("a[rel=next]");
        Assert.Equal("/chuyen-muc/cai-cach-hanh-chinh?trang=2", next!.GetAttribute("href"));

        var (_, page2) = await Client.GetPageAsync("/chuyen-muc/cai-cach-hanh-chinh?trang=2");
        var cards2 = page2.QuerySelectorAll(".card");
        Assert.Equal(4, cards2.Length); // 8 sample articles + the fixture
        Assert.Equal("/chuyen-muc/cai-cach-hanh-chinh", page2.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(page2.QuerySelector("a[rel=next]"));

        var dates = cards1.Concat(cards2).Select(c => c.QuerySelector("time")!.GetAttribute("datetime")!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.All(cards1.Concat(cards2), c => Assert.Equal("Cải cách hành chính", c.QuerySelector(".card-meta a")!.Text()));
        Assert.Contains(cards2.Concat(cards1), c => c.QuerySelector(".card-title a")!.GetAttribute("href") == SeedUrl);

        var (past, _) = await Client.GetPageAsync("/chuyen-muc/cai-cach-hanh-chinh?trang=3");
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }

    [Fact]
    public async Task TagArchiveListsTaggedArticles()
    {
        var (response, page) = await Client.GetPageAsync("/the/cchc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Thẻ: CCHC", page.QuerySelector("h1")!.Text());
        var all = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            var (r, p) = await Client.GetPageAsync("/the/cchc?trang=" + n);
            if (r.StatusCode == HttpStatusCode.NotFound)
            {
                break;
            }

            all.AddRange(p.QuerySelectorAll(".card .card-title a").Select(a => a.GetAttribute("href")!));
        }

        Assert.Contains(SeedUrl, all);
        Assert.Equal(11, all.Count); // the fixture and 10 sample articles carry CCHC
    }

    [Fact]
    public async Task DateArchivesListTheDayMonthAndYear()
    {
        var (day, dayPage) = await Client.GetPageAsync("/luu-tru/2022/01/04");
        Assert.Equal(HttpStatusCode.OK, day.StatusCode);
        Assert.Equal("Lưu trữ: Ngày 04/01/2022", dayPage.QuerySelector("h1")!.Text());
        Assert.Equal([SeedUrl], dayPage.QuerySelectorAll(".card .card-title a").Select(a => a.GetAttribute("href")!));

        var (month, monthPage) = await Client.GetPageAsync("/luu-tru/2022/01");
        Assert.Equal(HttpStatusCode.OK, month.StatusCode);
        Assert.Equal("Lưu trữ: Tháng 01/2022", monthPage.QuerySelector("h1")!.Text());
        Assert.Contains("Trang 1 / 2", monthPage.QuerySelector(".pager")!.Text(), StringComparison.Ordinal); // 8 in January, 5 a page

        var (year, _) = await Client.GetPageAsync("/luu-tru/2021");
        Assert.Equal(HttpStatusCode.OK, year.StatusCode);

        var (empty, emptyPage) = await Client.GetPageAsync("/luu-tru/2020/05");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Chưa có bài viết nào.", emptyPage.Body!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/chuyen-muc/cai-cach-hanh-chinh?trang=abc", HttpStatusCode.BadRequest)]
    [InlineData("/chuyen-muc/cai-cach-hanh-chinh?trang=0", HttpStatusCode.BadRequest)]
    [InlineData("/chuyen-muc/cai-cach-hanh-chinh?trang=-3", HttpStatusCode.BadRequest)]
    [InlineData("/chuyen-muc/cai-cach-hanh-chinh?trang=99999999999999999999", HttpStatusCode.BadRequest)]
    [InlineData("/the/cchc?trang=1e3", HttpStatusCode.BadRequest)]
    [InlineData("/luu-tru/2022?trang=%00", HttpStatusCode.BadRequest)]
    [InlineData("/chuyen-muc/khong-co", HttpStatusCode.NotFound)]
    [InlineData("/chuyen-muc/C%E1%BA%A3i", HttpStatusCode.NotFound)]
    [InlineData("/the/%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.NotFound)]
    [InlineData("/bai-viet/khong-ton-tai", HttpStatusCode.NotFound)]
    [InlineData("/bai-viet/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound)]
    [InlineData("/bai-viet/%F0%9F%92%A9", HttpStatusCode.NotFound)]
    [InlineData("/bai-viet/%ED%A0%80", HttpStatusCode.NotFound)]
    [InlineData("/luu-tru/2022/13", HttpStatusCode.NotFound)]
    [InlineData("/luu-tru/2022/02/30", HttpStatusCode.NotFound)]
    [InlineData("/luu-tru/99999999999", HttpStatusCode.NotFound)]
    [InlineData("/luu-tru/0", HttpStatusCode.NotFound)]
    [InlineData("/media/khong-co.jpg", HttpStatusCode.NotFound)]
    [InlineData("/media/..%2F..%2Fappsettings.json", HttpStatusCode.NotFound)]
    [InlineData("/wp-login.php", HttpStatusCode.NotFound)]
    [InlineData("/loi/500", HttpStatusCode.NotFound)]
    [InlineData("/a/b/c/d/e", HttpStatusCode.NotFound)]
    public async Task BadInputAnswersAFriendlyClientError(string url, HttpStatusCode expected)
    {
        var (response, page) = await Client.GetPageAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal($"Lỗi {(int)expected}", page.QuerySelector(".error-code")!.Text());
        Assert.DoesNotContain("Exception", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VeryLongSlugIsNotFound()
    {
        var (response, _) = await Client.GetPageAsync("/bai-viet/" + new string('a', 4000));
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"Got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task NotFoundPageIsFriendlyVietnamese()
    {
        var (response, page) = await Client.GetPageAsync("/khong-co-trang-nay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Không tìm thấy trang", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task PhotosAreServedWithImmutableCachingAndEtag()
    {
        var response = await Client.GetAsync(new Uri("/media/hoi-nghi-diem-cau-quan-khu.jpg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/media/hoi-nghi-diem-cau-quan-khu.jpg");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await Client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task HealthAndReadinessAnswer()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        var ready = await Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PagesCarrySecurityHeaders()
    {
        var response = await Client.GetAsync(new Uri(SeedUrl, UriKind.Relative));
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task NfdSlugInQueryDoesNotBreakLookups()
    {
        // A section name typed in NFD in the path is not a slug: a clean 404, never a 500.
        var nfd = Uri.EscapeDataString("Cải cách".Normalize(System.Text.NormalizationForm.FormD));
        var (response, _) = await Client.GetPageAsync("/chuyen-muc/" + nfd);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class PagedSqliteFactory : SqliteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Site:PageSize"] = "5" };
}

public sealed class PagedPostgreSqlFactory : PostgreSqlFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Site:PageSize"] = "5" };
}

public sealed class SqlitePublicPagesTests(PagedSqliteFactory factory)
    : PublicPagesTests<PagedSqliteFactory>(factory), IClassFixture<PagedSqliteFactory>;

public sealed class PostgreSqlPublicPagesTests(PagedPostgreSqlFactory factory)
    : PublicPagesTests<PagedPostgreSqlFactory>(factory), IClassFixture<PagedPostgreSqlFactory>;

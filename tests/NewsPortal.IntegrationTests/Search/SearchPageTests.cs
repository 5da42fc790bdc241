using System.Net;
using System.Text;
using NewsPortal.IntegrationTests.Infrastructure;
using static NewsPortal.IntegrationTests.Search.SearchCorpus;

namespace NewsPortal.IntegrationTests.Search;

/// <summary>The search page over the seeded site plus a few generated articles, on SQLite.</summary>
public sealed class SearchPageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private static readonly DateTime Jan2021 = new(2021, 1, 10, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("cai cach hanh chinh")]
    [InlineData("cải cách hành chính")]
    [InlineData("CẢI CÁCH HÀNH CHÍNH")]
    [InlineData("CCHC")]
    [InlineData("cchc")]
    [InlineData("Dinh Manh Phac")]
    [InlineData("Đinh Mạnh Phác")]
    [InlineData("chinh phu dien tu")]
    [InlineData("CPĐT")]
    public async Task EveryFormOfTheQueryFindsTheSeedArticle(string query)
    {
        var client = factory.CreateClient();
        await WaitUntilIndexedAsync(factory);

        foreach (var form in new[] { query, query.Normalize(NormalizationForm.FormD) })
        {
            var (response, page) = await SearchAsync(client, form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(FixtureSlug, ResultSlugs(page));
            Assert.Matches("^Tìm thấy [0-9.]+ bài viết cho “", page.QuerySelector(".search-count")!.Text());
        }
    }

    [Fact]
    public async Task MatchesAreHighlightedWithTheirMarksKept()
    {
        var client = factory.CreateClient();
        await WaitUntilIndexedAsync(factory);

        var (_, page) = await SearchAsync(client, "cai cach hanh chinh");
        var result = page.QuerySelectorAll(".search-result").Single(r => r.QuerySelector("h2 a")!.GetAttribute("href") == "/bai-viet/" + FixtureSlug);
        var marked = result.QuerySelectorAll("h2 mark").Select(m => m.TextContent).ToList();
        Assert.Equal(["cải", "cách", "hành", "chính"], marked);
        Assert.Equal("Bộ Quốc phòng tổng kết công tác cải cách hành chính và xây dựng Chính phủ điện tử năm 2021", result.QuerySelector("h2")!.Text());
        Assert.NotEmpty(result.QuerySelectorAll(".search-snippet mark"));
        Assert.All(result.QuerySelectorAll(".search-snippet mark"), m => Assert.Contains(VietnameseFold(m.TextContent), new[] { "cai", "cach", "hanh", "chinh", "cchc" }));
    }

    [Fact]
    public async Task TheSearchBoxIsOnEveryPublicPage()
    {
        var client = factory.CreateClient();
        foreach (var url in new[] { "/", "/bai-viet/" + FixtureSlug, "/chuyen-muc/cai-cach-hanh-chinh", "/luu-tru/2022", "/tim-kiem" })
        {
            var (_, page) = await client.GetPageAsync(url);
            var form = page.QuerySelector("header form[role=search]");
            Assert.NotNull(form);
            Assert.Equal("/tim-kiem", form.GetAttribute("action"));
            Assert.Equal("q", form.QuerySelector("input[type=search]")!.GetAttribute("name"));
        }
    }

    [Fact]
    public async Task RankingIsTitlePhraseThenTitleWordsThenLeadThenBodyAndNewerBreaksTies()
    {
        var client = factory.CreateClient();
        var body = Jan2021.AddDays(40);
        var bodyNewer = Jan2021.AddDays(50);
        var lead = Jan2021.AddDays(30);
        var titleWords = Jan2021.AddDays(20);
        var titlePhrase = Jan2021;
        var filler = "Cán bộ, chiến sĩ đơn vị tiếp tục thực hiện nghiêm các quy định về an toàn.";
        var ids = new[]
        {
            await AddAsync(factory, "Tin vắn: kiểm tra an toàn mùa khô", filler + " Đoàn đã kiểm tra trạm xăng lưu động của đơn vị.", bodyNewer),
            await AddAsync(factory, "Đội lưu động kiểm tra an toàn trạm xăng", filler, titleWords),
            await AddAsync(factory, "Khánh thành trạm xăng lưu động tại Sơn La", filler, titlePhrase),
            await AddAsync(factory, "Tin địa phương tuần qua", filler, lead, lead: "Huyện biên giới đưa trạm xăng lưu động vào hoạt động."),
            await AddAsync(factory, "Tin vắn: tập huấn phòng cháy", filler + " Đoàn đã kiểm tra trạm xăng lưu động của đơn vị.", body),
        };
        await WaitUntilIndexedAsync(factory);

        var (_, page) = await SearchAsync(client, "trạm xăng lưu động");
        var expected = new[] { ids[2], ids[1], ids[3], ids[0], ids[4] }.Select(id => SlugOf(factory, id)).ToList();
        Assert.Equal(expected, ResultSlugs(page));

        // Unaccented, the same order.
        var (_, folded) = await SearchAsync(client, "tram xang luu dong");
        Assert.Equal(expected, ResultSlugs(folded));
    }

    [Fact]
    public async Task AbbreviationsAreExpandedBothWays()
    {
        var client = factory.CreateClient();
        var spelledOut = await AddAsync(factory, "Bộ phận một cửa Pò Hèn", "Bộ phận một cửa giải quyết thủ tục hành chính cho người dân xã Pò Hèn.", Jan2021);
        var abbreviated = await AddAsync(factory, "Tiếp nhận hồ sơ ở Pò Hèn", "Xã Pò Hèn tiếp nhận 120 hồ sơ TTHC trong quý I.", Jan2021.AddDays(1));
        await WaitUntilIndexedAsync(factory);

        foreach (var query in new[] { "TTHC Pò Hèn", "thủ tục hành chính Pò Hèn", "thu tuc hanh chinh po hen" })
        {
            var (_, page) = await SearchAsync(client, query);
            Assert.Equal(new[] { SlugOf(factory, abbreviated), SlugOf(factory, spelledOut) }.Order(), ResultSlugs(page).Order());
        }
    }

    [Fact]
    public async Task FiltersBySectionAndDateRange()
    {
        var client = factory.CreateClient();
        await WaitUntilIndexedAsync(factory);

        Assert.Contains(FixtureSlug, ResultSlugs((await SearchAsync(client, "CCHC", "&chuyen-muc=cai-cach-hanh-chinh")).Page));
        var otherSection = (await SearchAsync(client, "CCHC", "&chuyen-muc=quoc-phong-an-ninh")).Page;
        Assert.DoesNotContain(FixtureSlug, ResultSlugs(otherSection));

        // Published 04/01/2022 00:00 in Vietnam (03/01 17:00 UTC): the day in Vietnam's calendar counts.
        Assert.Contains(FixtureSlug, ResultSlugs((await SearchAsync(client, "CCHC", "&tu=2022-01-04&den=2022-01-04")).Page));
        Assert.Contains(FixtureSlug, ResultSlugs((await SearchAsync(client, "CCHC", "&tu=04/01/2022&den=04/01/2022")).Page));
        Assert.DoesNotContain(FixtureSlug, ResultSlugs((await SearchAsync(client, "CCHC", "&tu=2022-01-05")).Page));
        Assert.DoesNotContain(FixtureSlug, ResultSlugs((await SearchAsync(client, "CCHC", "&den=2022-01-03")).Page));

        // Bad filters are explained and left out, never an error.
        var (response, bad) = await SearchAsync(client, "CCHC", "&tu=2022-13-45&chuyen-muc=khong-co");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = bad.QuerySelectorAll(".search-messages li").Select(li => li.Text()).ToList();
        Assert.Contains("“Từ ngày” không phải là ngày hợp lệ (ví dụ 04/01/2022); bộ lọc này đã được bỏ qua.", messages);
        Assert.Contains("Không có chuyên mục này; kết quả dưới đây tìm trong mọi chuyên mục.", messages);
        Assert.Contains(FixtureSlug, ResultSlugs(bad));

        var (_, swapped) = await SearchAsync(client, "CCHC", "&tu=2022-01-31&den=2022-01-01");
        Assert.Contains(FixtureSlug, ResultSlugs(swapped));
        Assert.Contains("“Từ ngày” phải trước “Đến ngày”; hai ngày đã được đổi chỗ cho nhau.", swapped.QuerySelectorAll(".search-messages li").Select(li => li.Text()));
    }

    [Fact]
    public async Task ResultsArePaged()
    {
        var client = factory.CreateClient();
        for (var n = 1; n <= 25; n++)
        {
            await AddAsync(factory, $"Chợ phiên Khau Vai kỳ {n}", "Phiên chợ họp mỗi năm một lần.", Jan2021.AddHours(n));
        }

        await WaitUntilIndexedAsync(factory);
        var (_, first) = await SearchAsync(client, "Khau Vai");
        Assert.Equal("Tìm thấy 25 bài viết cho “Khau Vai”.", first.QuerySelector(".search-count")!.Text());
        Assert.Equal(10, ResultSlugs(first).Count);
        Assert.Equal("Trang 1 / 3", first.QuerySelector(".pager span")!.Text());
        Assert.Equal("/tim-kiem?q=Khau%20Vai&trang=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));

        var (_, last) = await SearchAsync(client, "Khau Vai", "&trang=3");
        Assert.Equal(5, ResultSlugs(last).Count);
        Assert.Equal("Chợ phiên Khau Vai kỳ 5", last.QuerySelectorAll(".search-result h2")[0].Text());
        Assert.Equal(HttpStatusCode.NotFound, (await SearchAsync(client, "Khau Vai", "&trang=4")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SearchAsync(client, "Khau Vai", "&trang=abc")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SearchAsync(client, "Khau Vai", "&trang=0")).Response.StatusCode);
    }

    [Fact]
    public async Task EmptyNoResultAndTooLongQueriesGetAClearPage()
    {
        var client = factory.CreateClient();
        await WaitUntilIndexedAsync(factory);

        var (emptyResponse, empty) = await client.GetPageAsync("/tim-kiem");
        Assert.Equal(HttpStatusCode.OK, emptyResponse.StatusCode);
        Assert.StartsWith("Nhập từ khóa để tìm bài viết", empty.QuerySelector(".search-hint")!.Text());
        Assert.Equal("noindex, follow", empty.QuerySelector("meta[name=robots]")!.GetAttribute("content"));

        var (_, blank) = await SearchAsync(client, "   ");
        Assert.NotNull(blank.QuerySelector(".search-hint"));

        var (_, none) = await SearchAsync(client, "xyzzy quasimodo");
        Assert.Equal("Không tìm thấy bài viết nào cho “xyzzy quasimodo”.", none.QuerySelector(".search-empty strong")!.Text());
        Assert.Empty(ResultSlugs(none));

        var (longResponse, tooLong) = await SearchAsync(client, string.Concat(Enumerable.Repeat("cải cách ", 200)));
        Assert.Equal(HttpStatusCode.OK, longResponse.StatusCode);
        Assert.Equal("Từ khóa quá dài: hãy nhập tối đa 200 ký tự.", tooLong.QuerySelector(".search-messages li")!.Text());

        var (_, manyWords) = await SearchAsync(client, "cải cách hành chính quân khu bộ quốc phòng năm 2021 tổng kết công tác xây dựng chính phủ điện tử và chuyển đổi số");
        Assert.Contains("Chỉ 12 từ đầu tiên được dùng để tìm.", manyWords.QuerySelectorAll(".search-messages li").Select(li => li.Text()));

        var (_, punctuation) = await SearchAsync(client, "!!! ??? ---");
        Assert.Equal("Từ khóa cần có ít nhất một chữ hoặc một số.", punctuation.QuerySelector(".search-messages li")!.Text());
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("title:(cải OR cách) AND *:*")]
    [InlineData("cải~ cách* ?hành \"chính")]
    [InlineData("' OR 1=1; DROP TABLE Articles; --")]
    [InlineData("%00%ff\\u0000")]
    [InlineData("\u0000\u0001\u202e\ufeff")]
    [InlineData("\ud800cải")]
    [InlineData("{{7*7}} ${7*7} @(1+1)")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z")]
    public async Task HostileQueriesNeverBreakThePage(string query)
    {
        var client = factory.CreateClient();
        await WaitUntilIndexedAsync(factory);

        var (response, page) = await SearchAsync(client, query);
        Assert.True((int)response.StatusCode < 500, $"{query} answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Empty(page.QuerySelectorAll("main script, main img[onerror]"));
            Assert.DoesNotContain("<script>alert", await (await client.GetAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString(query), UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static string VietnameseFold(string text) => NewsPortal.Web.Services.Text.VietnameseText.Fold(text);
}

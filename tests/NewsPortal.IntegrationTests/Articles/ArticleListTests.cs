using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>The admin list of articles: counts per status, filters and pages.</summary>
public sealed class ArticleListTests(ArticleSqliteFactory factory) : IClassFixture<ArticleSqliteFactory>
{
    [Fact]
    public async Task TheListCountsFiltersAndPagesArticles()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Đoàn Văn Chiến");
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Cao Thị Duyên");
        var sections = await factory.QueryAsync(db => db.Sections.OrderBy(s => s.SortOrder).Select(s => new { s.Id, s.Name }).ToListAsync());
        var (first, second) = (sections[0], sections[1]);
        var before = await CountsAsync();

        // The author writes three drafts in the first section; one goes to review, one to the trash.
        var authorIds = new List<int>();
        foreach (var title in new[] { "Tổng kết phong trào thi đua Quyết thắng", "Độc nhất vô nhị: mô hình dân vận khéo", "Bài nháp sẽ bỏ đi" })
        {
            authorIds.Add(await author.CreateArticleAsync(title, more: new Dictionary<string, string> { ["SectionId"] = Id(first.Id) }));
        }

        await author.StepOkAsync(authorIds[0], "gui-duyet", "Đã gửi duyệt.");
        await author.StepOkAsync(authorIds[2], "thung-rac", "Đã chuyển vào thùng rác.");
        // The editor writes two in the second section, publishes one and schedules the other.
        var published = await editor.CreateArticleAsync("Tin ảnh: hội diễn văn nghệ quần chúng", more: new Dictionary<string, string> { ["SectionId"] = Id(second.Id) });
        var scheduled = await editor.CreateArticleAsync("Lịch trực ban dịp Quốc khánh 2-9", more: new Dictionary<string, string> { ["SectionId"] = Id(second.Id) });
        await editor.StepOkAsync(published, "xuat-ban", "Đã xuất bản.");
        var tomorrow = NewsPortal.Web.Services.Text.VietnamClock.ToLocal(factory.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        await editor.StepOkAsync(scheduled, "len-lich", "Đã lên lịch xuất bản.", atVietnamTime: tomorrow);

        // The tabs count every status.
        var (response, all) = await editor.GetPageAsync("/admin/bai-viet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tabs = all.QuerySelectorAll("ul.tabs a").Select(a => a.Text()).ToList();
        var expected = new Dictionary<ArticleStatus, int>(before);
        expected[ArticleStatus.Draft] += 1;
        expected[ArticleStatus.PendingReview] += 1;
        expected[ArticleStatus.Trashed] += 1;
        expected[ArticleStatus.Published] += 1;
        expected[ArticleStatus.Scheduled] += 1;
        Assert.Equal(expected, await CountsAsync());
        var notTrashed = expected.Where(c => c.Key != ArticleStatus.Trashed).Sum(c => c.Value);
        Assert.Equal(
            [
                $"Tất cả ({notTrashed})",
                $"Bản nháp ({expected[ArticleStatus.Draft]})",
                $"Chờ duyệt ({expected[ArticleStatus.PendingReview]})",
                $"Đã lên lịch ({expected[ArticleStatus.Scheduled]})",
                $"Đã xuất bản ({expected[ArticleStatus.Published]})",
                $"Đã gỡ ({expected[ArticleStatus.Unpublished]})",
                $"Thùng rác ({expected[ArticleStatus.Trashed]})",
            ],
            tabs);
        Assert.Equal($"{notTrashed} bài viết.", Total(all));

        // By status.
        var (_, drafts) = await editor.GetPageAsync("/admin/bai-viet?trangThai=Draft");
        Assert.Equal(expected[ArticleStatus.Draft], Rows(drafts).Count);
        Assert.All(Rows(drafts), r => Assert.Equal("Bản nháp", r.Status));
        Assert.Equal("Bản nháp (" + expected[ArticleStatus.Draft] + ")", drafts.QuerySelector("ul.tabs li.current a")!.Text());
        var (_, trash) = await editor.GetPageAsync("/admin/bai-viet?trangThai=Trashed");
        Assert.Equal(["Bài nháp sẽ bỏ đi"], Rows(trash).Select(r => r.Title));

        // By section: the trash stays out unless asked for.
        var (_, inSecond) = await editor.GetPageAsync($"/admin/bai-viet?chuyenMuc={second.Id}");
        Assert.All(Rows(inSecond), r => Assert.Equal(second.Name, r.Section));
        Assert.Contains(Rows(inSecond), r => r.Title == "Lịch trực ban dịp Quốc khánh 2-9");
        Assert.DoesNotContain(Rows(inSecond), r => r.Title == "Tổng kết phong trào thi đua Quyết thắng");

        // By author: the author's two articles not in the trash.
        var (_, byAuthor) = await editor.GetPageAsync($"/admin/bai-viet?tacGia={author.UserId}");
        Assert.Equal(["Tổng kết phong trào thi đua Quyết thắng", "Độc nhất vô nhị: mô hình dân vận khéo"], Rows(byAuthor).Select(r => r.Title).Order(StringComparer.Ordinal));
        Assert.All(Rows(byAuthor), r => Assert.Equal("Cao Thị Duyên", r.Author));
        Assert.Equal("2 bài viết.", Total(byAuthor));

        // By text, typed in either Unicode form.
        var (_, found) = await editor.GetPageAsync("/admin/bai-viet?q=" + Uri.EscapeDataString("Độc nhất"));
        Assert.Equal(["Độc nhất vô nhị: mô hình dân vận khéo"], Rows(found).Select(r => r.Title));
        var (_, foundNfd) = await editor.GetPageAsync("/admin/bai-viet?q=" + Uri.EscapeDataString("Độc nhất".Normalize(NormalizationForm.FormD)));
        Assert.Equal(["Độc nhất vô nhị: mô hình dân vận khéo"], Rows(foundNfd).Select(r => r.Title));
        var (_, combined) = await editor.GetPageAsync($"/admin/bai-viet?trangThai=PendingReview&chuyenMuc={first.Id}&tacGia={author.UserId}");
        Assert.Equal(["Tổng kết phong trào thi đua Quyết thắng"], Rows(combined).Select(r => r.Title));

        // Pages of twenty, with links that keep the filters.
        var (_, page1) = await editor.GetPageAsync("/admin/bai-viet");
        var (page2Response, page2) = await editor.GetPageAsync("/admin/bai-viet?trang=2");
        Assert.Equal(HttpStatusCode.OK, page2Response.StatusCode);
        Assert.Equal(20, Rows(page1).Count);
        var totalPages = (notTrashed + 19) / 20;
        Assert.Equal($"Trang 1 / {totalPages}", page1.QuerySelector(".pager span")!.Text());
        Assert.Equal("/admin/bai-viet?trang=2", page1.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        var seen = new List<string>();
        for (var p = 1; p <= totalPages; p++)
        {
            var (_, page) = await editor.GetPageAsync($"/admin/bai-viet?trang={p}");
            seen.AddRange(page.QuerySelectorAll("tbody td:first-child a").Select(a => a.GetAttribute("href")!));
        }

        Assert.Equal(notTrashed, seen.Count);
        Assert.Equal(notTrashed, seen.Distinct(StringComparer.Ordinal).Count());
        var (_, publishedPage1) = await editor.GetPageAsync("/admin/bai-viet?trangThai=Published");
        Assert.Equal("/admin/bai-viet?trangThai=Published&trang=2", publishedPage1.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("trang=abc")]
    [InlineData("trang=0")]
    [InlineData("trang=-1")]
    [InlineData("trang=99999999999")]
    [InlineData("trangThai=Nonsense")]
    [InlineData("trangThai=99")]
    [InlineData("chuyenMuc=abc")]
    [InlineData("chuyenMuc=1.5")]
    public async Task ABadFilterValueIsABadRequestNotAnError(string query)
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Giáp Văn Định");

        var (response, page) = await editor.GetPageAsync("/admin/bai-viet?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Lỗi 400", page.QuerySelector(".error-code")!.Text());
        Assert.DoesNotContain("Exception", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlongSearchTextIsABadRequest()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Âu Thị Giang");

        var (text, _) = await editor.GetPageAsync("/admin/bai-viet?q=" + new string('a', 201));
        var (author, _) = await editor.GetPageAsync("/admin/bai-viet?tacGia=" + new string('a', 451));

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, author.StatusCode);
    }

    [Fact]
    public async Task APageBeyondTheLastIsEmptyNotAnError()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Bế Văn Hải");

        var (response, page) = await editor.GetPageAsync("/admin/bai-viet?trang=500");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Rows(page));
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Total(IHtmlDocument page) =>
        page.QuerySelectorAll("p").Select(p => p.Text()).Single(t => t.EndsWith(" bài viết.", StringComparison.Ordinal));

    private static List<(string Title, string Status, string Section, string Author)> Rows(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.list tbody tr").Select(r =>
        {
            var cells = r.QuerySelectorAll("td");
            return (cells[0].Text(), cells[1].QuerySelector(".status")!.Text(), cells[2].Text(), cells[3].Text());
        })];

    private Task<Dictionary<ArticleStatus, int>> CountsAsync() => factory.QueryAsync(async db =>
    {
        var counts = await db.Articles.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        return Enum.GetValues<ArticleStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    });
}

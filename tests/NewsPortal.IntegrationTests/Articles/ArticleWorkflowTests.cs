using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>
/// The editorial workflow through the admin pages: review, publishing, taking down, trash and
/// deletion, who may do which step, and the slug of a live article.
/// </summary>
public sealed class ArticleWorkflowTests(ArticleSqliteFactory factory) : IClassFixture<ArticleSqliteFactory>
{
    [Fact]
    public async Task AnArticleGoesFromReviewToPublicAndBackToTheTrash()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Nguyễn Văn An");
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Trần Thị Biên");
        const string title = "Sư đoàn 316 đẩy mạnh ứng dụng công nghệ thông tin";
        var id = await author.CreateArticleAsync(title, "Nội dung **chính** của bài.", "Sapo về ứng dụng công nghệ thông tin.");
        var slug = (await factory.ArticleAsync(id))!.Slug;
        var publicUrl = "/bai-viet/" + slug;

        // The Author submits it for review.
        await author.StepOkAsync(id, "gui-duyet", "Đã gửi duyệt.");
        Assert.Equal(ArticleStatus.PendingReview, (await factory.ArticleAsync(id))!.Status);
        Assert.Equal("Chờ duyệt", await author.StatusShownAsync(id));

        // The Editor returns it with notes; the Author sees them on the editor page.
        await editor.StepOkAsync(id, "tra-lai", "Đã trả lại cho tác giả.", notes: "Cần bổ sung số liệu quý II và ảnh minh họa.");
        Assert.Equal(ArticleStatus.Draft, (await factory.ArticleAsync(id))!.Status);
        var (_, returned) = await author.GetPageAsync($"/admin/bai-viet/{id}/sua");
        Assert.Equal("Bản nháp", returned.QuerySelector("#trang-thai")!.Text());
        Assert.Equal("Ghi chú của người duyệt: Cần bổ sung số liệu quý II và ảnh minh họa.", returned.QuerySelector("p.warning")!.Text());

        // Not public yet.
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Http.GetAsync(new Uri(publicUrl, UriKind.Relative))).StatusCode);

        // The Editor publishes it: the public page and the home page show it.
        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        var published = (await factory.ArticleAsync(id))!;
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, published.PublishedAtUtc);
        var (articleResponse, articlePage) = await editor.GetPageAsync(publicUrl);
        Assert.Equal(HttpStatusCode.OK, articleResponse.StatusCode);
        Assert.Equal(title, articlePage.QuerySelector("h1")!.Text());
        Assert.Equal("Sapo về ứng dụng công nghệ thông tin.", articlePage.QuerySelector(".article-lead")!.Text());
        var (_, home) = await editor.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("a"), a => a.GetAttribute("href") == publicUrl && a.Text() == title);
        var (_, editorPage) = await editor.GetPageAsync($"/admin/bai-viet/{id}/sua");
        Assert.Equal(publicUrl, editorPage.QuerySelector("a[target=_blank][href^='/bai-viet/']")!.GetAttribute("href"));

        // Publishing twice is refused with a clear message.
        await editor.StepOkAsync(id, "xuat-ban", "Bài viết đã được xuất bản.");

        // Taken down: the public page is gone.
        await editor.StepOkAsync(id, "go-bai", "Đã gỡ bài.");
        Assert.Equal(ArticleStatus.Unpublished, (await factory.ArticleAsync(id))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Http.GetAsync(new Uri(publicUrl, UriKind.Relative))).StatusCode);
        Assert.DoesNotContain((await editor.GetPageAsync("/")).Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == publicUrl);

        // Trash and restore: back to a draft.
        await editor.StepOkAsync(id, "thung-rac", "Đã chuyển vào thùng rác.");
        Assert.Equal(ArticleStatus.Trashed, (await factory.ArticleAsync(id))!.Status);
        await editor.StepOkAsync(id, "khoi-phuc", "Đã khôi phục thành bản nháp.");
        Assert.Equal(ArticleStatus.Draft, (await factory.ArticleAsync(id))!.Status);

        // A draft cannot be deleted for good.
        await editor.StepOkAsync(id, "xoa", "Không thể thực hiện thao tác này khi bài viết đang ở trạng thái “Bản nháp”.");
        Assert.NotNull(await factory.ArticleAsync(id));

        // From the trash it can, with its revisions.
        await editor.StepOkAsync(id, "thung-rac", "Đã chuyển vào thùng rác.");
        var deleted = await editor.StepAsync(id, "xoa");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/admin/bai-viet?trangThai=Trashed", deleted.Headers.Location!.OriginalString);
        Assert.Equal("Đã xóa vĩnh viễn.", await editor.FlashAsync(deleted));
        Assert.Null(await factory.ArticleAsync(id));
        Assert.Empty(await factory.RevisionsAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Http.GetAsync(new Uri($"/admin/bai-viet/{id}/sua", UriKind.Relative))).StatusCode);

        // Every step left its entry in the audit log, by whoever took it.
        var audit = await factory.AuditAsync(id);
        Assert.Equal(
            [
                ("article.create", author.UserName),
                ("article.submit", author.UserName),
                ("article.return", editor.UserName),
                ("article.publish", editor.UserName),
                ("article.unpublish", editor.UserName),
                ("article.trash", editor.UserName),
                ("article.restore", editor.UserName),
                ("article.trash", editor.UserName),
                ("article.delete", editor.UserName),
            ],
            audit.Select(e => (e.Action, e.UserName)));
        Assert.Contains("Cần bổ sung số liệu quý II", audit[2].Summary, StringComparison.Ordinal);
        Assert.Equal($"Xóa vĩnh viễn “{title}”.", audit[^1].Summary);
    }

    [Fact]
    public async Task AnAuthorCannotPublishScheduleOrTakeDown()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Lý Văn Cường");
        var id = await author.CreateArticleAsync("Bài viết của tác giả chờ biên tập duyệt");
        await author.StepOkAsync(id, "gui-duyet", "Đã gửi duyệt.");
        var auditBefore = (await factory.AuditAsync(id)).Count;

        var inAnHour = VietnamTime(factory.Clock.GetUtcNow().UtcDateTime).AddHours(1);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.StepAsync(id, "xuat-ban")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.StepAsync(id, "len-lich", atVietnamTime: inAnHour)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.StepAsync(id, "tra-lai", notes: "Tự trả lại")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.StepAsync(id, "hen-go", atVietnamTime: inAnHour)).StatusCode);

        var article = (await factory.ArticleAsync(id))!;
        Assert.Equal(ArticleStatus.PendingReview, article.Status);
        Assert.Null(article.ScheduledAtUtc);
        Assert.Equal(auditBefore, (await factory.AuditAsync(id)).Count);

        // The editor page offers the Author no publishing controls.
        var (_, page) = await author.GetPageAsync($"/admin/bai-viet/{id}/sua");
        Assert.Null(page.QuerySelector($"form[action='/admin/bai-viet/{id}/xuat-ban']"));
        Assert.Null(page.QuerySelector($"form[action='/admin/bai-viet/{id}/len-lich']"));
    }

    [Fact]
    public async Task AnAuthorCannotChangeAnotherAuthorsArticle()
    {
        using var owner = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Mạc Thị Dung");
        using var other = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Hồ Văn Đức");
        var id = await owner.CreateArticleAsync("Bài viết riêng của một tác giả");

        var save = await other.SaveAsync(id, new Dictionary<string, string> { ["Title"] = "Tiêu đề bị sửa trộm" });
        var submit = await other.StepAsync(id, "gui-duyet");
        var trash = await other.StepAsync(id, "thung-rac");

        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, trash.StatusCode);
        var article = (await factory.ArticleAsync(id))!;
        Assert.Equal("Bài viết riêng của một tác giả", article.Title);
        Assert.Equal(ArticleStatus.Draft, article.Status);
    }

    [Fact]
    public async Task AnAuthorCannotEditTheirArticleOnceItIsLive()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Lục Thị Hằng");
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Nông Văn Khang");
        var id = await author.CreateArticleAsync("Bài viết đã lên trang của tác giả");
        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");

        var editorPage = await author.OpenEditorAsync(id);
        var save = await author.PostAsync(editorPage.Url, editorPage.With(new Dictionary<string, string> { ["Title"] = "Sửa sau khi đã đăng" }), editorPage.Token);

        Assert.Contains(editorPage.Document.QuerySelectorAll("p.warning"), p => p.Text() == "Bạn không có quyền sửa bài viết này ở trạng thái hiện tại.");
        Assert.True(editorPage.Document.QuerySelector("form#bai-viet button[type=submit]")!.HasAttribute("disabled"));
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal("Bài viết đã lên trang của tác giả", (await factory.ArticleAsync(id))!.Title);
    }

    [Theory]
    [InlineData("go-bai", "Chỉ gỡ được bài viết đang xuất bản.")]
    [InlineData("khoi-phuc", "Không thể thực hiện thao tác này khi bài viết đang ở trạng thái “Bản nháp”.")]
    [InlineData("tra-lai", "Không thể thực hiện thao tác này khi bài viết đang ở trạng thái “Bản nháp”.")]
    [InlineData("xoa", "Không thể thực hiện thao tác này khi bài viết đang ở trạng thái “Bản nháp”.")]
    [InlineData("len-lich", "Vui lòng chọn thời điểm xuất bản.")]
    public async Task AStepThatDoesNotApplyToADraftIsRefusedWithAClearMessage(string step, string message)
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Kiều Văn Hùng");
        var id = await editor.CreateArticleAsync($"Bản nháp thử bước {step}");
        var before = await factory.ArticleAsync(id);

        await editor.StepOkAsync(id, step, message);

        var after = (await factory.ArticleAsync(id))!;
        Assert.Equal(ArticleStatus.Draft, after.Status);
        Assert.Equal(before!.Version, after.Version);
        // Only its creation is on record: the refused step left no entry.
        Assert.Equal(["article.create"], (await factory.AuditAsync(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task AnEmptyArticleCannotBePublished()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Tạ Thị Hương");
        var id = await editor.CreateArticleAsync("Bài viết chưa có nội dung", body: string.Empty, lead: string.Empty);

        await editor.StepOkAsync(id, "xuat-ban", "Không thể xuất bản bài viết chưa có nội dung.");

        Assert.Equal(ArticleStatus.Draft, (await factory.ArticleAsync(id))!.Status);
    }

    [Fact]
    public async Task RenamingTheSlugOfALiveArticleKeepsTheOldAddressAsAPermanentRedirect()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Lương Văn Khải");
        const string title = "Bộ Chỉ huy quân sự tỉnh Hà Giang sơ kết công tác quý III";
        var id = await editor.CreateArticleAsync(title);
        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        const string oldSlug = "bo-chi-huy-quan-su-tinh-ha-giang-so-ket-cong-tac-quy-iii";
        Assert.Equal(oldSlug, (await factory.ArticleAsync(id))!.Slug);

        var saved = await editor.SaveAsync(id, new Dictionary<string, string> { ["Slug"] = "ha-giang-so-ket-quy-iii" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Đã lưu.", await editor.FlashAsync(saved));

        var old = await editor.Http.GetAsync(new Uri("/bai-viet/" + oldSlug, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/bai-viet/ha-giang-so-ket-quy-iii", old.Headers.Location!.OriginalString);
        var (current, page) = await editor.GetPageAsync("/bai-viet/ha-giang-so-ket-quy-iii");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(title, page.QuerySelector("h1")!.Text());

        // The old slug stays reserved: another article cannot take it, explicitly or from its title.
        var taken = await editor.SubmitNewAsync(new Dictionary<string, string> { ["Title"] = "Một bài khác", ["Slug"] = oldSlug, ["Body"] = "Nội dung." });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal("Đường dẫn này đã được bài viết khác sử dụng.", Html.Parse(await taken.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Slug]")!.Text());
        var sameTitle = await editor.CreateArticleAsync(title);
        Assert.Equal(oldSlug + "-2", (await factory.ArticleAsync(sameTitle))!.Slug);
        var other = await editor.CreateArticleAsync("Bài viết thứ ba về Hà Giang");
        var renamed = await editor.SaveAsync(other, new Dictionary<string, string> { ["Slug"] = oldSlug });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.NotEqual(oldSlug, (await factory.ArticleAsync(other))!.Slug);

        // The old address still leads to the renamed article.
        Assert.Equal(HttpStatusCode.MovedPermanently, (await editor.Http.GetAsync(new Uri("/bai-viet/" + oldSlug, UriKind.Relative))).StatusCode);
        Assert.Equal(1, await factory.QueryAsync(db => db.ArticleSlugRedirects.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task RenamingBackToAnEarlierSlugWorksAndEveryOtherOldAddressRedirects()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Ninh Văn Lộc");
        var id = await editor.CreateArticleAsync("Diễn tập khu vực phòng thủ tỉnh Tuyên Quang");
        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        const string original = "dien-tap-khu-vuc-phong-thu-tinh-tuyen-quang";

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SaveAsync(id, new Dictionary<string, string> { ["Slug"] = "dien-tap-tuyen-quang" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SaveAsync(id, new Dictionary<string, string> { ["Slug"] = "dien-tap-khu-vuc-phong-thu-tuyen-quang" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SaveAsync(id, new Dictionary<string, string> { ["Slug"] = original })).StatusCode);

        Assert.Equal(original, (await factory.ArticleAsync(id))!.Slug);
        Assert.Equal(HttpStatusCode.OK, (await editor.Http.GetAsync(new Uri("/bai-viet/" + original, UriKind.Relative))).StatusCode);
        foreach (var old in new[] { "dien-tap-tuyen-quang", "dien-tap-khu-vuc-phong-thu-tuyen-quang" })
        {
            var response = await editor.Http.GetAsync(new Uri("/bai-viet/" + old, UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/bai-viet/" + original, response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task AnOldAddressOfAnArticleNoLongerPublicIsNotFound()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Chu Thị Liên");
        var id = await editor.CreateArticleAsync("Thông báo lịch tiếp công dân tháng 8");
        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        await editor.SaveAsync(id, new Dictionary<string, string> { ["Slug"] = "lich-tiep-cong-dan-thang-8" });

        await editor.StepOkAsync(id, "go-bai", "Đã gỡ bài.");

        Assert.Equal(HttpStatusCode.NotFound, (await editor.Http.GetAsync(new Uri("/bai-viet/thong-bao-lich-tiep-cong-dan-thang-8", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Http.GetAsync(new Uri("/bai-viet/lich-tiep-cong-dan-thang-8", UriKind.Relative))).StatusCode);
    }

    private static DateTime VietnamTime(DateTime utc) => NewsPortal.Web.Services.Text.VietnamClock.ToLocal(utc);
}

using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>The editor's "Bình luận" choice: follow the site, open, or closed; revisions don't keep it.</summary>
public sealed class ArticleCommentsModeTests(ArticleSqliteFactory factory) : IClassFixture<ArticleSqliteFactory>
{
    [Fact]
    public async Task ClosingCommentsInTheEditorRemovesTheFormFromThePublicPage()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Lê Văn Cường");
        var id = await editor.CreateArticleAsync("Hội nghị tổng kết công tác thi đua khen thưởng năm 2023", "Hội nghị diễn ra tại hội trường lớn.");
        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        var publicUrl = "/bai-viet/" + (await factory.ArticleAsync(id))!.Slug;
        using var reader = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.NotNull((await reader.GetPageAsync(publicUrl)).Document.QuerySelector("form.comment-form"));

        var opened = await editor.OpenEditorAsync(id);
        var select = opened.Document.QuerySelector("select[name=CommentsMode]")!;
        Assert.Equal("Bình luận", opened.Document.QuerySelector("label[for=CommentsMode]")!.Text());
        Assert.Equal(["Theo cài đặt chung", "Mở", "Đóng"], select.QuerySelectorAll("option").Select(o => o.Text()));
        Assert.Equal("SiteDefault", opened.Fields["CommentsMode"]);

        var saved = await editor.SaveAsync(id, new Dictionary<string, string> { ["CommentsMode"] = "Closed" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(CommentsMode.Closed, (await factory.ArticleAsync(id))!.CommentsMode);
        Assert.Equal("Closed", (await editor.OpenEditorAsync(id)).Fields["CommentsMode"]);
        var (response, page) = await reader.GetPageAsync(publicUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector("form.comment-form"));

        // Revisions don't keep the setting: restoring the first one leaves comments closed.
        var restored = await editor.PostFormAsync($"/admin/bai-viet/{id}/phien-ban", $"/admin/bai-viet/{id}/phien-ban/1/khoi-phuc", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(CommentsMode.Closed, (await factory.ArticleAsync(id))!.CommentsMode);

        Assert.Equal(HttpStatusCode.Redirect, (await editor.SaveAsync(id, new Dictionary<string, string> { ["CommentsMode"] = "Open" })).StatusCode);
        Assert.NotNull((await reader.GetPageAsync(publicUrl)).Document.QuerySelector("form.comment-form"));
    }

    [Fact]
    public async Task ANewArticleCanBeCreatedWithCommentsClosed()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Phạm Thị Dung");

        var id = await editor.CreateArticleAsync("Thông báo lịch tiếp công dân tháng 12", more: new Dictionary<string, string> { ["CommentsMode"] = "Closed" });

        Assert.Equal(CommentsMode.Closed, (await factory.ArticleAsync(id))!.CommentsMode);
    }
}

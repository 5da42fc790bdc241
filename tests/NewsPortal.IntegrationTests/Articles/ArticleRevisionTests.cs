using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>Every save keeps a revision: the list, a word diff between two, restoring one, autosave.</summary>
public sealed class ArticleRevisionTests(ArticleSqliteFactory factory) : IClassFixture<ArticleSqliteFactory>
{
    private const string FirstTitle = "Kế hoạch kiểm tra công tác văn thư năm 2022";
    private const string FirstBody = "Các cơ quan chuẩn bị hồ sơ đầy đủ trước ngày kiểm tra.";
    private const string FirstLead = "Phòng Tham mưu ban hành kế hoạch.";

    [Fact]
    public async Task EverySaveKeepsARevisionAndTheDiffShowsChangedWords()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Võ Thị Xuân");
        var id = await editor.CreateArticleAsync(FirstTitle, FirstBody, FirstLead);

        await SaveOkAsync(editor, id, "Title", "Kế hoạch kiểm tra công tác văn thư lưu trữ năm 2022");
        await SaveOkAsync(editor, id, "Body", "Các đơn vị chuẩn bị hồ sơ đầy đủ trước ngày kiểm tra.");
        await SaveOkAsync(editor, id, "Lead", "Phòng Tham mưu Quân khu ban hành kế hoạch.");

        var revisions = await factory.RevisionsAsync(id);
        Assert.Equal([1, 2, 3, 4], revisions.Select(r => r.Number));
        Assert.All(revisions, r => Assert.Equal(editor.UserName, r.UserName));
        var (listResponse, list) = await editor.GetPageAsync($"/admin/bai-viet/{id}/phien-ban");
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        var rows = list.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td")[2].Text()).ToList();
        Assert.Equal(
            [
                "#4 — Kế hoạch kiểm tra công tác văn thư lưu trữ năm 2022",
                "#3 — Kế hoạch kiểm tra công tác văn thư lưu trữ năm 2022",
                "#2 — Kế hoạch kiểm tra công tác văn thư lưu trữ năm 2022",
                "#1 — " + FirstTitle,
            ],
            rows);

        var (diffResponse, diff) = await editor.GetPageAsync($"/admin/bai-viet/{id}/phien-ban/so-sanh?tu=1&den=3");
        Assert.Equal(HttpStatusCode.OK, diffResponse.StatusCode);
        Assert.Equal("So sánh phiên bản #1 và #3", diff.QuerySelector("h1")!.Text());
        var title = FieldDiff(diff, "Tiêu đề");
        Assert.Equal("lưu trữ", Words(title, "ins"));
        Assert.Empty(title.QuerySelectorAll("del"));
        // Whole words (syllables) are marked, never parts of one: "cơ quan" became "đơn vị".
        var body = FieldDiff(diff, "Nội dung");
        Assert.Equal("cơ quan", Words(body, "del"));
        Assert.Equal("đơn vị", Words(body, "ins"));
        Assert.StartsWith("Các ", body.TextContent, StringComparison.Ordinal);
        Assert.EndsWith(" chuẩn bị hồ sơ đầy đủ trước ngày kiểm tra.", body.TextContent, StringComparison.Ordinal);
        // The lead changed only in revision 4.
        Assert.Contains(diff.QuerySelectorAll(".diff h2"), h => h.Text() == "Sapo (không đổi)");
    }

    [Fact]
    public async Task RestoringARevisionSavesItsContentAsANewRevision()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Thái Văn Yên");
        var id = await editor.CreateArticleAsync(FirstTitle + " (khôi phục)", FirstBody, FirstLead, new Dictionary<string, string> { ["Tags"] = "Văn thư, CCHC" });
        await editor.SaveAsync(id, new Dictionary<string, string>
        {
            ["Title"] = "Tiêu đề đã sửa hoàn toàn",
            ["Body"] = "Nội dung đã viết lại.",
            ["Lead"] = "Sapo đã viết lại.",
            ["Tags"] = "Khác",
        });
        await SaveOkAsync(editor, id, "Source", "Báo Quân khu 2");

        var response = await editor.PostFormAsync($"/admin/bai-viet/{id}/phien-ban", $"/admin/bai-viet/{id}/phien-ban/1/khoi-phuc", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/bai-viet/{id}/sua", response.Headers.Location!.OriginalString);
        Assert.Equal("Đã khôi phục phiên bản 1 (lưu thành phiên bản mới).", await editor.FlashAsync(response));
        var revisions = await factory.RevisionsAsync(id);
        Assert.Equal([1, 2, 3, 4], revisions.Select(r => r.Number));
        var (original, restored) = (revisions[0], revisions[3]);
        Assert.Equal("Khôi phục phiên bản 1", restored.Note);
        Assert.Equal(
            (original.Title, original.Slug, original.Lead, original.BodyMarkdown, original.Tags, original.SectionId, original.Byline, original.Source),
            (restored.Title, restored.Slug, restored.Lead, restored.BodyMarkdown, restored.Tags, restored.SectionId, restored.Byline, restored.Source));
        var article = (await factory.ArticleAsync(id))!;
        Assert.Equal(FirstTitle + " (khôi phục)", article.Title);
        Assert.Equal(FirstBody, article.BodyMarkdown);
        Assert.Equal(["CCHC", "Văn thư"], article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Null(article.Source);
        var editorPage = await editor.OpenEditorAsync(id);
        Assert.Equal(FirstTitle + " (khôi phục)", editorPage.Fields["Title"]);
        // The newer content is still in the history, and the restore is in the audit log.
        Assert.Equal("Tiêu đề đã sửa hoàn toàn", revisions[1].Title);
        Assert.Contains(await factory.AuditAsync(id), e => e.Action == "article.revision.restore" && e.UserName == editor.UserName);
    }

    [Fact]
    public async Task AutosaveAnswersTheNewVersionAndKeepsARevision()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Kim Thị Yến");
        var id = await author.CreateArticleAsync("Bài viết đang soạn có tự động lưu");
        var editor = await author.OpenEditorAsync(id);
        Assert.Equal($"/admin/bai-viet/{id}/tu-dong-luu", editor.Document.QuerySelector("form#bai-viet")!.GetAttribute("data-autosave"));

        var response = await author.PostAsync($"/admin/bai-viet/{id}/tu-dong-luu", editor.With(new Dictionary<string, string> { ["Body"] = "Đoạn văn đang gõ dở…" }), editor.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(editor.Version + 1, json.RootElement.GetProperty("version").GetInt32());
        var revision = (await factory.RevisionsAsync(id))[^1];
        Assert.Equal((2, "Tự động lưu", "Đoạn văn đang gõ dở…"), (revision.Number, revision.Note, revision.BodyMarkdown));
        Assert.Equal(editor.Version + 1, (await factory.ArticleAsync(id))!.Version);

        // The next autosave carries the version it was given; an old one is a conflict, not an overwrite.
        var next = editor.With(new Dictionary<string, string> { ["Body"] = "Đoạn văn đã gõ xong.", ["Version"] = (editor.Version + 1).ToString(CultureInfo.InvariantCulture) });
        var again = await author.PostAsync($"/admin/bai-viet/{id}/tu-dong-luu", next, editor.Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stale = await author.PostAsync($"/admin/bai-viet/{id}/tu-dong-luu", editor.With(new Dictionary<string, string> { ["Body"] = "Bản cũ" }), editor.Token);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using var conflict = JsonDocument.Parse(await stale.Content.ReadAsStringAsync());
        Assert.Equal(editor.Version + 2, conflict.RootElement.GetProperty("version").GetInt32());
        Assert.Contains("người khác", conflict.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("Đoạn văn đã gõ xong.", (await factory.ArticleAsync(id))!.BodyMarkdown);
    }

    [Theory]
    [InlineData("tu=1&den=99", HttpStatusCode.NotFound)]
    [InlineData("tu=0&den=1", HttpStatusCode.BadRequest)]
    [InlineData("tu=abc&den=1", HttpStatusCode.BadRequest)]
    public async Task ADiffOfMissingRevisionsIsAClientError(string query, HttpStatusCode expected)
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Ông Văn Bảo");
        var id = await editor.CreateArticleAsync("Bài viết một phiên bản");

        var (response, _) = await editor.GetPageAsync($"/admin/bai-viet/{id}/phien-ban/so-sanh?{query}");

        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task SaveOkAsync(ArticleTestClient client, int id, string field, string value)
    {
        var response = await client.SaveAsync(id, new Dictionary<string, string> { [field] = value });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Saving {field} answered {(int)response.StatusCode}: {await ArticleTestClient.ErrorsAsync(response)}");
    }

    /// <summary>The words of a diff's insertions or deletions, in order.</summary>
    private static string Words(AngleSharp.Dom.IElement diff, string kind) =>
        string.Join(' ', diff.QuerySelectorAll(kind).Select(e => e.Text()).Where(t => t.Length > 0));

    private static AngleSharp.Dom.IElement FieldDiff(IHtmlDocument page, string field)
    {
        var heading = page.QuerySelectorAll(".diff h2").Single(h => h.Text().StartsWith(field, StringComparison.Ordinal));
        return heading.NextElementSibling!;
    }
}

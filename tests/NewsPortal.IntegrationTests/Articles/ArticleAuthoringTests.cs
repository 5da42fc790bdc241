using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>An Author writes articles through the editor form: what is stored, and what is refused.</summary>
public sealed class ArticleAuthoringTests(ArticleSqliteFactory factory) : IClassFixture<ArticleSqliteFactory>
{
    private const string TableBody = """
        Kết quả thực hiện **chuyển đổi số** quý II:

        | Đơn vị | Tỷ lệ hồ sơ trực tuyến |
        |:-------|----------------------:|
        | Phòng Tham mưu | 98% |
        | Phòng Chính trị | 95% |
        """;

    [Fact]
    public async Task AuthorCreatesADraftStoredInNfcWithSlugRevisionAndAuditEntry()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Nguyễn Thị Hoà");
        const string title = "Hội nghị tổng kết chuyển đổi số năm 2022 của Phòng Tham mưu";
        var nfdLead = "Sáng 3-7, Đảng ủy Quân khu tổ chức hội nghị trực tuyến.".Normalize(NormalizationForm.FormD);

        var response = await author.SubmitNewAsync(new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Lead"] = nfdLead,
            ["Body"] = TableBody,
            ["Tags"] = "CCHC, Chuyển đổi số",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = ArticleTestClient.IdFromEditorUrl(response.Headers.Location!.OriginalString);
        var article = (await factory.ArticleAsync(id))!;
        Assert.Equal(title, article.Title);
        Assert.Equal("hoi-nghi-tong-ket-chuyen-doi-so-nam-2022-cua-phong-tham-muu", article.Slug);
        Assert.Equal("Sáng 3-7, Đảng ủy Quân khu tổ chức hội nghị trực tuyến.", article.Lead);
        Assert.True(article.Lead.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Equal(author.UserId, article.AuthorId);
        Assert.Null(article.PublishedAtUtc);
        Assert.Equal(["CCHC", "Chuyển đổi số"], article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Contains("<table>", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-right\">98%</td>", article.BodyHtml, StringComparison.Ordinal);

        var revision = Assert.Single(await factory.RevisionsAsync(id));
        Assert.Equal(1, revision.Number);
        Assert.Equal(title, revision.Title);
        Assert.Equal("CCHC, Chuyển đổi số", revision.Tags);
        Assert.Equal(author.UserName, revision.UserName);
        Assert.Equal("Tạo bài viết", revision.Note);

        var created = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "article.create" && e.UserId == author.UserId).ToListAsync());
        Assert.Equal($"Tạo bài viết “{title}”.", Assert.Single(created).Summary);
        Assert.Equal(author.UserName, created[0].UserName);

        // The editor page shows the new draft with its fields filled in.
        var editor = await author.OpenEditorAsync(id);
        Assert.Equal("Đã tạo bài viết.", editor.Document.QuerySelector(".flash")?.Text());
        Assert.Equal("Sửa bài viết", editor.Document.QuerySelector("h1")!.Text());
        Assert.Equal("Bản nháp", editor.Document.QuerySelector("#trang-thai")!.Text());
        Assert.Equal(title, editor.Fields["Title"]);
        Assert.Equal(article.Slug, editor.Fields["Slug"]);
        Assert.Equal("CCHC, Chuyển đổi số", editor.Fields["Tags"]);
        Assert.Equal("Nguyễn Thị Hoà", editor.Fields["Byline"]);
        Assert.Equal(TableBody.ReplaceLineEndings("\n"), editor.Fields["Body"].ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ASecondArticleWithTheSameTitleGetsANumberedSlug()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Trần Văn Bình");
        const string title = "Tập huấn nghiệp vụ văn thư lưu trữ";

        var first = await author.CreateArticleAsync(title);
        var second = await author.CreateArticleAsync(title);

        Assert.Equal("tap-huan-nghiep-vu-van-thu-luu-tru", (await factory.ArticleAsync(first))!.Slug);
        Assert.Equal("tap-huan-nghiep-vu-van-thu-luu-tru-2", (await factory.ArticleAsync(second))!.Slug);
    }

    [Fact]
    public async Task AnExplicitSlugAlreadyInUseIsRefusedNextToTheField()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Lê Thị Cúc");
        var existing = await author.CreateArticleAsync("Giao ban công tác cải cách hành chính tháng 7");
        var before = await CountArticlesAsync();

        var response = await author.SubmitNewAsync(new Dictionary<string, string>
        {
            ["Title"] = "Một bài khác hẳn",
            ["Slug"] = (await factory.ArticleAsync(existing))!.Slug,
            ["Body"] = "Nội dung.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Đường dẫn này đã được bài viết khác sử dụng.", FieldError(page, "Slug"));
        // The form comes back as typed.
        Assert.Equal("Một bài khác hẳn", page.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Equal(before, await CountArticlesAsync());
    }

    [Theory]
    [InlineData("Title", "", "Vui lòng nhập tiêu đề.")]
    [InlineData("Title", "   ", "Vui lòng nhập tiêu đề.")]
    [InlineData("SectionId", "987654", "Chuyên mục không tồn tại.")]
    [InlineData("SectionId", "0", "Vui lòng chọn chuyên mục.")]
    public async Task InvalidFieldsAreRefusedWithAVietnameseMessage(string field, string value, string message)
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Phạm Văn Dũng");
        var before = await CountArticlesAsync();

        var response = await author.SubmitNewAsync(new Dictionary<string, string>
        {
            ["Title"] = "Bài viết có lỗi nhập liệu",
            ["Body"] = "Nội dung.",
            [field] = value,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, FieldError(page, field));
        Assert.Equal(before, await CountArticlesAsync());
    }

    [Fact]
    public async Task ABodyOverTwoHundredThousandCharactersIsRefused()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Hoàng Thị Én");
        var before = await CountArticlesAsync();

        var response = await author.SubmitNewAsync(new Dictionary<string, string>
        {
            ["Title"] = "Bài viết quá dài",
            ["Body"] = new string('a', Article.BodyMaxLength + 1),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Nội dung dài quá 200000 ký tự.", FieldError(page, "Body"));
        Assert.Equal(before, await CountArticlesAsync());

        // Exactly the limit is accepted.
        var id = await author.CreateArticleAsync("Bài viết dài đúng giới hạn", new string('a', Article.BodyMaxLength));
        Assert.Equal(Article.BodyMaxLength, (await factory.ArticleAsync(id))!.BodyMarkdown.Length);
    }

    [Fact]
    public async Task AHostileBodyIsStoredAsSafeHtml()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Đỗ Văn Giang");
        const string body = """
            <script>alert('xss')</script>

            [bấm vào đây](javascript:alert(1)) và [đây nữa](JaVaScRiPt:alert(2))

            <img src=x onerror=alert(3)>

            [trang chính phủ](https://chinhphu.vn)
            """;

        var id = await author.CreateArticleAsync("Bài viết có mã độc", body);

        var html = (await factory.ArticleAsync(id))!.BodyHtml;
        var fragment = Html.Parse(html);
        Assert.Empty(fragment.QuerySelectorAll("script"));
        Assert.Empty(fragment.QuerySelectorAll("img[onerror]"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(fragment.QuerySelectorAll("[href], [src]"), e => Assert.DoesNotContain("javascript:", (e.GetAttribute("href") ?? e.GetAttribute("src"))!, StringComparison.OrdinalIgnoreCase));
        var links = fragment.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://chinhphu.vn"], links);
        // The text of the script is kept as text, for the editor to see what was typed.
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewRendersLikeThePublicPageAndSavesNothing()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Vũ Thị Hạnh");
        var before = await CountsAsync();

        var response = await author.PostFormAsync("/admin/bai-viet/tao", "/admin/bai-viet/xem-truoc", [new("body", "Đoạn mở đầu.\n\n![a](x.jpg \"Chú thích\")\n\n| A | B |\n|---|---|\n| 1 | 2 |")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("error").ValueKind);
        var preview = Html.Parse(json.RootElement.GetProperty("html").GetString()!);
        var figure = preview.QuerySelector("figure");
        Assert.NotNull(figure);
        Assert.Equal("/media/x.jpg", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("a", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("Chú thích", figure.QuerySelector("figcaption")!.Text());
        Assert.NotNull(preview.QuerySelector("table td"));
        Assert.Equal("Đoạn mở đầu.", preview.QuerySelector("p")!.Text());

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task PreviewOfAHostileBodyIsSanitizedToo()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Ngô Văn Khoa");

        var response = await author.PostFormAsync("/admin/bai-viet/tao", "/admin/bai-viet/xem-truoc", [new("body", "<script>alert(1)</script>\n\n[x](javascript:alert(1))")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var html = json.RootElement.GetProperty("html").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", string.Concat(Html.Parse(html).QuerySelectorAll("a").Select(a => a.GetAttribute("href"))), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ATitleTypedInTcvn3IsStoredAsUnicodeAndTheEditorIsTold()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Bùi Văn Lâm");

        var response = await author.SubmitNewAsync(new Dictionary<string, string>
        {
            ["Title"] = "Céng hßa x· héi chñ nghÜa ViÖt Nam",
            ["Body"] = "Nội dung.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = ArticleTestClient.IdFromEditorUrl(response.Headers.Location!.OriginalString);
        var article = (await factory.ArticleAsync(id))!;
        Assert.Equal("Cộng hòa xã hội chủ nghĩa Việt Nam", article.Title);
        Assert.StartsWith("cong-hoa-xa-hoi-chu-nghia-viet-nam", article.Slug, StringComparison.Ordinal);
        var flash = await author.FlashAsync(response);
        Assert.Contains("Tiêu đề", flash, StringComparison.Ordinal);
        Assert.Contains("TCVN3", flash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyTypedInVniIsStoredAsUnicodeAndTheEditorIsTold()
    {
        using var author = await ArticleTestClient.SignInNewAsync(factory, Roles.Author, "Đinh Thị Mai");
        var id = await author.CreateArticleAsync("Bài viết dán từ văn bản cũ");

        var response = await author.SaveAsync(id, new Dictionary<string, string> { ["Body"] = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Cộng hòa xã hội chủ nghĩa Việt Nam", (await factory.ArticleAsync(id))!.BodyMarkdown);
        var flash = await author.FlashAsync(response);
        Assert.Contains("Nội dung", flash, StringComparison.Ordinal);
        Assert.Contains("VNI", flash, StringComparison.Ordinal);
    }

    private static string? FieldError(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.Text();

    private Task<int> CountArticlesAsync() => factory.QueryAsync(db => db.Articles.CountAsync());

    private Task<(int Articles, int Revisions, int Audit)> CountsAsync() => factory.QueryAsync(async db =>
        (await db.Articles.CountAsync(), await db.ArticleRevisions.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action.StartsWith("article."))));
}

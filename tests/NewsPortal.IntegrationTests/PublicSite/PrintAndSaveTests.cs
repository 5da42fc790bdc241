using System.Net;
using System.Text;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.PublicSite;

/// <summary>Decree 42/2022, Art. 7: every article can be printed and saved.</summary>
public sealed class PrintAndSaveTests(MetadataSqliteFactory factory) : IClassFixture<MetadataSqliteFactory>
{
    private const string SeedSlug = PublicPagesTests<SqliteFactory>.SeedSlug;
    private const string SeedUrl = PublicPagesTests<SqliteFactory>.SeedUrl;
    private const string SeedTitle = PublicPagesTests<SqliteFactory>.SeedTitle;

    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task TheArticlePageOffersPrintAndSave()
    {
        var (_, page) = await _client.GetPageAsync(SeedUrl);

        var tools = page.QuerySelector(".article-tools")!;
        var print = tools.QuerySelector("button[data-print]")!;
        Assert.Equal("In bài viết", print.Text());
        Assert.Equal("button", print.GetAttribute("type"));
        Assert.False(print.HasAttribute("onclick"));
        var save = tools.QuerySelectorAll("a").Single(a => a.Text() == "Lưu bài viết");
        Assert.Equal(SeedUrl + "/luu", save.GetAttribute("href"));
        // The tools come after the article text and before the comments.
        Assert.True(page.QuerySelector(".article-body")!.Precedes(tools));
        Assert.True(tools.Precedes(page.QuerySelector("#binh-luan")!));
    }

    [Fact]
    public async Task SaveDownloadsOneSelfContainedHtmlFile()
    {
        var response = await _client.GetAsync(new Uri(SeedUrl + "/luu", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(SeedSlug + ".html", disposition.FileName?.Trim('"'));

        var html = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var document = Html.Parse(html);
        Assert.Equal("vi", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("utf-8", document.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        Assert.Equal(SeedTitle, document.QuerySelector("h1")!.Text());
        Assert.Equal("Ngày đăng: 04/01/2022", document.QuerySelector(".date")!.Text());
        Assert.StartsWith("QK2 – Chiều 4-1", document.QuerySelector(".lead")!.Text(), StringComparison.Ordinal);
        Assert.Contains("Công tác cải cách chế độ công vụ", document.QuerySelector(".body")!.Text(), StringComparison.Ordinal);
        Assert.Equal("Tin, ảnh: VĂN DƯƠNG", document.QuerySelector(".byline")!.Text());
        Assert.Equal("Nguồn: QK2", document.QuerySelector(".source")!.Text());
        Assert.Equal(MetadataSqliteFactory.BaseUrl + SeedUrl, document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(MetadataSqliteFactory.BaseUrl + SeedUrl, document.QuerySelector(".original a")!.GetAttribute("href"));
        Assert.Equal("Toàn cảnh hội nghị tại điểm cầu Quân khu.", document.QuerySelector("figure figcaption")!.Text());

        // Opens offline: styles inline, photos embedded, nothing fetched from a network.
        Assert.NotEmpty(document.QuerySelector("style")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("link[rel=stylesheet], script, iframe, object, embed, video, audio, source"));
        var images = document.QuerySelectorAll("img").ToList();
        var photo = Assert.Single(images);
        Assert.StartsWith("data:image/jpeg;base64,", photo.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(photo.HasAttribute("srcset"));
        Assert.Equal("Toàn cảnh hội nghị trực tuyến tại điểm cầu Quân khu", photo.GetAttribute("alt"));
        var bytes = Convert.FromBase64String(photo.GetAttribute("src")!["data:image/jpeg;base64,".Length..]);
        Assert.Equal([0xFF, 0xD8], bytes[..2]); // a JPEG
        Assert.All(document.QuerySelectorAll("[src], [srcset], [poster]"), e => Assert.StartsWith("data:", e.GetAttribute("src") ?? "data:", StringComparison.Ordinal));
        Assert.DoesNotContain("url(", document.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        // Nothing from the comments.
        Assert.DoesNotContain("@example.vn", html, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("form"));
    }

    [Fact]
    public async Task SavedPhotosAreTheMidSizeCopyNotTheOriginal()
    {
        var original = await _client.GetByteArrayAsync(new Uri("/media/hoi-nghi-diem-cau-quan-khu.jpg", UriKind.Relative));
        var midSize = await _client.GetByteArrayAsync(new Uri("/media/w960/hoi-nghi-diem-cau-quan-khu.jpg", UriKind.Relative));

        var html = await _client.GetStringAsync(new Uri(SeedUrl + "/luu", UriKind.Relative));
        var src = Html.Parse(html).QuerySelector("img")!.GetAttribute("src")!;

        Assert.Equal(midSize, Convert.FromBase64String(src[(src.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        Assert.NotEqual(original.Length, midSize.Length);
    }

    [Fact]
    public async Task ExternalImagesAreNotReferencedFromTheSavedFile()
    {
        await TestArticles.AddAsync(factory, "Bài có ảnh từ nơi khác", "bai-co-anh-tu-noi-khac", "tin-tuc-su-kien",
            body: "Trước ảnh.\n\n![Ảnh ở máy chủ khác](https://example.com/anh.jpg \"Chú thích\")\n\nSau ảnh, xem [thẻ CCHC](/the/cchc).");

        var html = await _client.GetStringAsync(new Uri("/bai-viet/bai-co-anh-tu-noi-khac/luu", UriKind.Relative));
        var document = Html.Parse(html);

        Assert.Empty(document.QuerySelectorAll("img"));
        Assert.DoesNotContain("example.com/anh.jpg", html, StringComparison.Ordinal);
        Assert.Contains("[Ảnh: Ảnh ở máy chủ khác]", document.QuerySelector(".body")!.Text(), StringComparison.Ordinal);
        // Site links become absolute so they still lead somewhere from a file on disk.
        Assert.NotNull(document.QuerySelector($"a[href='{MetadataSqliteFactory.BaseUrl}/the/cchc']"));
    }

    [Theory]
    [InlineData("/bai-viet/khong-ton-tai/luu")]
    [InlineData("/bai-viet/Hoa-Chu/luu")]
    [InlineData("/bai-viet/%3Cscript%3E/luu")]
    [InlineData("/bai-viet/a%2F..%2Fadmin/luu")]
    public async Task UnknownOrMalformedArticlesCannotBeSaved(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DraftsAndScheduledArticlesCannotBeSaved()
    {
        await TestArticles.AddAsync(factory, "Bản nháp không lưu được", "ban-nhap-khong-luu-duoc", "tin-tuc-su-kien", publish: false);
        await TestArticles.AddAsync(factory, "Bài hẹn giờ không lưu được", "bai-hen-gio-khong-luu-duoc", "tin-tuc-su-kien",
            scheduleAtUtc: factory.Clock.GetUtcNow().UtcDateTime.AddHours(1));

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/bai-viet/ban-nhap-khong-luu-duoc/luu", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/bai-viet/bai-hen-gio-khong-luu-duoc/luu", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void ThePrintStylesheetHidesEverythingButTheArticle()
    {
        var css = File.ReadAllText(Path.Combine(SolutionRoot(), "src", "NewsPortal.Web", "wwwroot", "css", "site.css"));
        var start = css.IndexOf("@media print", StringComparison.Ordinal);
        Assert.True(start >= 0, "site.css has a print stylesheet");
        var print = css[start..];
        var hidden = print[..print.IndexOf("{ display: none !important; }", StringComparison.Ordinal)];
        foreach (var selector in new[] { ".site-header", ".site-footer", ".comments", ".comment-respond", ".related", ".article-tools", "form", "button" })
        {
            Assert.Contains(selector, hidden, StringComparison.Ordinal);
        }
    }

    private static string SolutionRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NewsPortal.sln not found above " + AppContext.BaseDirectory);
    }
}

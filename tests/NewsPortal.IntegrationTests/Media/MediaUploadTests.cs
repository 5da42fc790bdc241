using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Articles;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using SkiaSharp;

namespace NewsPortal.IntegrationTests.Media;

/// <summary>
/// The photo library's upload form over real HTTP on SQLite: what an editor sends is checked by
/// its content, stripped of metadata, resized, stored and served; what is not a photo is refused
/// with a Vietnamese message and leaves nothing behind.
/// </summary>
public sealed partial class MediaUploadTests : IClassFixture<ArticleSqliteFactory>
{
    private const string NotAFile = "Vui lòng chọn một tệp ảnh.";

    private readonly ArticleSqliteFactory _factory;

    public MediaUploadTests(ArticleSqliteFactory factory) => _factory = factory;

    [Fact]
    public async Task AnEditorsJpegIsStoredWithoutItsMetadataResizedAndServedForever()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(_factory, Roles.Editor, "Biên tập viên Ảnh");
        var upload = TestImages.JpegWithMetadata(1800, 1200);
        // The upload really carries what must go.
        Assert.All(TestImages.Markers, marker => Assert.True(TestImages.Contains(upload, Encoding.ASCII.GetBytes(marker)), marker));
        Assert.True(TestImages.Contains(upload, "Exif\0\0"u8));
        Assert.Contains(0xE1, TestImages.JpegMarkers(upload));
        Assert.Contains(0xFE, TestImages.JpegMarkers(upload));

        var response = await editor.UploadAsync(upload, "anh-hoi-nghi.JPG", "image/jpeg", "Toàn cảnh hội nghị", "Hội nghị tổng kết năm 2022 tại Hà Nội.");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The upload answered {(int)response.StatusCode}: {await ArticleTestClient.ErrorsAsync(response)}");
        Assert.Equal("/admin/thu-vien-anh", response.Headers.Location?.OriginalString);
        var flash = await editor.FlashAsync(response);

        var media = await _factory.QueryAsync(db => db.Media.AsNoTracking().Include(m => m.Variants).SingleAsync(m => m.UploadedById == editor.UserId));
        Assert.Matches(StoredJpegName(), media.FileName);
        Assert.Equal($"Đã tải lên {media.FileName}. Chèn vào bài bằng: ![Toàn cảnh hội nghị]({media.FileName})", flash);
        Assert.Equal("image/jpeg", media.ContentType);
        Assert.Equal((1800, 1200), (media.Width, media.Height));
        Assert.Equal((1800, 1200), TestImages.DecodedSize(media.Content));
        Assert.Equal("Toàn cảnh hội nghị", media.AltText);
        Assert.Equal("Hội nghị tổng kết năm 2022 tại Hà Nội.", media.Caption);
        Assert.Equal(media.Content.Length, media.Length);

        var variants = media.Variants.OrderBy(v => v.Width).ToList();
        Assert.Equal([(480, 320), (960, 640), (1600, 1067)], variants.Select(v => (v.Width, v.Height)));
        Assert.All(variants, v => Assert.Equal((v.Width, v.Height), TestImages.DecodedSize(v.Content)));
        Assert.All(variants, v => Assert.Equal("image/jpeg", v.ContentType));

        foreach (var stored in variants.Select(v => v.Content).Prepend(media.Content))
        {
            Assert.All(TestImages.Markers, marker => Assert.False(TestImages.Contains(stored, Encoding.ASCII.GetBytes(marker)), $"A stored image keeps {marker}."));
            Assert.False(TestImages.Contains(stored, "Exif\0\0"u8));
            Assert.False(TestImages.Contains(stored, "xmpmeta"u8));
            var markers = TestImages.JpegMarkers(stored);
            Assert.DoesNotContain(0xE1, markers); // APP1: EXIF, XMP
            Assert.DoesNotContain(0xFE, markers); // COM
        }

        // Served publicly with the stored bytes, cacheable for ever, revalidated by ETag.
        await AssertServedAsync($"/media/{media.FileName}", media.Content);
        await AssertServedAsync($"/media/w480/{media.FileName}", variants[0].Content);
        await AssertServedAsync($"/media/w1000/{media.FileName}", variants[1].Content);

        // The library lists it, with its caption and its size.
        var (libraryResponse, library) = await editor.GetPageAsync("/admin/thu-vien-anh");
        Assert.Equal(HttpStatusCode.OK, libraryResponse.StatusCode);
        var figure = library.QuerySelectorAll(".media-grid figure").SingleOrDefault(f => f.QuerySelector("code")?.Text() == media.FileName);
        Assert.True(figure is not null, library.QuerySelector(".media-grid")?.OuterHtml);
        Assert.Contains("1800×1200", figure.Text(), StringComparison.Ordinal);
        Assert.Contains("Hội nghị tổng kết năm 2022 tại Hà Nội.", figure.Text(), StringComparison.Ordinal);
        var img = (IHtmlImageElement)figure.QuerySelector("img")!;
        Assert.Equal($"/media/w480/{media.FileName}", img.GetAttribute("src"));
        Assert.Equal("Toàn cảnh hội nghị", img.AlternativeText);

        var audit = await _factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "media.upload" && e.TargetId == media.FileName).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(editor.UserName, entry.UserName);
        Assert.Equal("media", entry.TargetType);
        Assert.Contains("1800×1200", entry.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text-named-photo.jpg", "Chỉ chấp nhận ảnh JPEG, PNG hoặc WebP.")]
    [InlineData("html-page", "Chỉ chấp nhận ảnh JPEG, PNG hoặc WebP.")]
    [InlineData("svg-with-script", "Chỉ chấp nhận ảnh JPEG, PNG hoặc WebP.")]
    [InlineData("gif", "Chỉ chấp nhận ảnh JPEG, PNG hoặc WebP.")]
    [InlineData("jpeg-cut-in-half", "Tệp ảnh bị hỏng hoặc không đầy đủ.")]
    [InlineData("png-declaring-60000x60000", "Ảnh có kích thước quá lớn (60000×60000 điểm ảnh).")]
    [InlineData("empty-file", NotAFile)]
    [InlineData("no-file", NotAFile)]
    public async Task AnUploadThatIsNotAUsablePhotoIsRefusedOnTheFormAndNothingIsStored(string upload, string expectedMessage)
    {
        using var editor = await ArticleTestClient.SignInNewAsync(_factory, Roles.Editor, "Biên tập viên Cảnh giác");
        var (content, fileName, contentType) = upload switch
        {
            "text-named-photo.jpg" => ((byte[]?)"Đây không phải là ảnh, chỉ là một tệp văn bản."u8.ToArray(), "photo.jpg", "image/jpeg"),
            "html-page" => ("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray(), "trang.html", "text/html"),
            "svg-with-script" => ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>"u8.ToArray(), "logo.svg", "image/svg+xml"),
            "gif" => (TestImages.Gif1x1, "dong.gif", "image/gif"),
            "jpeg-cut-in-half" => (Half(TestImages.Jpeg(1800, 1200)), "cat-doi.jpg", "image/jpeg"),
            "png-declaring-60000x60000" => (TestImages.PngDeclaring(60_000, 60_000), "bom.png", "image/png"),
            "empty-file" => ([], "rong.jpg", "image/jpeg"),
            "no-file" => (null, "", ""),
            _ => throw new ArgumentOutOfRangeException(nameof(upload), upload, null),
        };
        var before = await CountsAsync();

        var response = await editor.UploadAsync(content, fileName, contentType, "Ảnh thử", "Chú thích thử");

        var page = await AssertFormShownAgainAsync(response);
        Assert.Equal(expectedMessage, page.QuerySelector("[data-valmsg-for=file]")?.Text());
        Assert.Equal("Ảnh thử", ((IHtmlInputElement)page.QuerySelector("input[name=AltText]")!).Value);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task APhotoWithoutAltTextIsRefusedWithTheAltMessage()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(_factory, Roles.Editor, "Biên tập viên Vội");
        var before = await CountsAsync();

        var response = await editor.UploadAsync(TestImages.Jpeg(800, 600), "khong-mo-ta.jpg", "image/jpeg", altText: null, caption: "Chú thích có, mô tả thì không");

        var page = await AssertFormShownAgainAsync(response);
        Assert.Equal("Vui lòng nhập mô tả ảnh (alt) cho người khiếm thị.", page.QuerySelector("[data-valmsg-for=AltText]")?.Text());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, "so-do-to-chuc.PNG", "image/png", ".png")]
    [InlineData(SKEncodedImageFormat.Webp, "anh-web.webp", "image/webp", ".webp")]
    [InlineData(SKEncodedImageFormat.Webp, "ten-sai-duoi.jpg", "image/jpeg", ".webp")]
    public async Task PngAndWebpAreStoredInTheirOwnFormatWhateverTheyAreCalled(SKEncodedImageFormat format, string fileName, string declaredType, string extension)
    {
        using var editor = await ArticleTestClient.SignInNewAsync(_factory, Roles.Editor, "Biên tập viên Đồ họa");
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();

        var response = await editor.UploadAsync(TestImages.Encode(TestImages.Photo(1000, 600), format), fileName, declaredType, "Sơ đồ", null);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The upload answered {(int)response.StatusCode}: {await ArticleTestClient.ErrorsAsync(response)}");
        var media = await _factory.QueryAsync(db => db.Media.AsNoTracking().Include(m => m.Variants).SingleAsync(m => m.UploadedById == editor.UserId));
        var contentType = format == SKEncodedImageFormat.Png ? "image/png" : "image/webp";
        Assert.StartsWith(stem + "-", media.FileName, StringComparison.Ordinal);
        Assert.EndsWith(extension, media.FileName, StringComparison.Ordinal);
        Assert.Equal(contentType, media.ContentType);
        Assert.Null(media.Caption);
        Assert.Equal([(480, 288), (960, 576)], media.Variants.OrderBy(v => v.Width).Select(v => (v.Width, v.Height)));
        foreach (var image in media.Variants.Select(v => v.Content).Prepend(media.Content))
        {
            Assert.True(format == SKEncodedImageFormat.Png
                ? image.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })
                : image.AsSpan(0, 4).SequenceEqual("RIFF"u8) && image.AsSpan(8, 4).SequenceEqual("WEBP"u8));
        }

        using var served = await _factory.CreateClient().GetAsync(new Uri($"/media/{media.FileName}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(contentType, served.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnAuthorCanUploadAPhoto()
    {
        using var author = await ArticleTestClient.SignInNewAsync(_factory, Roles.Author, "Phóng viên Ảnh");

        var response = await author.UploadAsync(TestImages.Jpeg(640, 480), "hien-truong.jpg", "image/jpeg", "Hiện trường", null);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var media = await _factory.QueryAsync(db => db.Media.AsNoTracking().SingleAsync(m => m.UploadedById == author.UserId));
        Assert.StartsWith("hien-truong-", media.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModeratorCannotOpenTheUploadFormNorPostToIt()
    {
        using var moderator = await ArticleTestClient.SignInNewAsync(_factory, Roles.Moderator, "Kiểm duyệt viên");
        var before = await CountsAsync();

        var (form, _) = await moderator.GetPageAsync(MediaUploads.UploadUrl);
        var (library, _) = await moderator.GetPageAsync("/admin/thu-vien-anh");
        // A valid token of the moderator's own session, from the sign-out form on the dashboard.
        var (_, dashboard) = await moderator.GetPageAsync("/admin");
        var posted = await moderator.UploadAsync(TestImages.Jpeg(640, 480), "lan-quyen.jpg", "image/jpeg", "Lấn quyền", null, ArticleTestClient.TokenOf(dashboard, "/admin/dang-xuat"));

        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, library.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    private async Task AssertServedAsync(string url, byte[] expected)
    {
        using var reader = _factory.CreateClient();
        using var response = await reader.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await reader.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    private static async Task<IHtmlDocument> AssertFormShownAgainAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected the form again, got {(int)response.StatusCode} {response.Headers.Location}");
        var page = Html.Parse(html);
        Assert.Equal("Tải ảnh lên", page.QuerySelector("h1")?.Text());
        Assert.NotNull(page.QuerySelector($"form[action='{MediaUploads.UploadUrl}'] input[name=__RequestVerificationToken]"));
        return page;
    }

    private Task<(int Media, int Variants, int Audit)> CountsAsync() => _factory.QueryAsync(async db =>
        (await db.Media.CountAsync(), await db.MediaVariants.CountAsync(), await db.AuditEntries.CountAsync(e => e.Action == "media.upload")));

    private static byte[] Half(byte[] jpeg) => jpeg[..(jpeg.Length / 2)];

    [GeneratedRegex("^anh-hoi-nghi-[0-9a-f]{8}\\.jpg$")]
    private static partial Regex StoredJpegName();
}

/// <summary>An upload limit of 200 000 bytes, set in configuration ("Media:MaxBytes").</summary>
public sealed class SmallUploadLimitFactory : SqliteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(ArticleTestSettings.Values)
    {
        ["Media:MaxBytes"] = "200000",
    };
}

public sealed class MediaUploadLimitTests : IClassFixture<SmallUploadLimitFactory>
{
    private readonly SmallUploadLimitFactory _factory;

    public MediaUploadLimitTests(SmallUploadLimitFactory factory) => _factory = factory;

    [Fact]
    public async Task APhotoOverTheConfiguredLimitIsRefusedWithTheLimitInVietnamese()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(_factory, Roles.Editor, "Biên tập viên Ảnh lớn");
        // A real photo, padded with comment segments to just over 200 000 bytes.
        var padding = Enumerable.Range(0, 4).Select(_ => TestImages.JpegSegment(0xFE, new byte[60_000])).ToArray();
        var upload = TestImages.InsertAfterSoi(TestImages.Jpeg(800, 600), padding);
        Assert.InRange(upload.Length, 200_001, 400_000);
        var before = await _factory.QueryAsync(db => db.Media.CountAsync());

        var response = await editor.UploadAsync(upload, "anh-qua-lon.jpg", "image/jpeg", "Ảnh quá lớn", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Ảnh vượt quá dung lượng cho phép (195,3 KB).", page.QuerySelector("[data-valmsg-for=file]")?.Text());
        Assert.Equal(before, await _factory.QueryAsync(db => db.Media.CountAsync()));

        // Just under the limit passes.
        var small = TestImages.Jpeg(800, 600);
        Assert.True(small.Length < 200_000);
        var accepted = await editor.UploadAsync(small, "anh-vua.jpg", "image/jpeg", "Ảnh vừa", null);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(before + 1, await _factory.QueryAsync(db => db.Media.CountAsync()));
    }
}

/// <summary>Posting the photo library's multipart upload form as a browser does.</summary>
public static class MediaUploads
{
    public const string UploadUrl = "/admin/thu-vien-anh/tai-len";

    /// <summary>
    /// Reads the upload form (for its antiforgery token, unless one is given) and posts the file
    /// (none when <paramref name="file"/> is null) with the alt text and caption.
    /// </summary>
    public static async Task<HttpResponseMessage> UploadAsync(this ArticleTestClient client, byte[]? file, string fileName, string contentType, string? altText, string? caption, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (token is null)
        {
            var (response, page) = await client.GetPageAsync(UploadUrl);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {UploadUrl} answered {(int)response.StatusCode}.");
            token = ArticleTestClient.TokenOf(page, UploadUrl);
        }

        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (altText is not null)
        {
            content.Add(new StringContent(altText), "AltText");
        }

        if (caption is not null)
        {
            content.Add(new StringContent(caption), "Caption");
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Add(part, "file", fileName);
        }

        return await client.Http.PostAsync(new Uri(UploadUrl, UriKind.Relative), content);
    }
}

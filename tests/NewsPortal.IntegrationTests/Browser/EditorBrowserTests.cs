using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.IntegrationTests.Articles;
using NewsPortal.IntegrationTests.Media;
using NewsPortal.Web.Domain;

using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Browser;

/// <summary>An editor's whole day with a photo, in Debian's Chromium on the real app on Kestrel.</summary>
[Collection(Chromium.Collection)]
public sealed class EditorBrowserTests : IClassFixture<KestrelSqliteFactory>
{
    private const string Password = "bien-tap-trinh-duyet-2022";


    private readonly KestrelSqliteFactory _factory;

    public EditorBrowserTests(KestrelSqliteFactory factory) => _factory = factory;

    [SkippableFact]
    public async Task AnEditorUploadsAPhotoWritesAnArticleWithItAndPublishesIt()
    {
        Skip.IfNot(File.Exists(ReaderBrowserTests.ChromiumPath), $"Chromium is not installed at {ReaderBrowserTests.ChromiumPath}; ./test.sh installs it (apt-get install -y chromium).");

        var baseUrl = _factory.StartKestrel();
        var email = await CreateEditorAsync();
        const string Title = "Khánh thành cầu Phong Châu mới nối đôi bờ sông Thao";
        const string Alt = "Cầu Phong Châu mới nhìn từ bờ sông";
        const string Caption = "Cầu Phong Châu mới trong ngày khánh thành.";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "vi-VN",
        });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        // Sign in.
        await page.GotoAsync(baseUrl + "/admin/dang-nhap");
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Chromium.WaitForPageAsync(page, new Regex("/admin$"));

        // Upload a photo to the library.
        await page.GotoAsync(baseUrl + "/admin/thu-vien-anh/tai-len");
        await page.SetInputFilesAsync("#file", new FilePayload
        {
            Name = "cau-phong-chau.jpg",
            MimeType = "image/jpeg",
            Buffer = TestImages.JpegWithMetadata(1800, 1200),
        });
        await page.FillAsync("#AltText", Alt);
        await page.FillAsync("#Caption", Caption);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
        await Chromium.WaitForPageAsync(page, new Regex("/admin/thu-vien-anh$"));
        var media = await _factory.QueryAsync(db => db.Media.AsNoTracking().Where(m => m.AltText == Alt).Select(m => new { m.Id, m.FileName }).SingleAsync());
        Assert.StartsWith("cau-phong-chau-", media.FileName, StringComparison.Ordinal);
        Assert.Contains(media.FileName, await page.Locator(".flash").InnerTextAsync(), StringComparison.Ordinal);

        // Write the draft.
        var section = await _factory.QueryAsync(db => db.Sections.OrderBy(s => s.SortOrder).Select(s => s.Name).FirstAsync());
        await page.GotoAsync(baseUrl + "/admin/bai-viet/tao");
        await page.FillAsync("#Title", Title);
        await page.FillAsync("#Lead", "Sáng nay, cầu Phong Châu mới chính thức thông xe.");
        await page.FillAsync("#Body", "Cây cầu dài hơn 300 mét, thay cho cầu cũ bị sập năm 2023.");
        await page.SelectOptionAsync("#SectionId", new SelectOptionValue { Label = section });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo bản nháp", Exact = true }).ClickAsync();
        await Chromium.WaitForPageAsync(page, new Regex("/admin/bai-viet/\\d+/sua$"));
        Assert.Equal("Bản nháp", await page.Locator("#trang-thai").InnerTextAsync());

        // Choose the photo, insert it into the body, keep typing and watch the preview.
        await page.SelectOptionAsync("#FeaturedMediaId", media.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Alt, await page.InputValueAsync("#FeaturedAlt"));
        Assert.Equal(Caption, await page.InputValueAsync("#FeaturedCaption"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Chèn ảnh đã chọn vào nội dung" }).ClickAsync();
        Assert.Contains($"![{Alt}]({media.FileName} \"{Caption}\")", await page.InputValueAsync("#Body"), StringComparison.Ordinal);
        await page.Locator("#Body").PressAsync("Control+End");
        await page.Keyboard.TypeAsync("Người dân hai bờ sông Thao vui mừng đón cây cầu mới.");
        var previewCaption = page.Locator("#xem-truoc figure figcaption");
        await previewCaption.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal(Caption, await previewCaption.InnerTextAsync());
        await page.WaitForFunctionAsync("() => document.getElementById('xem-truoc').textContent.includes('vui mừng đón cây cầu mới')");
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#xem-truoc figure img'); return i && i.complete && i.naturalWidth > 0; }");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await page.Locator(".flash", new() { HasTextString = "Đã lưu." }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xuất bản ngay", Exact = true }).ClickAsync();
        await page.Locator(".flash", new() { HasTextString = "Đã xuất bản." }).WaitForAsync();
        Assert.Equal("Đã xuất bản", await page.Locator("#trang-thai").InnerTextAsync());

        // A reader finds it on the home page at the top of the newest articles (the lead story
        // stays the pinned seed article), with its photo's thumbnail, and sees the photo with its caption.
        await page.GotoAsync(baseUrl + "/");
        var card = page.Locator(".card-list .card").First;
        var link = card.Locator(".card-title a");
        Assert.Contains($"/media/w480/{media.FileName}", await card.Locator(".card-photo img").GetAttributeAsync("src") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(Title, await link.InnerTextAsync());
        await link.ClickAsync();
        await Chromium.WaitForPageAsync(page, new Regex("/bai-viet/khanh-thanh-cau-phong-chau-moi-noi-doi-bo-song-thao$"));
        Assert.Equal(Title, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(Caption, await page.Locator(".article-body figure figcaption").InnerTextAsync());
        // The featured photo is in the body already, so the page shows it once.
        Assert.Equal(1, await page.Locator("article figure").CountAsync());
        Assert.Contains("vui mừng đón cây cầu mới", await page.Locator(".article-body").InnerTextAsync(), StringComparison.Ordinal);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('article figure img')].every(i => i.complete && i.naturalWidth > 0)");

        Directory.CreateDirectory(ReaderBrowserTests.ArtifactDirectory);
        var shot = Path.Combine(ReaderBrowserTests.ArtifactDirectory, "editor-published-article.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    private async Task<string> CreateEditorAsync()
    {
        var email = $"bien-tap.{Guid.NewGuid().ToString("N")[..6]}@toasoan.vn";
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Biên tập viên Trình duyệt",
            CreatedAtUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.Editor)).Succeeded);
        return email;
    }
}

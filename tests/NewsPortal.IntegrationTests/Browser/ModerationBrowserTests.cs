using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.Web.Domain;

using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Browser;

/// <summary>In Chromium: a reader comments, a Moderator approves it in the queue, a new visitor sees it.</summary>
[Collection(Chromium.Collection)]
public sealed partial class ModerationBrowserTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    private const string Url = "/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";
    private const string Password = "kiem-duyet-binh-luan-trinh-duyet";

    [SkippableFact]
    public async Task AReadersCommentApprovedByAModeratorShowsToEveryone()
    {
        Skip.IfNot(File.Exists(ReaderBrowserTests.ChromiumPath), "Chromium is not installed.");
        var baseUrl = factory.StartKestrel();
        var moderator = await CreateModeratorAsync();
        var body = "Cảm ơn Ban biên tập, bài viết rất rõ ràng " + Guid.NewGuid().ToString("N")[..6] + ".";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var errors = new List<string>();

        // A reader comments through the real form.
        var readerContext = await browser.NewContextAsync();
        var reader = await readerContext.NewPageAsync();
        reader.PageError += (_, error) => errors.Add(error);
        await reader.GotoAsync(baseUrl + Url);
        await reader.Locator("#comment-body").FillAsync(body);
        await reader.Locator("#comment-name").FillAsync("Hoàng Văn Nam");
        await reader.Locator("#comment-email").FillAsync($"nam.{Guid.NewGuid().ToString("N")[..6]}@example.vn");
        await reader.WaitForTimeoutAsync(3_500); // the minimum fill time
        await reader.Locator("form.comment-form button[type=submit]").ClickAsync();
        await Chromium.WaitForPageAsync(reader, PendingUrl());
        var id = int.Parse(PendingUrl().Match(reader.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal("Bình luận của bạn đang chờ kiểm duyệt.", await reader.Locator($"#binh-luan-{id} .comment-pending").InnerTextAsync());

        // Nobody else sees it yet.
        var before = await (await browser.NewContextAsync()).NewPageAsync();
        await before.GotoAsync(baseUrl + Url);
        Assert.Equal(0, await before.Locator($"#binh-luan-{id}").CountAsync());

        // A Moderator signs in and approves it from the queue.
        var staffContext = await browser.NewContextAsync();
        var staff = await staffContext.NewPageAsync();
        staff.PageError += (_, error) => errors.Add(error);
        await staff.GotoAsync(baseUrl + "/admin/dang-nhap");
        await staff.FillAsync("#Email", moderator);
        await staff.FillAsync("#Password", Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();
        await Chromium.WaitForPageAsync(staff, new Regex("/admin$"));
        await staff.GotoAsync(baseUrl + "/admin/binh-luan");
        var row = staff.Locator($"tr#binh-luan-{id}");
        Assert.Contains(body, await row.Locator(".comment-body").InnerTextAsync(), StringComparison.Ordinal);
        await row.Locator("button[data-step=duyet]").ClickAsync();
        await staff.Locator(".flash").First.WaitForAsync(); // the message after approving

        // A fresh visitor now sees it, without the pending note.
        var visitorContext = await browser.NewContextAsync();
        var visitor = await visitorContext.NewPageAsync();
        visitor.PageError += (_, error) => errors.Add(error);
        await visitor.GotoAsync(baseUrl + Url);
        var shown = visitor.Locator($"#binh-luan-{id}");
        Assert.Equal(1, await shown.CountAsync());
        Assert.Contains(body, await shown.Locator(".comment-body").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Hoàng Văn Nam", await shown.Locator(".comment-author").First.InnerTextAsync());
        Assert.Equal(0, await shown.Locator(".comment-pending").CountAsync());
        Assert.Empty(errors);
    }

    private async Task<string> CreateModeratorAsync()
    {
        var email = $"kiem-duyet.{Guid.NewGuid().ToString("N")[..6]}@toasoan.vn";
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Kiểm duyệt viên Trình duyệt",
            CreatedAtUtc = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, Roles.Moderator)).Succeeded);
        return email;
    }

    [GeneratedRegex(@"\?cho-duyet=(\d+)&ma=")]
    private static partial Regex PendingUrl();
}

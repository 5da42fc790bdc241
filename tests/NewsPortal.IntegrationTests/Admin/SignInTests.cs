using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;

namespace NewsPortal.IntegrationTests.Admin;

/// <summary>
/// Signing in and out of the Admin area, two-factor sign-in, and what Administrators and staff
/// do to accounts, as a person sees it in the browser and as the app stores it. Each test uses
/// accounts of its own, so the tests share one app.
/// </summary>
public sealed class SignInTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    private const string WrongCredentials = "Email hoặc mật khẩu không đúng.";
    private const string LockedOut = "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.";
    private const string TooCommon = "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác (nên là một cụm từ dài).";
    private const string NewPassword = "song-hong-chay-qua-ha-noi";

    [Fact]
    public async Task TheSignInPageIsInVietnamese()
    {
        var client = factory.CreateBrowser();

        var (response, page) = await client.GetPageAsync(AdminClient.SignInPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Đăng nhập – Quản trị", page.Title, StringComparison.Ordinal);
        Assert.Equal("Đăng nhập", page.QuerySelector("h1")!.Text());
        Assert.Equal("Email", page.QuerySelector("label[for=Email]")!.Text());
        Assert.Equal("Mật khẩu", page.QuerySelector("label[for=Password]")!.Text());
        Assert.Equal("password", page.QuerySelector("input[name=Password]")!.GetAttribute("type"));
        Assert.Equal("Đăng nhập", page.QuerySelector("form button[type=submit]")!.Text());
        Assert.Null(page.QuerySelector("nav"));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedInVietnameseAndAudited()
    {
        var editor = await factory.CreateStaffAsync(Roles.Editor);
        var client = factory.CreateBrowser();

        var response = await client.SubmitPasswordAsync(editor.Email, "khong-phai-mat-khau-nay");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal([WrongCredentials], page.Errors());
        Assert.Equal(editor.Email, page.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("input[name=Password]")!.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        var entry = Assert.Single(await factory.AuditOfAsync(editor.Id));
        Assert.Equal(AuditActions.SignInFailure, entry.Action);
        Assert.Equal("Đăng nhập thất bại: sai mật khẩu.", entry.Summary);
        Assert.Equal(editor.Email, entry.UserName);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountSoEvenTheRightOneIsRefused()
    {
        var author = await factory.CreateStaffAsync(Roles.Author);
        var client = factory.CreateBrowser();

        var messages = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitPasswordAsync(author.Email, $"khong-phai-mat-khau-{i}");
            messages.Add(string.Join(" ", Html.Parse(await wrong.Content.ReadAsStringAsync()).Errors()));
        }

        var right = await client.SubmitPasswordAsync(author.Email, author.Password);

        Assert.Equal([WrongCredentials, WrongCredentials, WrongCredentials, WrongCredentials, LockedOut], messages);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal([LockedOut], Html.Parse(await right.Content.ReadAsStringAsync()).Errors());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.True((await factory.FindUserAsync(author.Id)).LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        var actions = (await factory.AuditOfAsync(author.Id)).Select(a => a.Action).ToList();
        Assert.Equal([.. Enumerable.Repeat(AuditActions.SignInFailure, 4), AuditActions.SignInLockedOut, AuditActions.SignInLockedOut], actions);
    }

    [Fact]
    public async Task TheFourthSignInWithinTheWindowAnswers429WithRetryAfterWhenTheLimitIsThree()
    {
        await using var limited = new RateLimitedFactory();
        var client = limited.CreateBrowser();

        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.SubmitPasswordAsync("khong-ai@example.vn", $"khong-phai-mat-khau-{i}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await client.SubmitPasswordAsync("khong-ai@example.vn", "khong-phai-mat-khau-3");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var wait = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Quá nhiều yêu cầu", page.QuerySelector("h1")!.Text());
        Assert.Contains("Lỗi 429", page.Body!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALocalReturnUrlIsFollowedAfterSignIn()
    {
        var editor = await factory.CreateStaffAsync(Roles.Editor);
        var client = factory.CreateBrowser();

        var challenge = await client.GetAsync(new Uri("/admin/bai-viet?trangThai=Draft", UriKind.Relative));
        Assert.Equal($"{AdminClient.SignInPath}?ReturnUrl=%2Fadmin%2Fbai-viet%3FtrangThai%3DDraft", challenge.Target());
        var response = await client.PostFormAsync(challenge.Target()!, AdminClient.SignInPath, ("Email", editor.Email), ("Password", editor.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/bai-viet?trangThai=Draft", response.Target());
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task AReturnUrlToAnotherSiteIsNotFollowed(string returnUrl)
    {
        var editor = await factory.CreateStaffAsync(Roles.Editor);
        var client = factory.CreateBrowser();

        var (_, form) = await client.GetPageAsync($"{AdminClient.SignInPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var response = await client.PostFormAsync(AdminClient.SignInPath, AdminClient.SignInPath, ("Email", editor.Email), ("Password", editor.Password), ("ReturnUrl", returnUrl));

        Assert.True(string.IsNullOrEmpty(form.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Target());
    }

    [Fact]
    public async Task ASignInWithoutTheAntiforgeryTokenIsRefusedWith400()
    {
        var editor = await factory.CreateStaffAsync(Roles.Editor);
        var client = factory.CreateBrowser();
        _ = await client.GetAsync(new Uri(AdminClient.SignInPath, UriKind.Relative));

        using var content = new FormUrlEncodedContent([KeyValuePair.Create("Email", editor.Email), KeyValuePair.Create("Password", editor.Password)]);
        var response = await client.PostAsync(new Uri(AdminClient.SignInPath, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("np.auth", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.Empty(await factory.AuditOfAsync(editor.Id));
    }

    [Fact]
    public async Task AnAdministratorWithTwoFactorSignsInWithPasswordThenAuthenticatorCode()
    {
        var admin = await factory.CreateStaffAsync(Roles.Administrator);
        var client = factory.CreateBrowser();

        var first = await client.SubmitPasswordAsync(admin.Email, admin.Password);
        Assert.Equal(AdminClient.TwoFactorPath, first.Target());
        Assert.Equal(AdminClient.SignInPath + "?ReturnUrl=%2Fadmin", (await client.GetAsync(new Uri("/admin", UriKind.Relative))).Target());
        var (_, step) = await client.GetPageAsync(AdminClient.TwoFactorPath);
        Assert.Equal("Xác thực hai bước", step.QuerySelector("h1")!.Text());
        Assert.Equal("Mã xác thực", step.QuerySelector("label[for=Code]")!.Text());

        var right = admin.CurrentCode();
        var wrong = $"{(right[0] - '0' + 5) % 10}{right[1..]}";
        var refused = await client.PostFormAsync(AdminClient.TwoFactorPath, AdminClient.TwoFactorPath, ("Code", wrong));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["Sai mã xác thực. Vui lòng thử lại."], Html.Parse(await refused.Content.ReadAsStringAsync()).Errors());

        var accepted = await client.PostFormAsync(AdminClient.TwoFactorPath, AdminClient.TwoFactorPath, ("Code", right));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/admin", accepted.Target());
        var (dashboard, _) = await client.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var audit = await factory.AuditOfAsync(admin.Id);
        Assert.Equal([AuditActions.SignInFailure, AuditActions.SignInSuccess], audit.Select(a => a.Action));
        Assert.Equal("Đăng nhập thất bại: sai mã xác thực.", audit[0].Summary);
        Assert.Equal("Đăng nhập thành công (xác thực hai bước bằng mã xác thực).", audit[1].Summary);
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnceAndNotTwice()
    {
        var admin = await factory.CreateStaffAsync(Roles.Administrator);
        var codes = await factory.CreateRecoveryCodesAsync(admin);

        var first = factory.CreateBrowser();
        Assert.Equal(AdminClient.TwoFactorPath, (await first.SubmitPasswordAsync(admin.Email, admin.Password)).Target());
        var (_, step) = await first.GetPageAsync(AdminClient.TwoFactorPath);
        var link = step.QuerySelectorAll("a").Single(a => a.Text() == "Dùng mã khôi phục").GetAttribute("href")!;
        var used = await first.PostFormAsync(link, AdminClient.RecoveryCodePath, ("RecoveryCode", codes[0]));
        Assert.Equal("/admin", used.Target());

        var second = factory.CreateBrowser();
        Assert.Equal(AdminClient.TwoFactorPath, (await second.SubmitPasswordAsync(admin.Email, admin.Password)).Target());
        var again = await second.PostFormAsync(AdminClient.RecoveryCodePath, AdminClient.RecoveryCodePath, ("RecoveryCode", codes[0]));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["Sai mã khôi phục. Vui lòng thử lại."], Html.Parse(await again.Content.ReadAsStringAsync()).Errors());
        Assert.Equal("/admin", (await second.PostFormAsync(AdminClient.RecoveryCodePath, AdminClient.RecoveryCodePath, ("RecoveryCode", codes[1]))).Target());
    }

    [Fact]
    public async Task AnAdministratorTurningOnTwoFactorGetsTenRecoveryCodes()
    {
        var admin = await factory.CreateStaffAsync(Roles.Administrator, twoFactor: false);
        var client = await factory.SignInAsync(admin);
        var (_, setup) = await client.GetPageAsync(AdminClient.TwoFactorSetupPath);
        var key = setup.QuerySelector("code.shared-key")!.Text();
        Assert.NotNull(setup.QuerySelector(".qr svg"));

        var refused = await client.PostFormAsync(AdminClient.TwoFactorSetupPath, AdminClient.TwoFactorSetupPath, ("Code", "12345"));
        Assert.Contains("Mã xác thực không đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.", Html.Parse(await refused.Content.ReadAsStringAsync()).Errors());
        var response = await client.PostFormAsync(AdminClient.TwoFactorSetupPath, AdminClient.TwoFactorSetupPath, ("Code", AdminClient.CurrentCode(key)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var codes = page.QuerySelectorAll(".recovery-codes code").Select(c => c.Text()).ToList();
        Assert.Equal(10, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Xác thực hai bước đang bật. Còn 10 mã khôi phục.", page.QuerySelector(".ok")!.Text());
        Assert.True((await factory.FindUserAsync(admin.Id)).TwoFactorEnabled);
        Assert.Contains(AuditActions.TwoFactorEnabled, (await factory.AuditOfAsync(admin.Id)).Select(a => a.Action));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/nguoi-dung", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AfterSignOutACopiedSessionCookieNoLongerOpensTheAdminArea()
    {
        var editor = await factory.CreateStaffAsync(Roles.Editor);
        var client = factory.CreateBrowser();
        var signIn = await client.SubmitPasswordAsync(editor.Email, editor.Password);
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("np.auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        Assert.NotEmpty(cookie);
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(cookie)).StatusCode);

        var signOut = await client.PostFormAsync("/admin", "/admin/dang-xuat");

        Assert.Equal(AdminClient.SignInPath, signOut.Target());
        var replayed = await ReplayAsync(cookie);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Equal(AdminClient.SignInPath + "?ReturnUrl=%2Fadmin", replayed.Target());
        Assert.Equal(AdminClient.SignInPath + "?ReturnUrl=%2Fadmin", (await client.GetAsync(new Uri("/admin", UriKind.Relative))).Target());
        Assert.Contains(AuditActions.SignOut, (await factory.AuditOfAsync(editor.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task DisablingAUserEndsTheirSessionAndRefusesTheirSignIn()
    {
        var editor = await factory.CreateStaffAsync(Roles.Editor);
        var session = await factory.SignInAsync(editor);
        var admin = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Administrator));

        var disabled = await admin.PostFormAsync("/admin/nguoi-dung", $"/admin/nguoi-dung/{editor.Id}/vo-hieu-hoa");

        Assert.Equal("/admin/nguoi-dung", disabled.Target());
        var (_, list) = await admin.GetPageAsync("/admin/nguoi-dung");
        Assert.Equal($"Đã vô hiệu hóa tài khoản {editor.Email}.", list.QuerySelector(".flash")!.Text());
        Assert.Contains("Đã vô hiệu hóa", RowOf(list, editor.Email));
        Assert.True((await factory.FindUserAsync(editor.Id)).IsDisabled);
        Assert.Equal(AdminClient.SignInPath + "?ReturnUrl=%2Fadmin", (await session.GetAsync(new Uri("/admin", UriKind.Relative))).Target());

        var again = await factory.CreateBrowser().SubmitPasswordAsync(editor.Email, editor.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([WrongCredentials], Html.Parse(await again.Content.ReadAsStringAsync()).Errors());
        var audit = await factory.AuditOfAsync(editor.Id);
        Assert.Contains(audit, a => a.Action == AuditActions.UserDisabled);
        Assert.Equal("Đăng nhập bị từ chối: tài khoản đã bị vô hiệu hóa.", audit[^1].Summary);

        Assert.Equal("/admin/nguoi-dung", (await admin.PostFormAsync("/admin/nguoi-dung", $"/admin/nguoi-dung/{editor.Id}/kich-hoat")).Target());
        await factory.SignInAsync(editor);
    }

    [Fact]
    public async Task ChangedRolesTakeEffectOnTheUsersNextRequest()
    {
        var author = await factory.CreateStaffAsync(Roles.Author);
        var session = await factory.SignInAsync(author);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(new Uri("/admin/bai-viet", UriKind.Relative))).StatusCode);
        var admin = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Administrator));

        var changed = await admin.PostFormAsync($"/admin/nguoi-dung/{author.Id}", $"/admin/nguoi-dung/{author.Id}", ("Roles", Roles.Moderator));

        Assert.Equal("/admin/nguoi-dung", changed.Target());
        Assert.Equal([Roles.Moderator], await factory.RolesOfAsync(author.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(new Uri("/admin/bai-viet", UriKind.Relative))).StatusCode);
        var (dashboard, page) = await session.GetPageAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.DoesNotContain("Bài viết", page.QuerySelectorAll("nav a").Select(a => a.Text()));
        Assert.Contains(await factory.AuditOfAsync(author.Id), a => a.Action == AuditActions.UserRolesChanged && a.Summary.EndsWith("Tác giả → Kiểm duyệt viên.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("khong-phai-mat-khau-nay", NewPassword, "Mật khẩu không đúng.")]
    [InlineData(AdminClient.StaffPassword, "password1234", TooCommon)]
    [InlineData(AdminClient.StaffPassword, "ngan-qua-di", "Mật khẩu mới phải có ít nhất 12 ký tự.")]
    public async Task AChangeOfPasswordIsRefusedInVietnamese(string current, string wanted, string message)
    {
        var editor = await factory.CreateStaffAsync(Roles.Editor);
        var client = await factory.SignInAsync(editor);

        var response = await client.PostFormAsync(AdminClient.ChangePasswordPath, AdminClient.ChangePasswordPath, ("CurrentPassword", current), ("NewPassword", wanted), ("ConfirmPassword", wanted));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([message], Html.Parse(await response.Content.ReadAsStringAsync()).Errors());
        await factory.SignInAsync(editor);
    }

    [Fact]
    public async Task AGoodNewPasswordReplacesTheOldOneAndEndsOtherSessions()
    {
        var editor = await factory.CreateStaffAsync(Roles.Editor);
        var client = await factory.SignInAsync(editor);
        var other = await factory.SignInAsync(editor);

        var response = await client.PostFormAsync(AdminClient.ChangePasswordPath, AdminClient.ChangePasswordPath, ("CurrentPassword", editor.Password), ("NewPassword", NewPassword), ("ConfirmPassword", NewPassword));

        Assert.Equal(AdminClient.ChangePasswordPath, response.Target());
        var (page, document) = await client.GetPageAsync(AdminClient.ChangePasswordPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.", document.QuerySelector(".flash")!.Text());
        Assert.Equal(AdminClient.SignInPath + "?ReturnUrl=%2Fadmin", (await other.GetAsync(new Uri("/admin", UriKind.Relative))).Target());
        var old = await factory.CreateBrowser().SubmitPasswordAsync(editor.Email, editor.Password);
        Assert.Equal([WrongCredentials], Html.Parse(await old.Content.ReadAsStringAsync()).Errors());
        await factory.SignInAsync(editor with { Password = NewPassword });
        Assert.Contains(AuditActions.PasswordChanged, (await factory.AuditOfAsync(editor.Id)).Select(a => a.Action));
    }

    [Fact]
    public async Task CreatingAUserWithACommonPasswordIsRefused()
    {
        var admin = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Administrator));
        var email = $"tac-gia-{Guid.NewGuid():N}@example.vn";

        var response = await admin.PostFormAsync("/admin/nguoi-dung/tao", "/admin/nguoi-dung/tao", ("Email", email), ("DisplayName", "Nguyễn Văn An"), ("Password", "password1234"), ("Roles", Roles.Author));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TooCommon], Html.Parse(await response.Content.ReadAsStringAsync()).Errors());
        var (_, list) = await admin.GetPageAsync("/admin/nguoi-dung");
        Assert.DoesNotContain(email, list.QuerySelector("table")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUserCreatedThroughTheFormIsListedAndCanSignIn()
    {
        var admin = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Administrator));
        var email = $"tac-gia-{Guid.NewGuid():N}@example.vn";

        var response = await admin.PostFormAsync("/admin/nguoi-dung/tao", "/admin/nguoi-dung/tao", ("Email", email), ("DisplayName", "Nguyễn Văn An"), ("Password", NewPassword), ("Roles", Roles.Author));

        Assert.Equal("/admin/nguoi-dung", response.Target());
        var (_, list) = await admin.GetPageAsync("/admin/nguoi-dung");
        Assert.Equal($"Đã tạo tài khoản {email}.", list.QuerySelector(".flash")!.Text());
        Assert.Equal($"{email} Nguyễn Văn An Tác giả Hoạt động Vô hiệu hóa", RowOf(list, email));
        var id = list.QuerySelectorAll("td a").Single(a => a.Text() == email).GetAttribute("href")!.Split('/')[^1];
        Assert.Equal([Roles.Author], await factory.RolesOfAsync(id));
        Assert.Contains(await factory.AuditOfAsync(id), a => a.Action == AuditActions.UserCreated);
        await factory.SignInAsync(new StaffAccount(id, email, NewPassword, null));
    }

    private static string RowOf(AngleSharp.Html.Dom.IHtmlDocument list, string email) =>
        list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.Text() == email).Text();

    private async Task<HttpResponseMessage> ReplayAsync(string cookie)
    {
        var stranger = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await stranger.SendAsync(request);
    }

    /// <summary>The app with the sign-in limit the test sets: three attempts a minute.</summary>
    private sealed class RateLimitedFactory : AdminFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:SignInPermitLimit"] = "3",
        };
    }
}

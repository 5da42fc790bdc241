using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;
using QRCoder;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Sign-in (with the two-factor step), sign-out, password and two-factor settings.</summary>
public sealed class AccountController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AuditLog audit) : AdminController
{
    public const string RateLimitPolicy = "signin";
    private const string Issuer = "NewsPortal";

    protected override bool AllowedWithoutTwoFactor => true;

    [AllowAnonymous]
    [HttpGet("admin/dang-nhap")]
    public IActionResult SignIn(string? returnUrl)
    {
        ForgetQuery();
        return View(new SignInInput { ReturnUrl = LocalOrNull(returnUrl) });
    }

    [AllowAnonymous]
    [HttpPost("admin/dang-nhap")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> SignIn(SignInInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var user = await users.FindByEmailAsync(input.Email.Trim()) ?? await users.FindByNameAsync(input.Email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, input.Password, isPersistent: false, lockoutOnFailure: true);

        if (result.Succeeded)
        {
            await audit.RecordNowAsync(user!.Id, user.UserName!, AuditActions.SignInSuccess, "Đăng nhập thành công.", cancellationToken);
            return LocalRedirect(LocalOrNull(input.ReturnUrl) ?? "/admin");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = LocalOrNull(input.ReturnUrl) });
        }

        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(user!.Id, user.UserName!, AuditActions.SignInLockedOut, "Tài khoản bị tạm khóa do đăng nhập sai nhiều lần.", cancellationToken);
            ModelState.AddModelError(string.Empty, "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.");
            return View(input with { Password = string.Empty });
        }

        await audit.RecordNowAsync(
            user?.Id,
            user?.UserName ?? AuditLog.System,
            AuditActions.SignInFailure,
            user is null ? "Đăng nhập thất bại: tài khoản không tồn tại." : result.IsNotAllowed ? "Đăng nhập bị từ chối: tài khoản đã bị vô hiệu hóa." : "Đăng nhập thất bại: sai mật khẩu.",
            cancellationToken);
        ModelState.AddModelError(string.Empty, "Email hoặc mật khẩu không đúng.");
        return View(input with { Password = string.Empty });
    }

    [AllowAnonymous]
    [HttpGet("admin/dang-nhap/hai-buoc")]
    public async Task<IActionResult> TwoFactor(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        ForgetQuery();
        return View(new TwoFactorInput { ReturnUrl = LocalOrNull(returnUrl) });
    }

    [AllowAnonymous]
    [HttpPost("admin/dang-nhap/hai-buoc")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> TwoFactor(TwoFactorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var code = Digits(input.Code);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        return await FinishSecondStepAsync(user, result, input.ReturnUrl, "mã xác thực", () => View(input with { Code = string.Empty }), cancellationToken);
    }

    [AllowAnonymous]
    [HttpGet("admin/dang-nhap/ma-khoi-phuc")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        ForgetQuery();
        return View(new RecoveryCodeInput { ReturnUrl = LocalOrNull(returnUrl) });
    }

    [AllowAnonymous]
    [HttpPost("admin/dang-nhap/ma-khoi-phuc")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(SignIn));
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));
        return await FinishSecondStepAsync(user, result, input.ReturnUrl, "mã khôi phục", () => View(input with { RecoveryCode = string.Empty }), cancellationToken);
    }

    /// <summary>Ends the session everywhere: the security stamp changes, so a copied cookie stops working.</summary>
    [HttpPost("admin/dang-xuat")]
    public async Task<IActionResult> SignOut(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordNowAsync(user.Id, user.UserName!, AuditActions.SignOut, "Đăng xuất.", cancellationToken);
        }

        await signIn.SignOutAsync();
        return RedirectToAction(nameof(SignIn));
    }

    [HttpGet("admin/tai-khoan/mat-khau")]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost("admin/tai-khoan/mat-khau")]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            return View(new ChangePasswordInput());
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(input.CurrentPassword) : nameof(input.NewPassword), error.Description);
            }

            return View(new ChangePasswordInput());
        }

        await audit.RecordNowAsync(user.Id, user.UserName!, AuditActions.PasswordChanged, "Đổi mật khẩu.", cancellationToken);
        await signIn.RefreshSignInAsync(user);
        Flash("Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.");
        return RedirectToAction(nameof(ChangePassword));
    }

    [HttpGet("admin/tai-khoan/hai-buoc")]
    public async Task<IActionResult> TwoFactorSetup()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(await SetupModelAsync(user, null));
    }

    /// <summary>Turns two-factor on once the reader's authenticator app shows a valid code.</summary>
    [HttpPost("admin/tai-khoan/hai-buoc")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> EnableTwoFactor(TwoFactorInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var valid = ModelState.IsValid && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(input.Code));
        if (!valid)
        {
            ModelState.AddModelError(nameof(input.Code), "Mã xác thực không đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.");
            return View(nameof(TwoFactorSetup), await SetupModelAsync(user, null));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await audit.RecordNowAsync(user.Id, user.UserName!, AuditActions.TwoFactorEnabled, "Bật xác thực hai bước.", cancellationToken);
        await signIn.RefreshSignInAsync(user);
        return View(nameof(TwoFactorSetup), await SetupModelAsync(user, codes));
    }

    [HttpPost("admin/tai-khoan/hai-buoc/ma-khoi-phuc")]
    public async Task<IActionResult> ResetRecoveryCodes(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(TwoFactorSetup));
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        await audit.RecordNowAsync(user.Id, user.UserName!, AuditActions.RecoveryCodesReset, "Tạo lại mã khôi phục.", cancellationToken);
        return View(nameof(TwoFactorSetup), await SetupModelAsync(user, codes));
    }

    [HttpPost("admin/tai-khoan/hai-buoc/tat")]
    public async Task<IActionResult> DisableTwoFactor(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.IsInRoleAsync(user, Roles.Administrator))
        {
            Flash("Quản trị viên bắt buộc dùng xác thực hai bước.");
            return RedirectToAction(nameof(TwoFactorSetup));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordNowAsync(user.Id, user.UserName!, AuditActions.TwoFactorDisabled, "Tắt xác thực hai bước.", cancellationToken);
        await signIn.RefreshSignInAsync(user);
        Flash("Đã tắt xác thực hai bước.");
        return RedirectToAction(nameof(TwoFactorSetup));
    }

    private async Task<IActionResult> FinishSecondStepAsync(ApplicationUser user, Microsoft.AspNetCore.Identity.SignInResult result, string? returnUrl, string what, Func<IActionResult> again, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            await audit.RecordNowAsync(user.Id, user.UserName!, AuditActions.SignInSuccess, $"Đăng nhập thành công (xác thực hai bước bằng {what}).", cancellationToken);
            return LocalRedirect(LocalOrNull(returnUrl) ?? "/admin");
        }

        if (result.IsLockedOut)
        {
            await audit.RecordNowAsync(user.Id, user.UserName!, AuditActions.SignInLockedOut, "Tài khoản bị tạm khóa do nhập sai mã nhiều lần.", cancellationToken);
            ModelState.AddModelError(string.Empty, "Tài khoản tạm bị khóa do nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.");
            return again();
        }

        await audit.RecordNowAsync(user.Id, user.UserName!, AuditActions.SignInFailure, $"Đăng nhập thất bại: sai {what}.", cancellationToken);
        ModelState.AddModelError(string.Empty, $"Sai {what}. Vui lòng thử lại.");
        return again();
    }

    private async Task<TwoFactorSetupViewModel> SetupModelAsync(ApplicationUser user, IReadOnlyList<string>? newCodes)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            // The reset changes the security stamp, which is checked on every request: without a
            // fresh cookie this session would end on the next request (the code being entered).
            await signIn.RefreshSignInAsync(user);
        }

        var uri = string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4);
        return new TwoFactorSetupViewModel(
            user.TwoFactorEnabled,
            await users.IsInRoleAsync(user, Roles.Administrator),
            FormatKey(key!),
            uri,
            svg,
            await users.CountRecoveryCodesAsync(user),
            newCodes);
    }

    private static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string Digits(string code) => new([.. code.Where(char.IsAsciiDigit)]);

    /// <summary>
    /// Form fields show what was bound from the query before the model's value, so without this
    /// the hidden ReturnUrl would carry a foreign address that <see cref="LocalOrNull"/> dropped.
    /// </summary>
    private void ForgetQuery() => ModelState.Clear();

    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url) ? url : null;
}

using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Areas.Admin.ViewModels;

public sealed record SignInInput
{
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [StringLength(256, ErrorMessage = "Email quá dài.")]
    [Display(Name = "Email")]
    public string Email { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
    [StringLength(512, ErrorMessage = "Mật khẩu quá dài.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; init; } = string.Empty;

    public string? ReturnUrl { get; init; }
}

public sealed record TwoFactorInput
{
    [Required(ErrorMessage = "Vui lòng nhập mã xác thực.")]
    [StringLength(16, MinimumLength = 6, ErrorMessage = "Mã xác thực gồm 6 chữ số.")]
    [Display(Name = "Mã xác thực")]
    public string Code { get; init; } = string.Empty;

    public string? ReturnUrl { get; init; }
}

public sealed record RecoveryCodeInput
{
    [Required(ErrorMessage = "Vui lòng nhập mã khôi phục.")]
    [StringLength(32, ErrorMessage = "Mã khôi phục không hợp lệ.")]
    [Display(Name = "Mã khôi phục")]
    public string RecoveryCode { get; init; } = string.Empty;

    public string? ReturnUrl { get; init; }
}

public sealed record ChangePasswordInput
{
    [Required(ErrorMessage = "Vui lòng nhập mật khẩu hiện tại.")]
    [StringLength(512)]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu hiện tại")]
    public string CurrentPassword { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu mới.")]
    [StringLength(512, MinimumLength = 12, ErrorMessage = "Mật khẩu mới phải có ít nhất 12 ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu mới")]
    public string NewPassword { get; init; } = string.Empty;

    [Compare(nameof(NewPassword), ErrorMessage = "Hai lần nhập mật khẩu mới không khớp.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nhập lại mật khẩu mới")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

public sealed record TwoFactorSetupViewModel(bool Enabled, bool IsAdministrator, string SharedKey, string AuthenticatorUri, string QrSvg, int RecoveryCodesLeft, IReadOnlyList<string>? NewRecoveryCodes);

using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Areas.Admin.ViewModels;

public sealed record UserRow(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool TwoFactorEnabled, bool LockedOut);

public sealed record CreateUserInput
{
    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [EmailAddress(ErrorMessage = "Email không hợp lệ.")]
    [StringLength(256, ErrorMessage = "Email quá dài.")]
    [Display(Name = "Email")]
    public string Email { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập họ tên.")]
    [StringLength(100, ErrorMessage = "Họ tên dài quá 100 ký tự.")]
    [Display(Name = "Họ tên")]
    public string DisplayName { get; init; } = string.Empty;

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu ban đầu.")]
    [StringLength(512, MinimumLength = 12, ErrorMessage = "Mật khẩu phải có ít nhất 12 ký tự.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu ban đầu")]
    public string Password { get; init; } = string.Empty;

    [Display(Name = "Vai trò")]
    public List<string> Roles { get; init; } = [];
}

public sealed record EditUserInput
{
    [Display(Name = "Vai trò")]
    public List<string> Roles { get; init; } = [];
}

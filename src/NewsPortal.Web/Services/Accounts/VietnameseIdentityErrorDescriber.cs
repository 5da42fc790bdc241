using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Web.Services.Accounts;

/// <summary>
/// ASP.NET Core Identity's error messages in Vietnamese, so that sign-up, password and role
/// errors read naturally on a Vietnamese site instead of showing the built-in English text.
/// </summary>
/// <remarks>
/// Every override takes the <see cref="IdentityError.Code"/> from the base class and only replaces
/// the description: code that branches on codes (such as "DuplicateEmail") keeps working. Values
/// echoed back (user names, e-mails, role names) are left as they are; Razor encodes them on output.
/// </remarks>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    /// <inheritdoc />
    public override IdentityError DefaultError() =>
        Translate(base.DefaultError(), "Đã xảy ra lỗi không xác định. Vui lòng thử lại sau.");

    /// <inheritdoc />
    public override IdentityError ConcurrencyFailure() =>
        Translate(base.ConcurrencyFailure(), "Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại trang rồi thử lại.");

    /// <inheritdoc />
    public override IdentityError PasswordMismatch() =>
        Translate(base.PasswordMismatch(), "Mật khẩu không đúng.");

    /// <inheritdoc />
    public override IdentityError InvalidToken() =>
        Translate(base.InvalidToken(), "Mã xác nhận không hợp lệ hoặc đã hết hạn. Vui lòng yêu cầu mã mới.");

    /// <inheritdoc />
    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Translate(base.RecoveryCodeRedemptionFailed(), "Mã khôi phục không đúng hoặc đã được sử dụng.");

    /// <inheritdoc />
    public override IdentityError LoginAlreadyAssociated() =>
        Translate(base.LoginAlreadyAssociated(), "Phương thức đăng nhập này đã được liên kết với một tài khoản khác.");

    /// <inheritdoc />
    public override IdentityError InvalidUserName(string? userName) =>
        Translate(
            base.InvalidUserName(userName),
            string.IsNullOrWhiteSpace(userName)
                ? "Vui lòng nhập tên đăng nhập."
                : $"Tên đăng nhập “{userName}” không hợp lệ. Tên đăng nhập chỉ được gồm chữ cái không dấu, chữ số và các ký tự - . _ @ +.");

    /// <inheritdoc />
    public override IdentityError InvalidEmail(string? email) =>
        Translate(
            base.InvalidEmail(email),
            string.IsNullOrWhiteSpace(email)
                ? "Vui lòng nhập địa chỉ email."
                : $"Địa chỉ email “{email}” không hợp lệ.");

    /// <inheritdoc />
    public override IdentityError DuplicateUserName(string userName) =>
        Translate(base.DuplicateUserName(userName), $"Tên đăng nhập “{userName}” đã có người sử dụng. Vui lòng chọn tên khác.");

    /// <inheritdoc />
    public override IdentityError DuplicateEmail(string email) =>
        Translate(base.DuplicateEmail(email), $"Địa chỉ email “{email}” đã được dùng cho một tài khoản khác.");

    /// <inheritdoc />
    public override IdentityError InvalidRoleName(string? role) =>
        Translate(
            base.InvalidRoleName(role),
            string.IsNullOrWhiteSpace(role)
                ? "Vui lòng nhập tên vai trò."
                : $"Tên vai trò “{role}” không hợp lệ.");

    /// <inheritdoc />
    public override IdentityError DuplicateRoleName(string role) =>
        Translate(base.DuplicateRoleName(role), $"Vai trò “{role}” đã tồn tại.");

    /// <inheritdoc />
    public override IdentityError UserAlreadyHasPassword() =>
        Translate(base.UserAlreadyHasPassword(), "Tài khoản này đã có mật khẩu.");

    /// <inheritdoc />
    public override IdentityError UserLockoutNotEnabled() =>
        Translate(base.UserLockoutNotEnabled(), "Tài khoản này không bật chức năng tạm khóa khi đăng nhập sai.");

    /// <inheritdoc />
    public override IdentityError UserAlreadyInRole(string role) =>
        Translate(base.UserAlreadyInRole(role), $"Người dùng đã có vai trò “{role}”.");

    /// <inheritdoc />
    public override IdentityError UserNotInRole(string role) =>
        Translate(base.UserNotInRole(role), $"Người dùng không có vai trò “{role}”.");

    /// <inheritdoc />
    public override IdentityError PasswordTooShort(int length) =>
        Translate(base.PasswordTooShort(length), $"Mật khẩu phải có ít nhất {length} ký tự.");

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Translate(base.PasswordRequiresUniqueChars(uniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");

    /// <inheritdoc />
    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Translate(base.PasswordRequiresNonAlphanumeric(), "Mật khẩu phải có ít nhất một ký tự đặc biệt (không phải chữ cái hay chữ số).");

    /// <inheritdoc />
    public override IdentityError PasswordRequiresDigit() =>
        Translate(base.PasswordRequiresDigit(), "Mật khẩu phải có ít nhất một chữ số (0–9).");

    /// <inheritdoc />
    public override IdentityError PasswordRequiresLower() =>
        Translate(base.PasswordRequiresLower(), "Mật khẩu phải có ít nhất một chữ cái viết thường (a–z).");

    /// <inheritdoc />
    public override IdentityError PasswordRequiresUpper() =>
        Translate(base.PasswordRequiresUpper(), "Mật khẩu phải có ít nhất một chữ cái viết hoa (A–Z).");

    /// <summary>Keeps the base code, so only the wording changes.</summary>
    private static IdentityError Translate(IdentityError error, string description) =>
        new() { Code = error.Code, Description = description };
}

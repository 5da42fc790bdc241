using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Web.Domain;

public sealed class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public bool IsDisabled { get; set; }
}

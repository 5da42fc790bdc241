using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Areas.Admin.Controllers;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Services.Accounts;

/// <summary>Adds the display name and whether two-factor is on, so pages need no extra query.</summary>
public sealed class NewsPortalClaimsFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NewsPortalClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(NewsPortalClaims.TwoFactorEnabled, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}

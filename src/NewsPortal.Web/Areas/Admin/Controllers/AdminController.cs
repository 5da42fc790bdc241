using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// The base of every Admin controller: signed-in staff only, every unsafe request checked for
/// an antiforgery token, and Administrators sent to set up two-factor sign-in before anything else.
/// </summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminController : Controller
{
    public const string TwoFactorSetupPath = "/admin/tai-khoan/hai-buoc";

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    /// <summary>Pages an Administrator without two-factor may still reach: setting it up, and leaving.</summary>
    protected virtual bool AllowedWithoutTwoFactor => false;

    /// <summary>A one-off message for the next page (after a redirect).</summary>
    protected void Flash(string message) => TempData["Flash"] = message;

    public override void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!AllowedWithoutTwoFactor
            && User.IsInRole(Roles.Administrator)
            && User.FindFirstValue(NewsPortalClaims.TwoFactorEnabled) != "true"
            && context.ActionDescriptor.EndpointMetadata.OfType<AllowAnonymousAttribute>().FirstOrDefault() is null)
        {
            context.Result = Redirect(TwoFactorSetupPath);
            return;
        }

        base.OnActionExecuting(context);
    }
}

public static class NewsPortalClaims
{
    /// <summary>"true" when the account has two-factor sign-in on (refreshed on every request).</summary>
    public const string TwoFactorEnabled = "np:2fa";

    public const string DisplayName = "np:name";
}

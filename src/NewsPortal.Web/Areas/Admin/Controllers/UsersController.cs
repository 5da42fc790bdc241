using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Administrators create accounts, change their roles, and disable or enable them.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class UsersController(UserManager<ApplicationUser> users, NewsDbContext db, AuditLog audit, TimeProvider time) : AdminController
{
    [HttpGet("admin/nguoi-dung")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rows = new List<UserRow>(all.Count);
        foreach (var user in all)
        {
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName!, user.DisplayName, [.. await users.GetRolesAsync(user)], user.IsDisabled, user.TwoFactorEnabled, user.LockoutEnd > now));
        }

        return View(rows);
    }

    [HttpGet("admin/nguoi-dung/tao")]
    public IActionResult Create() => View(new CreateUserInput { Roles = [Roles.Author] });

    [HttpPost("admin/nguoi-dung/tao")]
    public async Task<IActionResult> Create(CreateUserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var roles = ValidRoles(input.Roles);
        if (roles.Count == 0)
        {
            ModelState.AddModelError(nameof(input.Roles), "Chọn ít nhất một vai trò.");
        }

        if (!ModelState.IsValid)
        {
            return View(input with { Password = string.Empty });
        }

        var user = new ApplicationUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, input.Password);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, roles);
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(input.Password) : nameof(input.Email), error.Description);
            }

            return View(input with { Password = string.Empty });
        }

        audit.Record(AuditActions.UserCreated, "user", user.Id, $"Tạo tài khoản {user.Email} với vai trò {string.Join(", ", roles.Select(RoleNames.Of))}.");
        await db.SaveChangesAsync(cancellationToken);
        Flash($"Đã tạo tài khoản {user.Email}.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("admin/nguoi-dung/{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        ViewData["User"] = user;
        return View(new EditUserInput { Roles = [.. await users.GetRolesAsync(user)] });
    }

    [HttpPost("admin/nguoi-dung/{id}")]
    public async Task<IActionResult> Edit(string id, EditUserInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var wanted = ValidRoles(input.Roles);
        if (wanted.Count == 0)
        {
            ModelState.AddModelError(nameof(input.Roles), "Chọn ít nhất một vai trò.");
        }

        if (user.Id == UserId && !wanted.Contains(Roles.Administrator))
        {
            ModelState.AddModelError(nameof(input.Roles), "Không thể tự bỏ vai trò Quản trị viên của chính mình.");
        }

        if (!ModelState.IsValid)
        {
            ViewData["User"] = user;
            return View(input);
        }

        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        audit.Record(AuditActions.UserRolesChanged, "user", user.Id, $"Đổi vai trò của {user.Email}: {Names(current)} → {Names(wanted)}.");
        // No new security stamp: that would end the user's sessions. The stamp is validated on
        // every request, which also rebuilds the user's claims, so the next request has the new roles.
        await db.SaveChangesAsync();
        Flash($"Đã cập nhật vai trò của {user.Email}.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("admin/nguoi-dung/{id}/vo-hieu-hoa")]
    public Task<IActionResult> Disable(string id) => SetDisabledAsync(id, true);

    [HttpPost("admin/nguoi-dung/{id}/kich-hoat")]
    public Task<IActionResult> Enable(string id) => SetDisabledAsync(id, false);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == UserId)
        {
            Flash("Không thể tự vô hiệu hóa tài khoản của chính mình.");
            return RedirectToAction(nameof(Index));
        }

        user.IsDisabled = disabled;
        audit.Record(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, "user", user.Id, (disabled ? "Vô hiệu hóa" : "Kích hoạt lại") + $" tài khoản {user.Email}.");
        await users.UpdateAsync(user);
        // A new stamp ends the user's sessions on their next request.
        await users.UpdateSecurityStampAsync(user);
        await db.SaveChangesAsync();
        Flash((disabled ? "Đã vô hiệu hóa" : "Đã kích hoạt lại") + $" tài khoản {user.Email}.");
        return RedirectToAction(nameof(Index));
    }

    private static List<string> ValidRoles(IEnumerable<string>? roles) =>
        [.. (roles ?? []).Where(r => Roles.All.Contains(r)).Distinct(StringComparer.Ordinal)];

    private static string Names(IEnumerable<string> roles) => string.Join(", ", roles.Select(RoleNames.Of).DefaultIfEmpty("(không có)"));
}

public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.Administrator => "Quản trị viên",
        Roles.Editor => "Biên tập viên",
        Roles.Author => "Tác giả",
        Roles.Moderator => "Kiểm duyệt viên",
        _ => role,
    };
}

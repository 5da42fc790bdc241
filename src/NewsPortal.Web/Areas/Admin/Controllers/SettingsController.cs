using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Administrators set the comment rules and ban commenters.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class SettingsController(CommentSettingsService settings) : AdminController
{
    public const string CommentsPath = "/admin/cai-dat/binh-luan";
    public const string BansPath = "/admin/cai-dat/chan";

    [HttpGet("admin/cai-dat/binh-luan")]
    public async Task<IActionResult> Comments(CancellationToken cancellationToken) =>
        View(CommentSettingsInput.From(await settings.LoadAsync(cancellationToken)));

    [HttpPost("admin/cai-dat/binh-luan")]
    public async Task<IActionResult> Comments(CommentSettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        if (await settings.SaveAsync(input, cancellationToken) == SettingsOutcome.Conflict)
        {
            ModelState.AddModelError(string.Empty, "Người khác vừa lưu cài đặt này. Hãy tải lại trang, xem thay đổi của họ rồi lưu lại.");
            return View(input);
        }

        Flash("Đã lưu quy tắc bình luận.");
        return Redirect(CommentsPath);
    }

    [HttpGet("admin/cai-dat/chan")]
    public async Task<IActionResult> Bans(CancellationToken cancellationToken) =>
        View(new CommentBansPage(await settings.BansAsync(cancellationToken), new CommentBanInput()));

    [HttpPost("admin/cai-dat/chan")]
    public async Task<IActionResult> Bans([Bind(Prefix = "Input")] CommentBanInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ModelState.IsValid)
        {
            var errors = await settings.AddBanAsync(input, User.Identity?.Name ?? UserId, cancellationToken);
            foreach (var (field, message) in errors)
            {
                ModelState.AddModelError("Input." + field, message);
            }

            if (errors.Count == 0)
            {
                Flash($"Đã chặn {input.Value.Trim()}.");
                return Redirect(BansPath);
            }
        }

        return View(new CommentBansPage(await settings.BansAsync(cancellationToken), input));
    }

    [HttpPost("admin/cai-dat/chan/xoa")]
    public async Task<IActionResult> RemoveBan(int id, CancellationToken cancellationToken)
    {
        Flash(await settings.RemoveBanAsync(id, cancellationToken) ? "Đã bỏ chặn." : "Không tìm thấy mục chặn này.");
        return Redirect(BansPath);
    }
}

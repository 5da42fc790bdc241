using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Comments;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>The moderation queue: tabs, filters, actions one by one or in bulk, edits, staff replies, history.</summary>
[Authorize(Policy = Policies.Moderators)]
public sealed class CommentsController(CommentModerationService moderation) : AdminController
{
    public const string QueuePath = "/admin/binh-luan";

    [HttpGet("admin/binh-luan")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "trangThai"), StringLength(20)] string? tab,
        [FromQuery(Name = "baiViet"), StringLength(200)] string? article,
        [FromQuery(Name = "tacGia"), StringLength(Comment.NameMaxLength)] string? author,
        [FromQuery(Name = "email"), StringLength(Comment.EmailMaxLength)] string? email,
        [FromQuery(Name = "ip"), StringLength(Comment.IpMaxLength)] string? ip,
        [FromQuery(Name = "q"), StringLength(200)] string? text,
        [FromQuery(Name = "trang"), Range(1, 100_000)] int page = 1,
        CancellationToken cancellationToken = default)
    {
        var status = CommentTabs.Parse(tab) ?? CommentStatus.Pending;
        var queue = await moderation.QueueAsync(new CommentQueueFilter(status, article, author, email, ip, text, page), cancellationToken);
        return View(new CommentQueueViewModel(queue, CommentTabs.SlugOf(status), Request.Path + Request.QueryString));
    }

    /// <summary>The bulk form: the ticked comments, one action, an optional reason.</summary>
    [HttpPost("admin/binh-luan/thao-tac")]
    public async Task<IActionResult> Bulk(
        [FromForm(Name = "ids")] int[]? ids,
        [FromForm(Name = "hanhDong")] string? step,
        [FromForm(Name = "lyDo"), StringLength(CommentModeration.ReasonMaxLength)] string? reason,
        [FromForm(Name = "quayLai")] string? returnUrl,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || CommentSteps.Parse(step) is not { } action)
        {
            Flash("Hãy chọn một thao tác hợp lệ.");
            return Back(returnUrl);
        }

        Report(await moderation.ApplyAsync(ids ?? [], action, reason, User, cancellationToken));
        return Back(returnUrl);
    }

    [HttpPost("admin/binh-luan/{id:int}/{step:regex(^(duyet|bo-duyet|spam|khong-spam|thung-rac|khoi-phuc|xoa)$)}")]
    public async Task<IActionResult> Act(
        int id,
        string step,
        [FromForm(Name = "lyDo"), StringLength(CommentModeration.ReasonMaxLength)] string? reason,
        [FromForm(Name = "quayLai")] string? returnUrl,
        CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || CommentSteps.Parse(step) is not { } action)
        {
            Flash("Dữ liệu không hợp lệ.");
            return Back(returnUrl);
        }

        Report(await moderation.ApplyAsync([id], action, reason, User, cancellationToken));
        return Back(returnUrl);
    }

    [HttpGet("admin/binh-luan/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var comment = await moderation.FindAsync(id, cancellationToken);
        return comment is null
            ? NotFound()
            : View(new CommentEditViewModel(comment, new CommentEditInput { AuthorName = comment.AuthorName, AuthorUrl = comment.AuthorUrl, Body = comment.Body }, null));
    }

    [HttpPost("admin/binh-luan/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CommentEditInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var comment = await moderation.FindAsync(id, cancellationToken);
        if (comment is null)
        {
            return NotFound();
        }

        var error = ModelState.IsValid ? await moderation.EditAsync(id, input.AuthorName, input.AuthorUrl, input.Body, User, cancellationToken) : null;
        if (!ModelState.IsValid || error is not null)
        {
            return View(new CommentEditViewModel(comment, input, error));
        }

        Flash($"Đã lưu bình luận #{id}.");
        return Redirect($"/admin/binh-luan/{id}/sua");
    }

    [HttpPost("admin/binh-luan/{id:int}/tra-loi")]
    public async Task<IActionResult> Reply(int id, [FromForm(Name = "noiDung"), StringLength(Comment.BodyMaxLength)] string? body, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            Flash($"Bình luận dài tối đa {Comment.BodyMaxLength} ký tự.");
            return Redirect($"/admin/binh-luan/{id}/sua");
        }

        var (replyId, error) = await moderation.ReplyAsync(id, body ?? string.Empty, User, cancellationToken);
        if (replyId is null)
        {
            Flash(error ?? "Không gửi được trả lời.");
            return error == "Không tìm thấy bình luận." ? NotFound() : Redirect($"/admin/binh-luan/{id}/sua");
        }

        Flash($"Đã đăng trả lời #{replyId} của ban biên tập.");
        return Redirect($"/admin/binh-luan/{id}/sua");
    }

    [HttpGet("admin/binh-luan/{id:int}/lich-su")]
    public async Task<IActionResult> History(int id, CancellationToken cancellationToken)
    {
        var comment = await moderation.FindAsync(id, cancellationToken);
        return comment is null ? NotFound() : View(new CommentHistoryViewModel(comment, await moderation.HistoryAsync(id, cancellationToken)));
    }

    /// <summary>Decree 13/2023: a commenter's data, exported or erased by email address. Administrators only.</summary>
    [HttpGet("admin/binh-luan/du-lieu-ca-nhan")]
    [Authorize(Policy = Policies.Administrators)]
    public IActionResult PersonalData() => View(new PersonalDataViewModel(null, null));

    [HttpPost("admin/binh-luan/du-lieu-ca-nhan/xuat")]
    [Authorize(Policy = Policies.Administrators)]
    public async Task<IActionResult> Export([FromForm(Name = "email")] string? email, CancellationToken cancellationToken)
    {
        if (CommentModerationService.NormalizeEmail(email) is not { } address)
        {
            return InvalidEmail(email);
        }

        var site = $"{Request.Scheme}://{Request.Host}";
        var records = await moderation.ExportAsync(address, site, User, cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(records, ExportJson);
        return File(json, "application/json", $"binh-luan-{CommentModerationService.HashPrefix(address)}.json");
    }

    [HttpPost("admin/binh-luan/du-lieu-ca-nhan/xoa")]
    [Authorize(Policy = Policies.Administrators)]
    public async Task<IActionResult> Erase([FromForm(Name = "email")] string? email, CancellationToken cancellationToken)
    {
        if (CommentModerationService.NormalizeEmail(email) is not { } address)
        {
            return InvalidEmail(email);
        }

        var count = await moderation.EraseAsync(address, User, cancellationToken);
        Flash($"Đã ẩn danh {count} bình luận của địa chỉ email này.");
        return Redirect("/admin/binh-luan/du-lieu-ca-nhan");
    }

    private static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private ViewResult InvalidEmail(string? email)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(PersonalData), new PersonalDataViewModel(email, string.IsNullOrWhiteSpace(email) ? "Vui lòng nhập địa chỉ email." : "Địa chỉ email không hợp lệ."));
    }

    private void Report(Services.Comments.ModerationOutcome outcome)
    {
        var parts = new List<string>();
        if (outcome.Done > 0)
        {
            parts.Add($"Đã xử lý {outcome.Done} bình luận.");
        }

        parts.AddRange(outcome.Errors);
        Flash(string.Join(" ", parts));
    }

    private RedirectResult Back(string? returnUrl) =>
        Redirect(returnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) && url.StartsWith(QueuePath, StringComparison.Ordinal) ? url : QueuePath);
}

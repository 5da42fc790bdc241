using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;
using NewsPortal.Web.Services.Rendering;

namespace NewsPortal.Web.Areas.Admin.Controllers;

[Authorize(Policy = Policies.Writers)]
public sealed class ArticlesController(ArticleEditorService editor) : AdminController
{
    [HttpGet("admin/bai-viet")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "trangThai")] ArticleStatus? status,
        [FromQuery(Name = "chuyenMuc")] int? sectionId,
        [FromQuery(Name = "tacGia"), StringLength(450)] string? authorId,
        [FromQuery(Name = "q"), StringLength(200)] string? text,
        [FromQuery(Name = "trang"), Range(1, 100_000)] int page = 1,
        CancellationToken cancellationToken = default) =>
        View(await editor.ListAsync(new ArticleListFilter(status, sectionId, authorId, text, page), cancellationToken));

    [HttpGet("admin/bai-viet/tao")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Editor", await editor.NewEditorAsync(User, cancellationToken));

    [HttpPost("admin/bai-viet/tao")]
    public async Task<IActionResult> Create(ArticleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            var model = await editor.NewEditorAsync(User, cancellationToken);
            return View("Editor", model with { Input = input });
        }

        var outcome = await editor.CreateAsync(input, User, cancellationToken);
        if (!outcome.Succeeded)
        {
            AddErrors(outcome);
            var model = await editor.NewEditorAsync(User, cancellationToken);
            return View("Editor", model with { Input = input, Notices = outcome.Notices });
        }

        Flash(string.Join(" ", outcome.Notices.Prepend("Đã tạo bài viết.")));
        return Redirect($"/admin/bai-viet/{outcome.Id}/sua");
    }

    [HttpGet("admin/bai-viet/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var model = await editor.EditorAsync(id, User, null, [], cancellationToken);
        return model is null ? NotFound() : View("Editor", model);
    }

    [HttpPost("admin/bai-viet/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, ArticleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            var invalid = await editor.EditorAsync(id, User, input, [], cancellationToken);
            return invalid is null ? NotFound() : View("Editor", invalid);
        }

        SaveOutcome outcome;
        try
        {
            outcome = await editor.SaveAsync(id, input, User, null, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            return Forbid();
        }

        if (outcome.Conflict is { } conflict)
        {
            // The merge form shows the conflict's values (the stored version, not the posted one):
            // the posted values in ModelState would otherwise win over the model in the form fields.
            ModelState.Clear();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Conflict", conflict);
        }

        if (outcome.Id is null)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            AddErrors(outcome);
            var model = await editor.EditorAsync(id, User, input, outcome.Notices, cancellationToken);
            return View("Editor", model!);
        }

        Flash(string.Join(" ", outcome.Notices.Prepend("Đã lưu.")));
        return Redirect($"/admin/bai-viet/{id}/sua");
    }

    /// <summary>The editor's script saves drafts here every half minute; the reply carries the new version.</summary>
    [HttpPost("admin/bai-viet/{id:int}/tu-dong-luu")]
    public async Task<IActionResult> Autosave(int id, ArticleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            return BadRequest(new { error = "Dữ liệu không hợp lệ; chưa tự động lưu." });
        }

        try
        {
            var outcome = await editor.SaveAsync(id, input, User, "Tự động lưu", cancellationToken);
            return outcome switch
            {
                { Id: null } => NotFound(),
                { Conflict: not null } => Conflict(new { error = "Bài viết vừa được người khác lưu. Hãy bấm Lưu để so sánh và gộp.", version = outcome.Version }),
                { Succeeded: false } => BadRequest(new { error = string.Join(" ", outcome.Errors.Values) }),
                _ => Json(new { version = outcome.Version, notices = outcome.Notices }),
            };
        }
        catch (UnauthorizedAccessException)
        {
            return Forbid();
        }
    }

    /// <summary>The live preview: the public pipeline renders the Markdown (nothing is saved).</summary>
    [HttpPost("admin/bai-viet/xem-truoc")]
    public IActionResult Preview([FromForm, StringLength(ArticleRenderer.MaxInputLength)] string? body)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest(new { error = "Nội dung quá dài." });
        }

        var result = editor.Preview(body);
        return Json(new { html = result.Html, error = result.Error });
    }

    [HttpPost("admin/bai-viet/{id:int}/{step:regex(^(gui-duyet|tra-lai|len-lich|xuat-ban|hen-go|go-bai|thung-rac|khoi-phuc|xoa)$)}")]
    public async Task<IActionResult> Transition(int id, string step, TransitionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ModelState.IsValid)
        {
            Flash("Dữ liệu không hợp lệ.");
            return Redirect($"/admin/bai-viet/{id}/sua");
        }

        string? error;
        try
        {
            error = await editor.TransitionAsync(id, step, input, User, cancellationToken);
        }
        catch (UnauthorizedAccessException)
        {
            return Forbid();
        }

        Flash(error ?? StepDone(step));
        return step == "xoa" && error is null ? Redirect("/admin/bai-viet?trangThai=Trashed") : Redirect($"/admin/bai-viet/{id}/sua");
    }

    [HttpGet("admin/bai-viet/{id:int}/phien-ban")]
    public async Task<IActionResult> Revisions(int id, CancellationToken cancellationToken)
    {
        var model = await editor.RevisionsAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("admin/bai-viet/{id:int}/phien-ban/so-sanh")]
    public async Task<IActionResult> Diff(int id, [FromQuery(Name = "tu"), Range(1, int.MaxValue)] int from, [FromQuery(Name = "den"), Range(1, int.MaxValue)] int to, CancellationToken cancellationToken)
    {
        var model = await editor.DiffAsync(id, from, to, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("admin/bai-viet/{id:int}/phien-ban/{number:int}/khoi-phuc")]
    public async Task<IActionResult> RestoreRevision(int id, int number, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await editor.RestoreRevisionAsync(id, number, User, cancellationToken);
            Flash(outcome.Succeeded ? $"Đã khôi phục phiên bản {number} (lưu thành phiên bản mới)." : string.Join(" ", outcome.Errors.Values.DefaultIfEmpty("Không khôi phục được: bài viết vừa được người khác thay đổi.")));
            return outcome.Id is null ? NotFound() : Redirect($"/admin/bai-viet/{id}/sua");
        }
        catch (UnauthorizedAccessException)
        {
            return Forbid();
        }
    }

    private void AddErrors(SaveOutcome outcome)
    {
        foreach (var (field, message) in outcome.Errors)
        {
            ModelState.AddModelError(field, message);
        }
    }

    private static string StepDone(string step) => step switch
    {
        "gui-duyet" => "Đã gửi duyệt.",
        "tra-lai" => "Đã trả lại cho tác giả.",
        "len-lich" => "Đã lên lịch xuất bản.",
        "xuat-ban" => "Đã xuất bản.",
        "hen-go" => "Đã cập nhật lịch gỡ bài.",
        "go-bai" => "Đã gỡ bài.",
        "thung-rac" => "Đã chuyển vào thùng rác.",
        "khoi-phuc" => "Đã khôi phục thành bản nháp.",
        "xoa" => "Đã xóa vĩnh viễn.",
        _ => "Đã thực hiện.",
    };
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Data;
using NewsPortal.Web.Services.Admin;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>The photo library: upload (checked, stripped, resized by <see cref="MediaUploadService"/>) and browse.</summary>
[Authorize(Policy = Policies.Writers)]
public sealed class MediaLibraryController(NewsDbContext db, MediaUploadService uploads) : AdminController
{
    public const int PageSize = 48;

    [HttpGet("admin/thu-vien-anh")]
    public async Task<IActionResult> Index([FromQuery(Name = "trang"), Range(1, 100_000)] int page = 1, CancellationToken cancellationToken = default)
    {
        var total = await db.Media.CountAsync(cancellationToken);
        var items = await db.Media.AsNoTracking().OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new MediaRow(m.Id, m.FileName, m.AltText, m.Caption, m.Width, m.Height, m.Length, m.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        return View(new MediaLibraryViewModel(items, page, total, PageSize));
    }

    [HttpGet("admin/thu-vien-anh/tai-len")]
    public IActionResult Upload() => View(new MediaUploadInput());

    [HttpPost("admin/thu-vien-anh/tai-len")]
    [RequestSizeLimit(MediaUploadService.RequestLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MediaUploadService.RequestLimitBytes)]
    public async Task<IActionResult> Upload(MediaUploadInput input, IFormFile? file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Vui lòng chọn một tệp ảnh.");
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        await using var stream = file!.OpenReadStream();
        var outcome = await uploads.UploadAsync(stream, file.FileName, input.AltText, input.Caption, UserId, cancellationToken);
        if (outcome.Error is { } error)
        {
            ModelState.AddModelError("file", error);
            return View(input);
        }

        Flash($"Đã tải lên {outcome.FileName}. Chèn vào bài bằng: ![{input.AltText}]({outcome.FileName})");
        return RedirectToAction(nameof(Index));
    }
}

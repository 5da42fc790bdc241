using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Data;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>The audit log: read-only, for Administrators, filterable by action, person, text and date.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class AuditController(NewsDbContext db) : AdminController
{
    public const int PageSize = 50;

    [HttpGet("admin/nhat-ky")]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "hanhDong"), StringLength(64)] string? action,
        [FromQuery(Name = "nguoi"), StringLength(256)] string? user,
        [FromQuery(Name = "q"), StringLength(200)] string? text,
        [FromQuery(Name = "tuNgay")] DateOnly? from,
        [FromQuery(Name = "denNgay")] DateOnly? to,
        [FromQuery(Name = "trang"), Range(1, 100_000)] int page = 1,
        CancellationToken cancellationToken = default)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(a => a.Action.StartsWith(action));
        }

        if (!string.IsNullOrWhiteSpace(user))
        {
            query = query.Where(a => a.UserName.Contains(user));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            query = query.Where(a => a.Summary.Contains(text));
        }

        if (from is { } f)
        {
            var start = VietnamClock.ToUtc(f.ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.AtUtc >= start);
        }

        if (to is { } t)
        {
            var end = VietnamClock.ToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(a => a.AtUtc < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new AuditRow(a.AtUtc, a.UserName, a.Action, a.TargetType, a.TargetId, a.Summary))
            .ToListAsync(cancellationToken);
        var actions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return View(new AuditViewModel(action, user, text, from, to, page, total, PageSize, rows, actions));
    }
}

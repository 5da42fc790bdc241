using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Areas.Admin.Controllers;

public sealed class DashboardController(NewsDbContext db) : AdminController
{
    [HttpGet("admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var counts = await db.Articles.AsNoTracking()
            .GroupBy(a => a.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var pendingComments = await db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, cancellationToken);
        var mine = await db.Articles.AsNoTracking()
            .Where(a => a.AuthorId == UserId && a.Status != ArticleStatus.Trashed)
            .OrderByDescending(a => a.UpdatedAtUtc)
            .Take(10)
            .Select(a => new DashboardArticle(a.Id, a.Title, a.Status, a.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        return View(new DashboardViewModel(counts, pendingComments, mine));
    }
}

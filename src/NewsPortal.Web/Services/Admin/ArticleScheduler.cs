using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Options;

namespace NewsPortal.Web.Services.Admin;

/// <summary>
/// Publishes scheduled articles and takes down those due to be unpublished. Every due article
/// is changed through its own method and saved with its version checked, so when several
/// instances share the database exactly one of them wins each article (the others' saves
/// find a newer version and are dropped); the audit entry is written in the same save.
/// After downtime the first pass catches up, and the publish time is the scheduled instant.
/// </summary>
public sealed partial class ArticleScheduler(IServiceScopeFactory scopes, TimeProvider time, IOptions<SchedulingOptions> options, ILogger<ArticleScheduler> logger) : BackgroundService
{
    private const int Batch = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPassFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <returns>How many articles this instance published or took down.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var changed = 0;

        var due = await db.Articles.AsNoTracking()
            .Where(a => (a.Status == ArticleStatus.Scheduled && a.ScheduledAtUtc <= now) || (a.Status == ArticleStatus.Published && a.UnpublishAtUtc <= now))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (article is null)
            {
                continue;
            }

            var scheduledAt = article.ScheduledAtUtc;
            if (article.PublishIfDue(now))
            {
                db.AuditEntries.Add(new AuditEntry(now, null, AuditLog.System, AuditActions.ArticlePublished, "article", Key(id), $"Tự động xuất bản “{article.Title}” theo lịch ({scheduledAt:u})."));
            }
            else if (article.UnpublishIfDue(now))
            {
                db.AuditEntries.Add(new AuditEntry(now, null, AuditLog.System, AuditActions.ArticleUnpublished, "article", Key(id), $"Tự động gỡ “{article.Title}” theo lịch."));
            }
            else
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                changed++;
                LogChanged(logger, id, article.Status);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance (or an editor) changed it first: theirs stands.
            }
        }

        return changed;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Scheduler moved article {ArticleId} to {Status}")]
    private static partial void LogChanged(ILogger logger, int articleId, ArticleStatus status);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "A scheduler pass failed; the next pass retries")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Services;

/// <summary>
/// Counts article views in memory and adds them to the database in one batch every few seconds,
/// so reading an article never waits for a write.
/// </summary>
public sealed class ViewCounter
{
    private ConcurrentDictionary<string, int> _pending = new(StringComparer.Ordinal);

    /// <summary>One view of the article at <paramref name="slug"/> (counted for cached pages too, by the address).</summary>
    public void Count(string slug) => _pending.AddOrUpdate(slug, 1, static (_, n) => n + 1);

    internal IReadOnlyDictionary<string, int> TakePending() => Interlocked.Exchange(ref _pending, new ConcurrentDictionary<string, int>(StringComparer.Ordinal));
}

public sealed partial class ViewCountFlusher(ViewCounter counter, IServiceScopeFactory scopes, ILogger<ViewCountFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await FlushAsync(CancellationToken.None);
    }

    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        var pending = counter.TakePending();
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            // One transaction for the batch: one commit (one wait for the disk) rather than one per
            // article, which with thousands of articles read in ten seconds held SQLite's single
            // write lock for seconds and slowed every comment post meanwhile.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                foreach (var (slug, views) in pending)
                {
                    await db.Articles.Where(a => a.Slug == slug)
                        .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewCount, a => a.ViewCount + views), token);
                }

                await transaction.CommitAsync(token);
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // View counts are a popularity hint; losing one batch while the database is away is acceptable.
            LogFlushFailed(logger, ex, pending.Count);
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Could not store view counts for {Articles} articles")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int articles);
}

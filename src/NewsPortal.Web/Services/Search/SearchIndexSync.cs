using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Options;

namespace NewsPortal.Web.Services.Search;

/// <summary>
/// Keeps this node's <see cref="SearchIndex"/> in step with the database, whichever node made
/// the change: a pass reads the articles changed since the last one (by UpdatedAtUtc, with an
/// overlap for clock skew and slow commits) and re-indexes those whose version moved on. A pass
/// runs every <see cref="SearchOptions.SyncIntervalSeconds"/>, and at once after this node saves an
/// article. Every <see cref="SearchOptions.ReconcileMinutes"/> the whole index is compared with the
/// database, which catches deletions and anything a pass could not see.
/// </summary>
public sealed partial class SearchIndexSync(
    SearchIndex index,
    SearchIndexSignal signal,
    IServiceScopeFactory scopes,
    Infrastructure.Caching.OutputCachePageInvalidator pages,
    TimeProvider time,
    IOptions<SearchOptions> options,
    ILogger<SearchIndexSync> logger) : BackgroundService
{
    private const int BatchSize = 500;

    private DateTime _lastReconcileUtc = DateTime.UtcNow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = TimeSpan.FromSeconds(options.Value.SyncIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncOnceAsync(stoppingToken);
                index.MarkReady();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSyncFailed(exception);
            }

            try
            {
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass: a full build if the index is new or of an old schema, else the changes.</summary>
    public async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        index.LoadVersionsOnce();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        if (!index.IsComplete)
        {
            await RebuildAsync(db, cancellationToken);
            _lastReconcileUtc = DateTime.UtcNow;
            return;
        }

        await CatchUpAsync(db, cancellationToken);
        if (DateTime.UtcNow - _lastReconcileUtc >= TimeSpan.FromMinutes(options.Value.ReconcileMinutes))
        {
            await ReconcileAsync(db, cancellationToken);
            _lastReconcileUtc = DateTime.UtcNow;
        }
    }

    private async Task RebuildAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        // Everything changed after this instant is read again by the next pass.
        var watermark = await db.Articles.MaxAsync(a => (DateTime?)a.UpdatedAtUtc, cancellationToken);
        index.Clear();
        var lastId = 0;
        var count = 0;
        while (true)
        {
            var batch = await Load(db.Articles.Where(a => a.Status == ArticleStatus.Published && a.Id > lastId).OrderBy(a => a.Id).Take(BatchSize))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            index.Apply(batch.Select(ToIndexed).ToList(), [], null, complete: false, commit: false);
            lastId = batch[^1].Id;
            count += batch.Count;
        }

        index.Apply([], [], watermark, complete: true);
        index.Optimize();
        LogRebuilt(count, (DateTime.UtcNow - started).TotalSeconds);
    }

    private async Task CatchUpAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        // Newer than anything read so far, or changed in the last few minutes by the clock: a
        // change committed late, or stamped by a node whose clock is behind, is still recent.
        // (Not "the few minutes before the watermark": after a bulk import that stamped every
        // row alike, that window would hold every article on every pass.)
        var watermark = DateTime.SpecifyKind(index.Watermark ?? DateTime.MinValue, DateTimeKind.Utc);
        var recent = time.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(options.Value.SyncOverlapSeconds);
        var changes = await db.Articles.AsNoTracking()
            .Where(a => a.UpdatedAtUtc > watermark || a.UpdatedAtUtc >= recent)
            .Select(a => new ArticleState(a.Id, a.Version, a.Status, a.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        if (changes.Count == 0)
        {
            return;
        }

        await ApplyAsync(db, changes, changes.Max(c => c.UpdatedAtUtc), cancellationToken);
    }

    private async Task ReconcileAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var published = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published)
            .Select(a => new ArticleState(a.Id, a.Version, a.Status, a.UpdatedAtUtc))
            .ToListAsync(cancellationToken);
        var inDatabase = published.Select(p => p.Id).ToHashSet();
        var gone = index.IndexedVersions().Keys.Where(id => !inDatabase.Contains(id))
            .Select(id => new ArticleState(id, 0, ArticleStatus.Trashed, DateTime.MinValue));
        await ApplyAsync(db, [.. published, .. gone], null, cancellationToken);
    }

    /// <summary>Re-indexes the public articles among <paramref name="states"/> whose version moved on; drops the rest.</summary>
    private async Task ApplyAsync(NewsDbContext db, IReadOnlyList<ArticleState> states, DateTime? watermark, CancellationToken cancellationToken)
    {
        var changed = states.Any(s => s.Status == ArticleStatus.Published ? index.IndexedVersion(s.Id) != s.Version : index.IndexedVersion(s.Id) is not null);
        await ApplyChangesAsync(db, states, watermark, cancellationToken);
        if (changed)
        {
            // This node's cached results pages were computed from the old index (with one shared
            // cache store, every node's pass evicts them; harmless).
            await pages.EvictAsync([Infrastructure.Caching.PageTags.Search], cancellationToken);
        }
    }

    private async Task ApplyChangesAsync(NewsDbContext db, IReadOnlyList<ArticleState> states, DateTime? watermark, CancellationToken cancellationToken)
    {
        var deletes = states.Where(s => s.Status != ArticleStatus.Published && index.IndexedVersion(s.Id) is not null).Select(s => s.Id).ToList();
        var stale = states.Where(s => s.Status == ArticleStatus.Published && index.IndexedVersion(s.Id) != s.Version).Select(s => s.Id).ToList();
        if (stale.Count == 0)
        {
            index.Apply([], deletes, watermark, complete: false);
            return;
        }

        for (var offset = 0; offset < stale.Count; offset += BatchSize)
        {
            var ids = stale.Skip(offset).Take(BatchSize).ToList();
            var batch = await Load(db.Articles.Where(a => ids.Contains(a.Id))).ToListAsync(cancellationToken);
            // An article unpublished between the two reads is dropped, not indexed.
            var upserts = batch.Where(a => a.Status == ArticleStatus.Published).Select(ToIndexed).ToList();
            var removed = batch.Where(a => a.Status != ArticleStatus.Published).Select(a => a.Id)
                .Concat(ids.Except(batch.Select(a => a.Id)));
            var last = offset + BatchSize >= stale.Count;
            index.Apply(upserts, last ? [.. deletes, .. removed] : [.. removed], last ? watermark : null, complete: false);
        }
    }

    private static IQueryable<ArticleSource> Load(IQueryable<Article> articles) => articles.AsNoTracking().Select(a => new ArticleSource(
        a.Id,
        a.Version,
        a.Status,
        a.Title,
        a.Lead,
        a.BodyHtml,
        a.Byline,
        a.Tags.Select(t => t.Name).ToList(),
        a.SectionId,
        a.PublishedAtUtc));

    private static IndexedArticle ToIndexed(ArticleSource a) => new(
        a.Id,
        a.Version,
        a.Title,
        a.Lead,
        PlainText.FromHtml(a.BodyHtml),
        a.Byline,
        a.Tags,
        a.SectionId,
        a.PublishedAtUtc ?? DateTime.MinValue);

    private sealed record ArticleState(int Id, int Version, ArticleStatus Status, DateTime UpdatedAtUtc);

    private sealed record ArticleSource(int Id, int Version, ArticleStatus Status, string Title, string Lead, string BodyHtml, string? Byline, List<string> Tags, int SectionId, DateTime? PublishedAtUtc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index sync failed; retrying on the next pass")]
    private partial void LogSyncFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index rebuilt: {Count} articles in {Seconds:F1} s")]
    private partial void LogRebuilt(int count, double seconds);
}

using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Services.Glossary;

/// <summary>One glossary entry as the readers' side uses it.</summary>
public sealed record GlossaryEntry(string ShortForm, string Expansion);

/// <summary>
/// The glossary of abbreviations, read from the database and kept in memory. Every web node
/// re-reads it at most <see cref="MaxAge"/> after it was last read, and at once on the node where
/// it was changed (<see cref="Invalidate"/>), so search and article pages use the same list.
/// The age is measured on the app's <see cref="TimeProvider"/>.
/// </summary>
public sealed class AbbreviationGlossary(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>Changes on every reload whose content differs; part of cache keys of marked-up pages.</summary>
    public int Stamp => _snapshot?.Stamp ?? 0;

    public async Task<IReadOnlyList<GlossaryEntry>> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && Now - snapshot.ReadAtUtc < MaxAge)
        {
            return snapshot.Entries;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && Now - snapshot.ReadAtUtc < MaxAge)
            {
                return snapshot.Entries;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var entries = await db.Abbreviations.AsNoTracking()
                .OrderBy(a => a.ShortForm)
                .Select(a => new GlossaryEntry(a.ShortForm, a.Expansion))
                .ToListAsync(cancellationToken);
            var stamp = snapshot is not null && snapshot.Entries.SequenceEqual(entries)
                ? snapshot.Stamp
                : (snapshot?.Stamp ?? 0) + 1;
            _snapshot = new Snapshot(entries, Now, stamp);
            return entries;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the in-memory copy so the next read sees a change made on this node.</summary>
    public void Invalidate()
    {
        if (_snapshot is { } snapshot)
        {
            _snapshot = snapshot with { ReadAtUtc = DateTime.MinValue };
        }
    }

    public void Dispose() => _gate.Dispose();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private sealed record Snapshot(IReadOnlyList<GlossaryEntry> Entries, DateTime ReadAtUtc, int Stamp);
}

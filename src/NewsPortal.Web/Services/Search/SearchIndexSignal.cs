using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Services.Search;

/// <summary>Wakes <see cref="SearchIndexSync"/> early when this node has just saved an article.</summary>
public sealed class SearchIndexSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits for <see cref="Notify"/> or <paramref name="timeout"/>, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}

/// <summary>Notifies <see cref="SearchIndexSignal"/> after a save that touched an article.</summary>
public sealed class ArticleSaveInterceptor(SearchIndexSignal signal) : SaveChangesInterceptor
{
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Check(eventData);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Check(eventData);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> Pending = [];

    private static void Remember(DbContextEventData eventData)
    {
        // Articles, and the article–tag join (a shared-type entity), change what the index holds.
        if (eventData.Context is { } context
            && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && (e.Entity is Article || e.Metadata.HasSharedClrType)))
        {
            Pending.AddOrUpdate(context, context);
        }
    }

    private void Check(SaveChangesCompletedEventData eventData)
    {
        if (eventData.Context is { } context && Pending.Remove(context))
        {
            signal.Notify();
        }
    }
}

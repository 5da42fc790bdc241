using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Comments;
using NewsPortal.Web.Services.Glossary;
using StackExchange.Redis;

namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// Evicts cached pages by tag; with the Redis store, on every web node at once. It is called after
/// the change is committed, so a store that cannot be reached (Redis restarting, a network blip)
/// does not fail the request that saved: the tag is logged and evicted again in the background,
/// backing off, until the store takes it or every page cached before the change has expired.
/// While the Redis connection is known to be down no attempt is made in the request (each would
/// wait for Redis's timeout); after one failure the other tags of that pass go to the retry.
/// </summary>
public sealed partial class OutputCachePageInvalidator(IOutputCacheStore store, TimeProvider time, ILogger<OutputCachePageInvalidator> logger, IServiceProvider services) : ICachedPageInvalidator
{
    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();

    /// <summary>How long after an eviction it is repeated (see <see cref="EvictAsync"/>).</summary>
    public static readonly TimeSpan Repeat = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two retries of an eviction the store refused.</summary>
    public static readonly TimeSpan MaxRetryWait = TimeSpan.FromSeconds(30);

    public Task InvalidateArticleAsync(int articleId, CancellationToken cancellationToken) =>
        EvictOrRetryAsync([PageTags.Page(articleId)], cancellationToken);

    /// <summary>
    /// Evicts every article page now, and once more when every node has re-read the glossary:
    /// other nodes keep their copy up to <see cref="AbbreviationGlossary.MaxAge"/>, and with the
    /// shared (Redis) store a page one of them renders meanwhile would otherwise be served by all
    /// nodes, without the change, for the cache's hour. The second eviction also catches a page
    /// this node began before the change and stored after the first.
    /// </summary>
    public async Task InvalidateAllArticlesAsync(CancellationToken cancellationToken)
    {
        string[] tags = [PageTags.ArticlePages];
        await EvictOrRetryAsync(tags, cancellationToken);
        _ = Task.Run(async () =>
        {
            await Task.Delay(AbbreviationGlossary.MaxAge + Repeat, time, CancellationToken.None);
            await EvictOrRetryAsync(tags, CancellationToken.None);
        }, CancellationToken.None);
    }

    /// <summary>
    /// Evicts <paramref name="tags"/> now and once more a moment later: a request that read the old
    /// data just before the change can store its page just after the first eviction.
    /// </summary>
    public async Task EvictAsync(IEnumerable<string> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var list = tags.Distinct(StringComparer.Ordinal).ToList();
        await EvictOrRetryAsync(list, cancellationToken);
        _ = Task.Run(async () =>
        {
            await Task.Delay(Repeat, CancellationToken.None);
            await EvictOrRetryAsync(list, CancellationToken.None);
        }, CancellationToken.None);
    }

    /// <summary>Evicts each tag; those the store refused are retried in the background.</summary>
    private async Task EvictOrRetryAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var failed = await TryEvictAsync(tags, cancellationToken);
        if (failed.Count > 0)
        {
            if (_redis is { IsConnected: false })
            {
                LogEvictionDeferred(logger, string.Join(", ", failed));
            }

            _ = Task.Run(() => RetryAsync(failed), CancellationToken.None);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <returns>The tags that were not evicted.</returns>
    private async Task<List<string>> TryEvictAsync(IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        var away = _redis is { IsConnected: false };
        foreach (var tag in tags)
        {
            if (away || cancellationToken.IsCancellationRequested)
            {
                // The store is away, or the request is gone but its change is saved: its pages still go, later.
                failed.Add(tag);
                continue;
            }

            try
            {
                await store.EvictByTagAsync(tag, cancellationToken);
            }
            catch (ObjectDisposedException)
            {
                // The app is stopping.
            }
            catch (Exception exception) when (exception is not OperationCanceledException || cancellationToken.IsCancellationRequested)
            {
                if (exception is not OperationCanceledException)
                {
                    LogEvictionFailed(logger, tag, exception);
                    away = true;
                }

                failed.Add(tag);
            }
        }

        return failed;
    }

    private async Task RetryAsync(List<string> tags)
    {
        var wait = Repeat;
        var waited = TimeSpan.Zero;
        while (tags.Count > 0)
        {
            if (waited >= PublicPagePolicy.MaxAge)
            {
                // Every page cached before the change has expired by now.
                LogEvictionAbandoned(logger, string.Join(", ", tags));
                return;
            }

            await Task.Delay(wait, CancellationToken.None);
            waited += wait;
            wait = wait * 2 < MaxRetryWait ? wait * 2 : MaxRetryWait;
            tags = await TryEvictAsync(tags, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Could not evict cached pages tagged {Tag}; retrying in the background")]
    private static partial void LogEvictionFailed(ILogger logger, string tag, Exception exception);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Redis is not connected: cached pages tagged {Tags} are evicted when it is back")]
    private static partial void LogEvictionDeferred(ILogger logger, string tags);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "Gave up evicting cached pages tagged {Tags}: the cache store stayed unreachable until they expired")]
    private static partial void LogEvictionAbandoned(ILogger logger, string tags);
}

/// <summary>
/// After every save, evicts the cached pages that show what the save changed, whichever code made
/// the change (editor, scheduler, moderation, settings): see <see cref="PageTags"/>.
/// </summary>
public sealed class PageCacheEvictionInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<Change>> Pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return base.SavedChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EvictAsync(eventData.Context, cancellationToken);
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    private static void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changes = new List<Change>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Article article:
                    changes.Add(ArticleChange(entry, article));
                    break;
                case Comment comment:
                    var wasShown = entry.State != EntityState.Added && Equals(entry.OriginalValues[nameof(Comment.Status)], CommentStatus.Approved);
                    if (wasShown || comment.Status == CommentStatus.Approved)
                    {
                        changes.Add(new Change(Tags: [PageTags.Page(comment.ArticleId)]));
                    }

                    break;
                case SiteSettings:
                    changes.Add(new Change(Tags: [PageTags.ArticlePages]));
                    break;
                case Section:
                    changes.Add(new Change(Tags: [PageTags.Public]));
                    break;
                case Dictionary<string, object> when entry.Metadata.Name == "ArticleTags":
                    // Keys of new rows are known only after the save: keep the entry and read them then.
                    changes.Add(entry.State == EntityState.Added
                        ? new Change(Join: entry)
                        : new Change(ArticleId: (int)entry.Property("ArticlesId").CurrentValue!, TagId: (int)entry.Property("TagsId").CurrentValue!));
                    break;
            }
        }

        if (changes.Count > 0)
        {
            Pending.AddOrUpdate(context, changes);
        }
    }

    private static Change ArticleChange(EntityEntry entry, Article article)
    {
        object? Original(string name) => entry.State == EntityState.Added ? null : entry.OriginalValues[name];
        var wasPublic = Equals(Original(nameof(Article.Status)), ArticleStatus.Published);
        var isPublic = entry.State != EntityState.Deleted && article.Status == ArticleStatus.Published;
        if (!wasPublic && !isPublic)
        {
            // Drafts, reviews and schedules are on no public page.
            return new Change(Tags: []);
        }

        var listsChange = wasPublic != isPublic
            || !Equals(Original(nameof(Article.PublishedAtUtc)), article.PublishedAtUtc)
            || !Equals(Original(nameof(Article.SectionId)), article.SectionId)
            || !Equals(Original(nameof(Article.IsPinned)), article.IsPinned);
        var tags = new List<string> { PageTags.Shows(article.Slug), PageTags.Sitemap, PageTags.Search, PageTags.Feeds };
        if (Original(nameof(Article.Slug)) is string oldSlug)
        {
            tags.Add(PageTags.Shows(oldSlug));
        }

        var sections = new List<int> { article.SectionId };
        if (Original(nameof(Article.SectionId)) is int oldSection)
        {
            sections.Add(oldSection);
        }

        return new Change(Tags: tags, Article: article, ListsChange: listsChange, SectionIds: sections);
    }

    private async Task EvictAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !Pending.TryGetValue(context, out var changes))
        {
            return;
        }

        Pending.Remove(context);
        var tags = new HashSet<string>(StringComparer.Ordinal);
        var tagIds = new HashSet<int>();
        var sectionIds = new HashSet<int>();
        foreach (var change in changes)
        {
            tags.UnionWith(change.Tags ?? []);
            if (change.Article is { } article)
            {
                tags.Add(PageTags.Page(article.Id));
                if (change.ListsChange)
                {
                    tags.UnionWith([PageTags.Home, PageTags.Archive]);
                    sectionIds.UnionWith(change.SectionIds ?? []);
                    tagIds.UnionWith(await context.Set<Dictionary<string, object>>("ArticleTags").AsNoTracking()
                        .Where(j => (int)j["ArticlesId"] == article.Id).Select(j => (int)j["TagsId"]).ToListAsync(cancellationToken));
                }
            }

            var (joinArticle, joinTag) = change.Join is { } join
                ? ((int?)join.Property("ArticlesId").CurrentValue, (int?)join.Property("TagsId").CurrentValue)
                : (change.ArticleId, change.TagId);
            // A published article's tags changed: its page, and the pages of the tags it joined or left.
            if (joinTag is { } tagId && joinArticle is { } joined
                && await context.Set<Article>().AnyAsync(a => a.Id == joined && a.Status == ArticleStatus.Published, cancellationToken))
            {
                tagIds.Add(tagId);
                tags.UnionWith([PageTags.Page(joined), PageTags.Search]);
            }
        }

        if (sectionIds.Count > 0)
        {
            var slugs = await context.Set<Section>().AsNoTracking().Where(s => sectionIds.Contains(s.Id)).Select(s => s.Slug).ToListAsync(cancellationToken);
            tags.UnionWith(slugs.Select(PageTags.Section));
            tags.UnionWith(slugs.Select(PageTags.Related));
        }

        if (tagIds.Count > 0)
        {
            var slugs = await context.Set<Tag>().AsNoTracking().Where(t => tagIds.Contains(t.Id)).Select(t => t.Slug).ToListAsync(cancellationToken);
            tags.UnionWith(slugs.Select(PageTags.Tag));
            tags.UnionWith(slugs.Select(PageTags.RelatedByTag));
        }

        if (tags.Count > 0 && services.GetService<OutputCachePageInvalidator>() is { } invalidator)
        {
            await invalidator.EvictAsync(tags, cancellationToken);
        }
    }

    private sealed record Change(
        IReadOnlyList<string>? Tags = null,
        Article? Article = null,
        bool ListsChange = false,
        IReadOnlyList<int>? SectionIds = null,
        int? ArticleId = null,
        int? TagId = null,
        EntityEntry? Join = null);
}

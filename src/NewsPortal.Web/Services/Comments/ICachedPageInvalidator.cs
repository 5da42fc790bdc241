namespace NewsPortal.Web.Services.Comments;

/// <summary>
/// Drops the cached copies of public pages. There is no output cache yet (issue 6): the
/// registered implementation does nothing, and issue 6 replaces it with one that evicts them.
/// </summary>
public interface ICachedPageInvalidator
{
    /// <summary>
    /// One article's page (and whatever lists its comment count) changed. Every moderation
    /// action that changes what the public sees calls it with the article's id.
    /// </summary>
    Task InvalidateArticleAsync(int articleId, CancellationToken cancellationToken);

    /// <summary>
    /// Something every article page shows changed, so every cached article page is stale: the
    /// glossary of abbreviations (an entry added, changed or deleted changes the
    /// <c>&lt;abbr&gt;</c> marks of any article that uses it). Lists and feeds are not affected.
    /// </summary>
    Task InvalidateAllArticlesAsync(CancellationToken cancellationToken);
}

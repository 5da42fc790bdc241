namespace NewsPortal.Web.Services.Comments;

/// <summary>
/// Drops the cached copies of the public pages that show an article's comments. There is no
/// output cache yet (issue 6): the registered implementation does nothing, and issue 6 replaces
/// it with one that evicts the article page (and whatever lists its comment count).
/// Every moderation action that changes what the public sees calls it with the article's id.
/// </summary>
public interface ICachedPageInvalidator
{
    Task InvalidateArticleAsync(int articleId, CancellationToken cancellationToken);
}

/// <summary>Until issue 6 brings an output cache there is nothing to clear.</summary>
public sealed class NoCachedPageInvalidator : ICachedPageInvalidator
{
    public Task InvalidateArticleAsync(int articleId, CancellationToken cancellationToken) => Task.CompletedTask;
}

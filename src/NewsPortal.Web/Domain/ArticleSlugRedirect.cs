namespace NewsPortal.Web.Domain;

/// <summary>A slug an article had before; its old URL answers 301 to the current one.</summary>
public sealed class ArticleSlugRedirect
{
    private ArticleSlugRedirect()
    {
        Slug = string.Empty;
    }

    public ArticleSlugRedirect(int articleId, string slug, DateTime utcNow)
    {
        ArticleId = articleId;
        Slug = slug;
        CreatedAtUtc = utcNow;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public string Slug { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

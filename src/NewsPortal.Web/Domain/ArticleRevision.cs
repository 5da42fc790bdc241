namespace NewsPortal.Web.Domain;

/// <summary>
/// A snapshot of an article's editable content, taken on every save. Revisions are never
/// changed; restoring one saves its content again as a new revision.
/// </summary>
public sealed class ArticleRevision
{
    public const int NoteMaxLength = 200;
    public const int TagsMaxLength = 2_000;

    private ArticleRevision()
    {
        Title = string.Empty;
        Slug = string.Empty;
        Lead = string.Empty;
        BodyMarkdown = string.Empty;
        Tags = string.Empty;
        UserName = string.Empty;
    }

    public ArticleRevision(Article article, int number, string tags, string userName, string? note, DateTime utcNow)
        : this()
    {
        ArgumentNullException.ThrowIfNull(article);
        ArticleId = article.Id;
        Article = article;
        Number = number;
        Title = article.Title;
        Slug = article.Slug;
        Lead = article.Lead;
        BodyMarkdown = article.BodyMarkdown;
        Byline = article.Byline;
        Source = article.Source;
        MetaDescription = article.MetaDescription;
        SectionId = article.SectionId;
        FeaturedMediaId = article.FeaturedMediaId;
        FeaturedCaption = article.FeaturedCaption;
        FeaturedAlt = article.FeaturedAlt;
        Tags = tags;
        UserName = userName;
        Note = note is { Length: > NoteMaxLength } ? note[..NoteMaxLength] : note;
        CreatedAtUtc = utcNow;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public Article? Article { get; private set; }

    /// <summary>1, 2, 3… per article.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    public string Slug { get; private set; }

    public string Lead { get; private set; }

    public string BodyMarkdown { get; private set; }

    public string? Byline { get; private set; }

    public string? Source { get; private set; }

    public string? MetaDescription { get; private set; }

    public int SectionId { get; private set; }

    public int? FeaturedMediaId { get; private set; }

    public string? FeaturedCaption { get; private set; }

    public string? FeaturedAlt { get; private set; }

    /// <summary>Tag names, comma separated, as the editor typed them.</summary>
    public string Tags { get; private set; }

    public string UserName { get; private set; }

    /// <summary>Why it was saved: "Tự động lưu", "Khôi phục phiên bản 3", …</summary>
    public string? Note { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }
}

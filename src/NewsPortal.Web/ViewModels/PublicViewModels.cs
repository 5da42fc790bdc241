using NewsPortal.Web.Domain;

namespace NewsPortal.Web.ViewModels;

/// <summary>An article as listed on home and archive pages.</summary>
public sealed record ArticleCard(
    string Title,
    string Slug,
    string Lead,
    DateTime PublishedAtUtc,
    string SectionName,
    string SectionSlug,
    string? ImageFileName,
    string? ImageAlt)
{
    public string Url => "/bai-viet/" + Slug;

    public string? ImageUrl => ImageFileName is null ? null : Media.UrlFor(ImageFileName);

    /// <summary>The 480 px copy: what a card needs, a fraction of the photo's bytes.</summary>
    public string? ThumbnailUrl => ImageFileName is null ? null : Media.VariantUrlFor(ImageFileName, 480);

    public string? SrcSet => ImageFileName is null ? null : Media.SrcSetFor(ImageFileName);
}

public sealed record SectionLink(string Name, string Slug)
{
    public string Url => "/chuyen-muc/" + Slug;
}

public sealed record TagLink(string Name, string Slug)
{
    public string Url => "/the/" + Slug;
}

public sealed record SectionBlock(string Name, string Slug, IReadOnlyList<ArticleCard> Articles)
{
    public string Url => "/chuyen-muc/" + Slug;
}

public sealed record HomeViewModel(
    ArticleCard? LeadStory,
    IReadOnlyList<ArticleCard> Newest,
    IReadOnlyList<SectionBlock> Sections,
    IReadOnlyList<ArticleCard> MostRead);

public sealed record Photo(string FileName, string Alt, string? Caption, int Width, int Height)
{
    public string Url => Media.UrlFor(FileName);

    public string SrcSet => Media.SrcSetFor(FileName);
}

public sealed record CommentNode(
    int Id,
    string AuthorName,
    string? AuthorUrl,
    string Body,
    DateTime CreatedAtUtc,
    bool IsStaffReply,
    IReadOnlyList<CommentNode> Replies,
    int Depth = 1,
    bool IsPending = false);

public sealed record ArticlePageViewModel(
    int Id,
    string Title,
    string Slug,
    string Lead,
    string BodyHtml,
    string? Byline,
    string? Source,
    string? MetaDescription,
    DateTime PublishedAtUtc,
    DateTime UpdatedAtUtc,
    SectionLink Section,
    Photo? FeaturedPhoto,
    IReadOnlyList<TagLink> Tags,
    IReadOnlyList<ArticleCard> Related,
    IReadOnlyList<CommentNode> Comments,
    int CommentCount)
{
    public string Url => "/bai-viet/" + Slug;

    /// <summary>The featured photo for sharing (Open Graph, JSON-LD), even when the body shows it.</summary>
    public Photo? SharePhoto { get; init; }

    /// <summary>The later of the last edit and the publish time (a scheduled article goes public after its last edit).</summary>
    public DateTime LastModifiedUtc => UpdatedAtUtc > PublishedAtUtc ? UpdatedAtUtc : PublishedAtUtc;

    /// <summary>The lead HTML-encoded, with the first use of each glossary abbreviation marked (<see cref="Lead"/> encoded when not set).</summary>
    public string LeadHtml
    {
        get => _leadHtml ?? Services.Glossary.AbbreviationMarker.Encode(Lead);
        init => _leadHtml = value;
    }

    private readonly string? _leadHtml;

    /// <summary>Whether readers may comment now (article mode, close-after-days setting).</summary>
    public bool CommentsOpen { get; init; } = true;

    public int CommentThreadDepth { get; init; } = 5;

    public int CommentsPerPage { get; init; } = 50;

    /// <summary>The comment form and the page of threads shown; set by the comments controller.</summary>
    public CommentSectionViewModel? Discussion { get; init; }
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < TotalPages;
}

public enum ArchiveKind
{
    Section,
    Tag,
    Date,
}

public sealed record ArchiveViewModel(
    ArchiveKind Kind,
    string Heading,
    string? Description,
    string BasePath,
    PagedList<ArticleCard> Articles)
{
    /// <summary>The page's meta description (the visible description, or a sentence about the list).</summary>
    public string MetaDescription { get; init; } = string.Empty;

    /// <summary>The section's slug, for its own feed links; null on tag and date archives.</summary>
    public string? SectionSlug { get; init; }

    /// <summary>This page's own address: the base path, with <c>?trang=N</c> past the first page.</summary>
    public string CanonicalPath => Articles.Page > 1
        ? BasePath + "?trang=" + Articles.Page.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : BasePath;
}

/// <summary>One page of comment threads and the reader's form (values and messages kept after a refusal).</summary>
public sealed record CommentSectionViewModel(
    IReadOnlyList<CommentNode> Threads,
    int Page,
    int TotalPages,
    string FormToken,
    int? ReplyTo,
    CommentFormValues Values,
    IReadOnlyDictionary<string, string> Errors,
    string? Message);

public sealed record CommentFormValues(string? Body, string? Name, string? Email, string? Website)
{
    public static readonly CommentFormValues Empty = new(null, null, null, null);
}

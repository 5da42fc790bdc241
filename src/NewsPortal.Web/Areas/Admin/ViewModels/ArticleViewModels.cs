using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Areas.Admin.ViewModels;

/// <summary>What the article editor posts. Never bound to the entity directly.</summary>
public sealed record ArticleInput
{
    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(Article.TitleMaxLength, ErrorMessage = "Tiêu đề dài quá {1} ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; init; } = string.Empty;

    [StringLength(Article.SlugMaxLength, ErrorMessage = "Đường dẫn dài quá {1} ký tự.")]
    [Display(Name = "Đường dẫn (slug)")]
    public string? Slug { get; init; }

    [StringLength(Article.LeadMaxLength, ErrorMessage = "Sapo dài quá {1} ký tự.")]
    [Display(Name = "Sapo")]
    public string? Lead { get; init; }

    [StringLength(Article.BodyMaxLength, ErrorMessage = "Nội dung dài quá {1} ký tự.")]
    [Display(Name = "Nội dung (Markdown)")]
    public string? Body { get; init; }

    [Range(1, int.MaxValue, ErrorMessage = "Vui lòng chọn chuyên mục.")]
    [Display(Name = "Chuyên mục")]
    public int SectionId { get; init; }

    [StringLength(ArticleRevision.TagsMaxLength, ErrorMessage = "Danh sách thẻ quá dài.")]
    [Display(Name = "Thẻ (cách nhau bởi dấu phẩy)")]
    public string? Tags { get; init; }

    [StringLength(Article.BylineMaxLength, ErrorMessage = "Tác giả dài quá {1} ký tự.")]
    [Display(Name = "Tác giả (byline)")]
    public string? Byline { get; init; }

    [StringLength(Article.SourceMaxLength, ErrorMessage = "Nguồn dài quá {1} ký tự.")]
    [Display(Name = "Nguồn")]
    public string? Source { get; init; }

    [StringLength(Article.MetaDescriptionMaxLength, ErrorMessage = "Mô tả dài quá {1} ký tự.")]
    [Display(Name = "Mô tả (cho máy tìm kiếm)")]
    public string? MetaDescription { get; init; }

    [Display(Name = "Ảnh đại diện")]
    public int? FeaturedMediaId { get; init; }

    [StringLength(Article.CaptionMaxLength, ErrorMessage = "Chú thích dài quá {1} ký tự.")]
    [Display(Name = "Chú thích ảnh")]
    public string? FeaturedCaption { get; init; }

    [StringLength(Article.AltMaxLength, ErrorMessage = "Mô tả ảnh dài quá {1} ký tự.")]
    [Display(Name = "Mô tả ảnh (alt)")]
    public string? FeaturedAlt { get; init; }

    /// <summary>Whether readers may comment: as the site's settings say, always open, or closed. Not kept in revisions.</summary>
    [EnumDataType(typeof(CommentsMode), ErrorMessage = "Chọn một cách cho phép bình luận.")]
    [Display(Name = "Bình luận")]
    public CommentsMode CommentsMode { get; init; }

    /// <summary>The version the editor started from; a save from an older one is a conflict.</summary>
    public int Version { get; init; }
}

public sealed record TransitionInput
{
    [StringLength(Article.ReviewNotesMaxLength, ErrorMessage = "Ghi chú dài quá {1} ký tự.")]
    public string? Notes { get; init; }

    /// <summary>Vietnam local time, from a datetime-local input.</summary>
    public DateTime? At { get; init; }
}

public sealed record SectionOption(int Id, string Name);

public sealed record MediaOption(int Id, string FileName, string? AltText, string? Caption);

public sealed record ArticleEditorViewModel(
    int? Id,
    ArticleInput Input,
    ArticleStatus Status,
    string? PublicUrl,
    DateTime? ScheduledAtUtc,
    DateTime? UnpublishAtUtc,
    DateTime? PublishedAtUtc,
    string? ReviewNotes,
    IReadOnlyList<SectionOption> Sections,
    IReadOnlyList<MediaOption> Media,
    bool CanPublish,
    bool CanEdit,
    bool IsOwn,
    IReadOnlyList<string> Notices);

public sealed record ArticleConflictViewModel(int Id, ArticleInput Mine, ArticleInput Theirs, string TheirUser, DateTime TheirSavedAtUtc, IReadOnlyList<DiffPiece> TitleDiff, IReadOnlyList<DiffPiece> LeadDiff, IReadOnlyList<DiffPiece> BodyDiff, IReadOnlyList<SectionOption> Sections, IReadOnlyList<MediaOption> Media);

public sealed record ArticleRow(int Id, string Title, string Slug, ArticleStatus Status, string SectionName, string? AuthorName, DateTime UpdatedAtUtc, DateTime? PublishedAtUtc, DateTime? ScheduledAtUtc);

public sealed record ArticleListFilter(ArticleStatus? Status, int? SectionId, string? AuthorId, string? Text, int Page);

public sealed record ArticleListViewModel(
    ArticleListFilter Filter,
    IReadOnlyList<ArticleRow> Rows,
    int Total,
    int PageSize,
    IReadOnlyDictionary<ArticleStatus, int> Counts,
    IReadOnlyList<SectionOption> Sections,
    IReadOnlyList<(string Id, string Name)> Authors)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record RevisionRow(int Number, DateTime CreatedAtUtc, string UserName, string? Note, string Title);

public sealed record RevisionListViewModel(int ArticleId, string Title, IReadOnlyList<RevisionRow> Revisions);

/// <summary>One piece of a word diff: unchanged, inserted or deleted text.</summary>
public sealed record DiffPiece(string Text, DiffKind Kind);

public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

public sealed record RevisionDiffViewModel(int ArticleId, string Title, RevisionRow From, RevisionRow To, IReadOnlyList<(string Field, IReadOnlyList<DiffPiece> Pieces)> Fields);

namespace NewsPortal.Web.Domain;

public sealed class Article : IVersioned
{
    public const int TitleMaxLength = 300;
    public const int SlugMaxLength = 200;
    public const int LeadMaxLength = 2_000;
    public const int BodyMaxLength = 200_000;
    public const int BylineMaxLength = 200;
    public const int SourceMaxLength = 200;
    public const int CaptionMaxLength = 500;
    public const int AltMaxLength = 300;
    public const int MetaDescriptionMaxLength = 320;
    public const int ReviewNotesMaxLength = 2_000;

    private Article()
    {
        Title = string.Empty;
        Slug = string.Empty;
        Lead = string.Empty;
        BodyMarkdown = string.Empty;
        BodyHtml = string.Empty;
    }

    public Article(string title, string slug, int sectionId, DateTime utcNow, string? authorId = null)
        : this()
    {
        Rename(title, slug);
        SectionId = sectionId;
        AuthorId = authorId;
        Status = ArticleStatus.Draft;
        CreatedAtUtc = utcNow;
        UpdatedAtUtc = utcNow;
    }

    public int Id { get; private set; }

    public string Title { get; private set; }

    public string Slug { get; private set; }

    /// <summary>The sapo: a plain-text paragraph shown under the title.</summary>
    public string Lead { get; private set; }

    public string BodyMarkdown { get; private set; }

    /// <summary>The body rendered by the article pipeline and sanitized when saved.</summary>
    public string BodyHtml { get; private set; }

    public int SectionId { get; private set; }

    public Section? Section { get; private set; }

    public string? Byline { get; private set; }

    public string? Source { get; private set; }

    public string? MetaDescription { get; private set; }

    public int? FeaturedMediaId { get; private set; }

    public Media? FeaturedMedia { get; private set; }

    public string? FeaturedCaption { get; private set; }

    public string? FeaturedAlt { get; private set; }

    public ArticleStatus Status { get; private set; }

    /// <summary>The account that created the article; Authors may change only their own.</summary>
    public string? AuthorId { get; private set; }

    /// <summary>When a scheduled article goes public, in UTC.</summary>
    public DateTime? ScheduledAtUtc { get; private set; }

    /// <summary>When a published article is taken down by the scheduler, in UTC.</summary>
    public DateTime? UnpublishAtUtc { get; private set; }

    /// <summary>The reviewer's latest notes to the author (each one is also in the audit log).</summary>
    public string? ReviewNotes { get; private set; }

    /// <summary>When the article went (or goes) public, in UTC.</summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public long ViewCount { get; private set; }

    /// <summary>Open or close this article's comments whatever the site setting says.</summary>
    public CommentsMode CommentsMode { get; private set; }

    /// <summary>Pinned as the home page's lead story (WordPress's "sticky post").</summary>
    public bool IsPinned { get; private set; }

    public int Version { get; private set; }

    public ICollection<Tag> Tags { get; } = [];

    public ICollection<Comment> Comments { get; } = [];

    public bool IsPublic(DateTime utcNow) =>
        Status == ArticleStatus.Published && PublishedAtUtc is { } at && at <= utcNow;

    public void Rename(string title, string slug)
    {
        Title = Section.Require(title, TitleMaxLength, "Tiêu đề");
        Slug = Section.Require(slug, SlugMaxLength, "Đường dẫn");
    }

    /// <param name="bodyHtml">The output of the article rendering pipeline for <paramref name="bodyMarkdown"/>.</param>
    public void SetContent(string lead, string bodyMarkdown, string bodyHtml, string? byline, string? source, string? metaDescription, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(bodyMarkdown);
        ArgumentNullException.ThrowIfNull(bodyHtml);
        Lead = Optional(lead, LeadMaxLength, "Sapo") ?? string.Empty;
        if (bodyMarkdown.Length > BodyMaxLength)
        {
            throw new DomainException($"Nội dung dài quá {BodyMaxLength:N0} ký tự.");
        }

        BodyMarkdown = bodyMarkdown;
        BodyHtml = bodyHtml;
        Byline = Optional(byline, BylineMaxLength, "Tác giả");
        Source = Optional(source, SourceMaxLength, "Nguồn");
        MetaDescription = Optional(metaDescription, MetaDescriptionMaxLength, "Mô tả");
        UpdatedAtUtc = utcNow;
    }

    public void SetFeaturedPhoto(Media? media, string? caption, string? alt)
    {
        if (media is not null && string.IsNullOrWhiteSpace(alt))
        {
            throw new DomainException("Ảnh đại diện phải có mô tả thay thế (alt).");
        }

        FeaturedMedia = media;
        FeaturedMediaId = media?.Id;
        FeaturedCaption = media is null ? null : Optional(caption, CaptionMaxLength, "Chú thích ảnh");
        FeaturedAlt = media is null ? null : Optional(alt, AltMaxLength, "Mô tả ảnh");
    }

    public void SetSection(int sectionId) => SectionId = sectionId;

    public void SetCommentsMode(CommentsMode mode, DateTime utcNow)
    {
        CommentsMode = mode;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>Whether readers may comment now, by this article's mode or the site's closing rule.</summary>
    public static bool CommentsOpen(CommentsMode mode, DateTime? publishedAtUtc, int closeAfterDays, DateTime utcNow) => mode switch
    {
        CommentsMode.Open => true,
        CommentsMode.Closed => false,
        _ => closeAfterDays <= 0 || (publishedAtUtc is { } at && at.AddDays(closeAfterDays) > utcNow),
    };

    public void Pin(bool pinned, DateTime utcNow)
    {
        IsPinned = pinned;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>Draft or unpublished → pending review, by the author.</summary>
    public void SubmitForReview(DateTime utcNow)
    {
        Require(ArticleStatus.Draft, ArticleStatus.Unpublished);
        Status = ArticleStatus.PendingReview;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>Pending review → draft, with the reviewer's notes for the author.</summary>
    public void ReturnToDraft(string? notes, DateTime utcNow)
    {
        Require(ArticleStatus.PendingReview, ArticleStatus.Scheduled);
        ReviewNotes = Optional(notes, ReviewNotesMaxLength, "Ghi chú duyệt");
        Status = ArticleStatus.Draft;
        ScheduledAtUtc = null;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>Publishes at <paramref name="publishAtUtc"/>, which must be in the future.</summary>
    public void Schedule(DateTime publishAtUtc, DateTime utcNow)
    {
        Require(ArticleStatus.Draft, ArticleStatus.PendingReview, ArticleStatus.Unpublished, ArticleStatus.Scheduled);
        RequireContent();
        if (publishAtUtc <= utcNow)
        {
            throw new DomainException("Thời điểm lên lịch phải ở tương lai.");
        }

        if (UnpublishAtUtc is { } down && down <= publishAtUtc)
        {
            throw new DomainException("Thời điểm gỡ bài phải sau thời điểm xuất bản.");
        }

        Status = ArticleStatus.Scheduled;
        ScheduledAtUtc = publishAtUtc;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>
    /// Makes the article public now. <paramref name="publishedAtUtc"/> keeps an earlier instant
    /// (imports, seeding); an article published before keeps its first publish time.
    /// </summary>
    public void Publish(DateTime utcNow, DateTime? publishedAtUtc = null)
    {
        if (Status is ArticleStatus.Published)
        {
            throw new DomainException("Bài viết đã được xuất bản.");
        }

        if (Status is ArticleStatus.Trashed)
        {
            throw new DomainException("Bài viết đang ở thùng rác; hãy khôi phục trước khi xuất bản.");
        }

        RequireContent();
        Status = ArticleStatus.Published;
        PublishedAtUtc = publishedAtUtc ?? PublishedAtUtc ?? utcNow;
        ScheduledAtUtc = null;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>
    /// The scheduler's step: a scheduled article whose time has come is published with the
    /// scheduled instant as its publish time, however late the scheduler runs.
    /// </summary>
    public bool PublishIfDue(DateTime utcNow)
    {
        if (Status is not ArticleStatus.Scheduled || ScheduledAtUtc is not { } at || at > utcNow)
        {
            return false;
        }

        Status = ArticleStatus.Published;
        PublishedAtUtc = at;
        ScheduledAtUtc = null;
        UpdatedAtUtc = utcNow;
        return true;
    }

    /// <summary>Takes the article down at <paramref name="unpublishAtUtc"/>; null cancels.</summary>
    public void ScheduleUnpublish(DateTime? unpublishAtUtc, DateTime utcNow)
    {
        if (unpublishAtUtc is { } at)
        {
            Require(ArticleStatus.Published, ArticleStatus.Scheduled, ArticleStatus.Draft, ArticleStatus.PendingReview, ArticleStatus.Unpublished);
            if (at <= utcNow)
            {
                throw new DomainException("Thời điểm gỡ bài phải ở tương lai.");
            }

            if (ScheduledAtUtc is { } publishAt && at <= publishAt)
            {
                throw new DomainException("Thời điểm gỡ bài phải sau thời điểm xuất bản.");
            }
        }

        UnpublishAtUtc = unpublishAtUtc;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>The scheduler's step for a scheduled take-down.</summary>
    public bool UnpublishIfDue(DateTime utcNow)
    {
        if (Status is not ArticleStatus.Published || UnpublishAtUtc is not { } at || at > utcNow)
        {
            return false;
        }

        Status = ArticleStatus.Unpublished;
        UnpublishAtUtc = null;
        UpdatedAtUtc = utcNow;
        return true;
    }

    public void Unpublish(DateTime utcNow)
    {
        if (Status is not ArticleStatus.Published)
        {
            throw new DomainException("Chỉ gỡ được bài viết đang xuất bản.");
        }

        Status = ArticleStatus.Unpublished;
        UnpublishAtUtc = null;
        UpdatedAtUtc = utcNow;
    }

    public void Trash(DateTime utcNow)
    {
        if (Status is ArticleStatus.Trashed)
        {
            throw new DomainException("Bài viết đã ở thùng rác.");
        }

        Status = ArticleStatus.Trashed;
        ScheduledAtUtc = null;
        UnpublishAtUtc = null;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>Trash → draft: a restored article is reviewed again before it goes public.</summary>
    public void Restore(DateTime utcNow)
    {
        Require(ArticleStatus.Trashed);
        Status = ArticleStatus.Draft;
        UpdatedAtUtc = utcNow;
    }

    /// <summary>Only an article in the trash may be deleted for good.</summary>
    public void EnsureDeletable() => Require(ArticleStatus.Trashed);

    private void RequireContent()
    {
        if (string.IsNullOrWhiteSpace(BodyHtml) && string.IsNullOrWhiteSpace(Lead))
        {
            throw new DomainException("Không thể xuất bản bài viết chưa có nội dung.");
        }
    }

    private void Require(params ArticleStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException($"Không thể thực hiện thao tác này khi bài viết đang ở trạng thái “{StatusNames.Of(Status)}”.");
        }
    }

    private static string? Optional(string? value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException($"{label} dài quá {maxLength} ký tự.");
    }
}

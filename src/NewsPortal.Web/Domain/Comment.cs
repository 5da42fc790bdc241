namespace NewsPortal.Web.Domain;

/// <summary>
/// A reader's comment. <see cref="AuthorEmail"/> and <see cref="IpAddress"/> are personal data:
/// they are stored for moderation and never shown on a public page, in a feed or in a log.
/// </summary>
public sealed class Comment : IVersioned
{
    public const int BodyMaxLength = 5_000;
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int UrlMaxLength = 300;
    public const int IpMaxLength = 45;

    private Comment()
    {
        AuthorName = string.Empty;
        AuthorEmail = string.Empty;
        Body = string.Empty;
    }

    public Comment(int articleId, int? parentId, string authorName, string authorEmail, string? authorUrl, string body, string? ipAddress, DateTime utcNow, int depth = 1)
        : this()
    {
        ArticleId = articleId;
        ParentId = parentId;
        Depth = Math.Max(1, depth);
        AuthorName = Section.Require(authorName, NameMaxLength, "Tên");
        // Stored lower-case so that export, erasure, bans and flood checks find every comment of an address.
        AuthorEmail = Section.Require(authorEmail, EmailMaxLength, "Email").ToLowerInvariant();
        AuthorUrl = string.IsNullOrWhiteSpace(authorUrl) ? null : Section.Require(authorUrl, UrlMaxLength, "Trang web");
        Body = Section.Require(body, BodyMaxLength, "Bình luận");
        IpAddress = ipAddress is { Length: > IpMaxLength } ? ipAddress[..IpMaxLength] : ipAddress;
        Status = CommentStatus.Pending;
        CreatedAtUtc = utcNow;
    }

    public int Id { get; private set; }

    public int ArticleId { get; private set; }

    public Article? Article { get; private set; }

    public int? ParentId { get; private set; }

    /// <summary>1 for a comment on the article, 2 for a reply to it, and so on.</summary>
    public int Depth { get; private set; }

    public string AuthorName { get; private set; }

    public string AuthorEmail { get; private set; }

    public string? AuthorUrl { get; private set; }

    /// <summary>Plain text as the reader wrote it; rendered as text, never as HTML.</summary>
    public string Body { get; private set; }

    public string? IpAddress { get; private set; }

    public CommentStatus Status { get; private set; }

    /// <summary>Written by the editorial office rather than a reader.</summary>
    public bool IsStaffReply { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ModeratedAtUtc { get; private set; }

    public int Version { get; private set; }

    /// <summary>Who on the staff wrote it, for replies from the editorial office.</summary>
    public string? StaffUserId { get; private set; }

    public DateTime? EditedAtUtc { get; private set; }

    /// <summary>A reply from the editorial office: public at once, marked as such.</summary>
    public static Comment StaffReply(int articleId, int? parentId, int depth, string displayName, string staffEmail, string staffUserId, string body, DateTime utcNow)
    {
        var reply = new Comment(articleId, parentId, displayName, staffEmail, null, body, null, utcNow, depth)
        {
            IsStaffReply = true,
            StaffUserId = staffUserId,
            Status = CommentStatus.Approved,
            ModeratedAtUtc = utcNow,
        };
        return reply;
    }

    public void Approve(DateTime utcNow) => MoveTo(CommentStatus.Approved, utcNow, "Bình luận đã được duyệt.");

    /// <summary>Approved → pending: off the public page again.</summary>
    public void Unapprove(DateTime utcNow)
    {
        if (Status != CommentStatus.Approved)
        {
            throw new DomainException("Chỉ bỏ duyệt được bình luận đã duyệt.");
        }

        MoveTo(CommentStatus.Pending, utcNow, string.Empty);
    }

    public void MarkSpam(DateTime utcNow) => MoveTo(CommentStatus.Spam, utcNow, "Bình luận đã ở mục spam.");

    /// <summary>Spam → pending, for a moderator to look at again.</summary>
    public void NotSpam(DateTime utcNow)
    {
        if (Status != CommentStatus.Spam)
        {
            throw new DomainException("Bình luận này không ở mục spam.");
        }

        MoveTo(CommentStatus.Pending, utcNow, string.Empty);
    }

    public void Trash(DateTime utcNow) => MoveTo(CommentStatus.Trash, utcNow, "Bình luận đã ở thùng rác.");

    /// <summary>Trash → pending.</summary>
    public void Restore(DateTime utcNow)
    {
        if (Status != CommentStatus.Trash)
        {
            throw new DomainException("Chỉ khôi phục được bình luận trong thùng rác.");
        }

        MoveTo(CommentStatus.Pending, utcNow, string.Empty);
    }

    /// <summary>Only a comment in the spam or trash tab may be deleted for good.</summary>
    public void EnsureDeletable()
    {
        if (Status is not (CommentStatus.Spam or CommentStatus.Trash))
        {
            throw new DomainException("Chỉ xóa vĩnh viễn được bình luận trong mục spam hoặc thùng rác.");
        }
    }

    public void Edit(string authorName, string? authorUrl, string body, DateTime utcNow)
    {
        AuthorName = Section.Require(authorName, NameMaxLength, "Tên");
        AuthorUrl = string.IsNullOrWhiteSpace(authorUrl) ? null : Section.Require(authorUrl, UrlMaxLength, "Trang web");
        Body = Section.Require(body, BodyMaxLength, "Bình luận");
        EditedAtUtc = utcNow;
    }

    /// <summary>Decree 13/2023: the commenter's personal data goes; the text stays, unsigned.</summary>
    public void Anonymize(DateTime utcNow)
    {
        AuthorName = "Bạn đọc";
        AuthorEmail = "da-xoa@an-danh.invalid";
        AuthorUrl = null;
        IpAddress = null;
        EditedAtUtc = utcNow;
    }

    private void MoveTo(CommentStatus status, DateTime utcNow, string alreadyMessage)
    {
        if (Status == status)
        {
            throw new DomainException(alreadyMessage);
        }

        Status = status;
        ModeratedAtUtc = utcNow;
    }
}

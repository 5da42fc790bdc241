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

    public Comment(int articleId, int? parentId, string authorName, string authorEmail, string? authorUrl, string body, string? ipAddress, DateTime utcNow)
        : this()
    {
        ArticleId = articleId;
        ParentId = parentId;
        AuthorName = Section.Require(authorName, NameMaxLength, "Tên");
        AuthorEmail = Section.Require(authorEmail, EmailMaxLength, "Email");
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

    public void Approve(DateTime utcNow)
    {
        if (Status == CommentStatus.Approved)
        {
            throw new DomainException("Bình luận đã được duyệt.");
        }

        Status = CommentStatus.Approved;
        ModeratedAtUtc = utcNow;
    }
}

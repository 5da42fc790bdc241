namespace NewsPortal.Web.Domain;

/// <summary>One step in a comment's history: who moved it where, when, and why.</summary>
public sealed class CommentModeration
{
    public const int ActionMaxLength = 32;
    public const int ReasonMaxLength = 500;

    private CommentModeration()
    {
        Action = string.Empty;
        UserName = string.Empty;
    }

    public CommentModeration(int commentId, string action, CommentStatus from, CommentStatus to, string? userId, string userName, string? reason, DateTime utcNow)
    {
        CommentId = commentId;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        UserId = userId;
        UserName = userName;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() is { Length: > ReasonMaxLength } r ? r[..ReasonMaxLength] : reason.Trim();
        AtUtc = utcNow;
    }

    public long Id { get; private set; }

    public int CommentId { get; private set; }

    /// <summary>approve, unapprove, spam, notspam, trash, restore, edit, reply, rule.</summary>
    public string Action { get; private set; }

    public CommentStatus FromStatus { get; private set; }

    public CommentStatus ToStatus { get; private set; }

    public string? UserId { get; private set; }

    public string UserName { get; private set; }

    public string? Reason { get; private set; }

    public DateTime AtUtc { get; private set; }
}

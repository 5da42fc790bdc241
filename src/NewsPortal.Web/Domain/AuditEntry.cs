namespace NewsPortal.Web.Domain;

/// <summary>
/// Who did what and when. Written once and never changed or deleted: the DbContext refuses
/// updates and deletes of audit entries.
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 64;
    public const int UserNameMaxLength = 256;
    public const int TargetMaxLength = 64;
    public const int SummaryMaxLength = 1_000;

    private AuditEntry()
    {
        Action = string.Empty;
        UserName = string.Empty;
        Summary = string.Empty;
    }

    public AuditEntry(DateTime utcNow, string? userId, string userName, string action, string? targetType, string? targetId, string summary)
    {
        AtUtc = utcNow;
        UserId = userId;
        UserName = Cut(userName, UserNameMaxLength);
        Action = Cut(action, ActionMaxLength);
        TargetType = targetType;
        TargetId = targetId;
        Summary = Cut(summary, SummaryMaxLength);
    }

    public long Id { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? UserId { get; private set; }

    /// <summary>The account's name at the time, kept even if the account is renamed or removed.</summary>
    public string UserName { get; private set; }

    /// <summary>A stable code, e.g. <c>article.publish</c>, <c>signin.failure</c>.</summary>
    public string Action { get; private set; }

    public string? TargetType { get; private set; }

    public string? TargetId { get; private set; }

    /// <summary>What happened, in Vietnamese.</summary>
    public string Summary { get; private set; }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}

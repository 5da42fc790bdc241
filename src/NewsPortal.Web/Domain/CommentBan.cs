namespace NewsPortal.Web.Domain;

public enum CommentBanKind
{
    Email = 0,
    IpRange = 1,
}

/// <summary>A banned commenter's email address or address range (CIDR), until it expires.</summary>
public sealed class CommentBan
{
    public const int ValueMaxLength = 254;
    public const int ReasonMaxLength = 500;

    private CommentBan()
    {
        Value = string.Empty;
        CreatedBy = string.Empty;
    }

    public CommentBan(CommentBanKind kind, string value, DateTime? expiresAtUtc, string? reason, string createdBy, DateTime utcNow)
    {
        Kind = kind;
        Value = Section.Require(value, ValueMaxLength, "Giá trị chặn").ToLowerInvariant();
        ExpiresAtUtc = expiresAtUtc;
        Reason = reason;
        CreatedBy = createdBy;
        CreatedAtUtc = utcNow;
    }

    public int Id { get; private set; }

    public CommentBanKind Kind { get; private set; }

    /// <summary>An email address, or an address range such as <c>203.0.113.0/24</c>.</summary>
    public string Value { get; private set; }

    public DateTime? ExpiresAtUtc { get; private set; }

    public string? Reason { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public bool IsActive(DateTime utcNow) => ExpiresAtUtc is not { } at || at > utcNow;
}

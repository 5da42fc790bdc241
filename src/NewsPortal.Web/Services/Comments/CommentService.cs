using System.Data;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.ViewModels;

namespace NewsPortal.Web.Services.Comments;

/// <summary>What a reader sends from the comment form (strings already NFC from the model binder).</summary>
public sealed class CommentInput
{
    public string? Body { get; set; }

    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Website { get; set; }

    public int? ParentId { get; set; }

    public string? FormToken { get; set; }

    /// <summary>The honeypot: hidden from people, filled by robots.</summary>
    public string? Phone { get; set; }

    public CommentFormValues Values => new(Body, Name, Email, Website);
}

public enum CommentOutcomeKind
{
    Accepted,
    NotFound,
    Invalid,
    Forbidden,
    TooMany,
}

public sealed record CommentOutcome(CommentOutcomeKind Kind, int CommentId = 0, string? Message = null, IReadOnlyDictionary<string, string>? Errors = null, int RetryAfterSeconds = 0)
{
    public static CommentOutcome Refused(string message) => new(CommentOutcomeKind.Invalid, Message: message);

    /// <summary>For an accepted post: the status the comment was stored with.</summary>
    public CommentStatus StoredAs { get; init; }
}

/// <summary>Takes a reader's comment through the form token, the honeypot, validation, bans, flood and duplicate checks and the site's rules.</summary>
public sealed partial class CommentService(NewsDbContext db, TimeProvider time, CommentTokens tokens, SqliteCommentWriter sqliteWriter, ILogger<CommentService> logger)
{
    public const string SystemUserName = "Hệ thống";
    public const string ClosedMessage = "Bình luận đã đóng.";
    public const string DuplicateMessage = "Bạn đã gửi bình luận này rồi.";
    public const string BannedMessage = "Bạn không được phép gửi bình luận trên trang này.";
    public const string TooFastMessage = "Bạn gửi bình luận quá nhanh. Vui lòng đợi vài giây rồi gửi lại.";
    public const string ExpiredMessage = "Biểu mẫu bình luận đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang rồi gửi lại.";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public string IssueFormToken(int articleId) => tokens.IssueForm(articleId);

    public string IssuePendingToken(int commentId) => tokens.IssuePending(commentId);

    public bool IsPendingTokenFor(string? token, int commentId) => tokens.IsPendingTokenFor(token, commentId);

    public async Task<CommentOutcome> PostAsync(string slug, CommentInput input, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = Now;
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now)
            .Select(a => new { a.Id, a.CommentsMode, a.PublishedAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return new CommentOutcome(CommentOutcomeKind.NotFound);
        }

        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new SiteSettings();
        if (!Article.CommentsOpen(article.CommentsMode, article.PublishedAtUtc, settings.CommentsCloseAfterDays, now))
        {
            return new CommentOutcome(CommentOutcomeKind.Forbidden, Message: ClosedMessage);
        }

        if (tokens.ReadForm(input.FormToken, article.Id) is not { } renderedAt)
        {
            return CommentOutcome.Refused(ExpiredMessage);
        }

        if (time.GetUtcNow() - renderedAt < TimeSpan.FromSeconds(settings.CommentMinFillSeconds))
        {
            return CommentOutcome.Refused(TooFastMessage);
        }

        var errors = Validate(input);
        var depth = 1;
        if (input.ParentId is { } parentId)
        {
            var parent = await db.Comments.AsNoTracking()
                .Where(c => c.Id == parentId && c.ArticleId == article.Id && c.Status == CommentStatus.Approved)
                .Select(c => new { c.Depth })
                .SingleOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                errors["Body"] = "Bình luận bạn muốn trả lời không còn trên trang.";
            }
            else if (parent.Depth >= settings.CommentThreadDepth)
            {
                errors["Body"] = "Không thể trả lời sâu hơn nữa trong chuỗi bình luận này.";
            }
            else
            {
                depth = parent.Depth + 1;
            }
        }

        if (errors.Count > 0)
        {
            return new CommentOutcome(CommentOutcomeKind.Invalid, Errors: errors);
        }

        var body = input.Body!.Trim();
        var name = input.Name!.Trim();
        var email = input.Email!.Trim().ToLowerInvariant();
        var website = string.IsNullOrWhiteSpace(input.Website) ? null : input.Website.Trim();
        var ip = Normalize(clientAddress);
        var ipText = ip?.ToString();

        Comment NewComment() => new(article.Id, input.ParentId, name, email, website, body, ipText, now, depth);

        // A robot filled the hidden field: kept as spam, answered as if accepted.
        if (!string.IsNullOrEmpty(input.Phone))
        {
            var trapped = NewComment();
            trapped.MarkSpam(now);
            return Logged(await SaveAsync(db, trapped, CommentStatus.Spam, "Ô bẫy (honeypot) đã được điền.", cancellationToken), article.Id);
        }

        if (await IsBannedAsync(email, ip, now, cancellationToken))
        {
            return new CommentOutcome(CommentOutcomeKind.Forbidden, Message: BannedMessage);
        }

        // The duplicate and flood checks and the insert are one transaction that excludes other posts
        // by this reader, so two posts at the same instant (two tabs, a robot, two web nodes) cannot
        // both pass them.
        return Logged(await AtomicallyAsync(email, ipText, async (store, token) =>
        {
            if (await store.Comments.AnyAsync(c => c.ArticleId == article.Id && c.AuthorEmail == email && c.Body == body, token))
            {
                return CommentOutcome.Refused(DuplicateMessage);
            }

            var since = now.AddSeconds(-settings.CommentFloodSeconds);
            var latest = await store.Comments.AsNoTracking()
                .Where(c => c.CreatedAtUtc > since && (c.AuthorEmail == email || (ipText != null && c.IpAddress == ipText)))
                .OrderByDescending(c => c.CreatedAtUtc)
                .Select(c => (DateTime?)c.CreatedAtUtc)
                .FirstOrDefaultAsync(token);
            if (latest is { } last)
            {
                var wait = (int)Math.Ceiling((last.AddSeconds(settings.CommentFloodSeconds) - now).TotalSeconds);
                return new CommentOutcome(CommentOutcomeKind.TooMany, RetryAfterSeconds: Math.Max(1, wait));
            }

            var (status, reason) = await DecideAsync(store, settings, name, email, website, body, token);
            var comment = NewComment();
            if (status == CommentStatus.Spam)
            {
                comment.MarkSpam(now);
            }
            else if (status == CommentStatus.Approved)
            {
                comment.Approve(now);
            }

            return await SaveAsync(store, comment, status, reason, token);
        }, cancellationToken), article.Id);
    }

    /// <summary>
    /// Logs an accepted post once its transaction is committed (a failed SQLite batch is rolled back
    /// and run again post by post). Ids and status only: a commenter's email and address never go
    /// into a log line.
    /// </summary>
    private CommentOutcome Logged(CommentOutcome outcome, int articleId)
    {
        if (outcome.Kind == CommentOutcomeKind.Accepted)
        {
            LogStored(outcome.CommentId, articleId, outcome.StoredAs);
        }

        return outcome;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that no other post by the same e-mail address or
    /// from the same client address runs beside. SQLite: one writer of the process runs the posts
    /// in turn, several to a transaction (<see cref="SqliteCommentWriter"/>). PostgreSQL:
    /// transaction-scoped advisory locks on the address and the e-mail (other readers' posts go on
    /// in parallel). SQL Server: a serializable transaction, whose range locks make a second post
    /// wait or become a deadlock victim, retried by the execution strategy.
    /// </summary>
    private async Task<CommentOutcome> AtomicallyAsync(string email, string? ip, Func<NewsDbContext, CancellationToken, Task<CommentOutcome>> work, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            return await sqliteWriter.RunAsync(work, cancellationToken);
        }

        var postgres = db.Database.IsNpgsql();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(postgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, token);
            if (postgres)
            {
                // In one order, so two posts never wait for each other's second lock.
                foreach (var key in new[] { "comment-email:" + email, "comment-ip:" + ip }.Where(k => !k.EndsWith(':')).Order(StringComparer.Ordinal))
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", token);
                }
            }

            var outcome = await work(db, token);
            await transaction.CommitAsync(token);
            return outcome;
        }, cancellationToken);
    }

    /// <summary>WordPress's discussion rules: block words → spam; known approved authors may skip the queue unless held.</summary>
    private static async Task<(CommentStatus Status, string? Reason)> DecideAsync(NewsDbContext store, SiteSettings settings, string name, string email, string? website, string body, CancellationToken cancellationToken)
    {
        var everything = string.Join('\n', name, email, website ?? string.Empty, body);
        if (FindWord(settings.CommentBlockWords, everything) is { } blocked)
        {
            return (CommentStatus.Spam, "Có từ trong danh sách chặn: " + blocked);
        }

        string? hold = null;
        var links = CommentText.CountLinks(body);
        if (settings.CommentHoldLinkCount > 0 && links >= settings.CommentHoldLinkCount)
        {
            hold = string.Create(CultureInfo.InvariantCulture, $"Có {links} liên kết (giữ lại từ {settings.CommentHoldLinkCount}).");
        }
        else if (FindWord(settings.CommentHoldWords, everything) is { } held)
        {
            hold = "Có từ trong danh sách giữ lại: " + held;
        }

        if (hold is not null)
        {
            return (CommentStatus.Pending, hold);
        }

        if (settings.CommentApprovedAuthorsSkipQueue
            && await store.Comments.AnyAsync(c => c.AuthorEmail == email && c.Status == CommentStatus.Approved && !c.IsStaffReply, cancellationToken))
        {
            return (CommentStatus.Approved, "Tác giả đã có bình luận được duyệt.");
        }

        return (CommentStatus.Pending, null);
    }

    private async Task<CommentOutcome> SaveAsync(NewsDbContext store, Comment comment, CommentStatus status, string? reason, CancellationToken cancellationToken)
    {
        store.Comments.Add(comment);
        await store.SaveChangesAsync(cancellationToken);
        if (reason is not null)
        {
            store.CommentModerations.Add(new CommentModeration(comment.Id, "rule", CommentStatus.Pending, status, null, SystemUserName, reason, Now));
            await store.SaveChangesAsync(cancellationToken);
        }

        return new CommentOutcome(CommentOutcomeKind.Accepted, comment.Id) { StoredAs = status };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on article {ArticleId} stored as {Status}")]
    private partial void LogStored(int commentId, int articleId, CommentStatus status);

    private async Task<bool> IsBannedAsync(string email, IPAddress? ip, DateTime now, CancellationToken cancellationToken)
    {
        var bans = await db.CommentBans.AsNoTracking()
            .Where(b => (b.Kind == CommentBanKind.Email && b.Value == email) || b.Kind == CommentBanKind.IpRange)
            .ToListAsync(cancellationToken);
        foreach (var ban in bans.Where(b => b.IsActive(now)))
        {
            if (ban.Kind == CommentBanKind.Email)
            {
                return true;
            }

            if (ip is not null && InRange(ban.Value, ip))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A CIDR range (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>) or a single address.</summary>
    public static bool InRange(string range, IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(address);
        address = Normalize(address)!;
        if (IPNetwork.TryParse(range.Trim(), out var network))
        {
            return network.Contains(address);
        }

        return IPAddress.TryParse(range.Trim(), out var single) && Normalize(single)!.Equals(address);
    }

    private static IPAddress? Normalize(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    private static string? FindWord(string list, string text)
    {
        foreach (var line in list.Split('\n'))
        {
            var word = line.Trim();
            if (word.Length > 0 && CultureInfo.InvariantCulture.CompareInfo.IndexOf(text, word, CompareOptions.IgnoreCase) >= 0)
            {
                return word;
            }
        }

        return null;
    }

    private static Dictionary<string, string> Validate(CommentInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = input.Body?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            errors["Body"] = "Vui lòng nhập bình luận.";
        }
        else if (body.Length > Comment.BodyMaxLength)
        {
            errors["Body"] = string.Create(CultureInfo.InvariantCulture, $"Bình luận dài tối đa 5.000 ký tự (bạn đã viết {body.Length}).");
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors["Name"] = "Vui lòng nhập tên.";
        }
        else if (name.Length > Comment.NameMaxLength)
        {
            errors["Name"] = "Tên dài tối đa 100 ký tự.";
        }

        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors["Email"] = "Vui lòng nhập email.";
        }
        else if (email.Length > Comment.EmailMaxLength || !EmailPattern().IsMatch(email))
        {
            errors["Email"] = "Địa chỉ email không hợp lệ (ví dụ: ten@example.vn).";
        }

        var website = input.Website?.Trim();
        if (!string.IsNullOrEmpty(website)
            && (website.Length > Comment.UrlMaxLength
                || !Uri.TryCreate(website, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host)))
        {
            errors["Website"] = "Trang web phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.";
        }

        return errors;
    }

    [GeneratedRegex(@"^[^@\s<>""]+@[^@\s<>""]+\.[^@\s<>""]+$")]
    private static partial Regex EmailPattern();
}

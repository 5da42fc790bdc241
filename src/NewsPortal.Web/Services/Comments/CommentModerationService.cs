using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Areas.Admin.Controllers;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;

namespace NewsPortal.Web.Services.Comments;

/// <summary>What a moderator can do to a comment.</summary>
public enum CommentAction
{
    Approve,
    Unapprove,
    Spam,
    NotSpam,
    Trash,
    Restore,
    Delete,
}

/// <summary>The queue's filters; every text filter matches a part.</summary>
public sealed record CommentQueueFilter(CommentStatus Status, string? Article, string? Author, string? Email, string? Ip, string? Text, int Page);

public sealed record CommentQueueRow(
    int Id,
    string AuthorName,
    string AuthorEmail,
    string? AuthorUrl,
    string? IpAddress,
    string Body,
    CommentStatus Status,
    bool IsStaffReply,
    DateTime CreatedAtUtc,
    int ArticleId,
    string ArticleTitle,
    string ArticleSlug,
    int? ParentId);

public sealed record CommentQueuePage(CommentQueueFilter Filter, IReadOnlyDictionary<CommentStatus, int> Counts, int Total, int PageSize, IReadOnlyList<CommentQueueRow> Rows)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record CommentHistoryRow(DateTime AtUtc, string UserName, string Action, CommentStatus From, CommentStatus To, string? Reason);

/// <summary>The outcome of an action on one or more comments: how many moved, and why the others did not.</summary>
public sealed record ModerationOutcome(int Done, IReadOnlyList<string> Errors);

/// <summary>One comment as exported for its author (Decree 13/2023).</summary>
public sealed record PersonalCommentRecord(
    int Id,
    string ArticleTitle,
    string ArticleUrl,
    string Name,
    string Email,
    string? Website,
    string Text,
    string Status,
    DateTime CreatedAtUtc,
    string? IpAddress);

/// <summary>
/// The moderation desk: the queue, the actions (the rules are on <see cref="Comment"/>), their
/// history rows and audit entries, edits, staff replies, and a commenter's data by email address.
/// </summary>
public sealed class CommentModerationService(NewsDbContext db, AuditLog audit, TimeProvider time, ICachedPageInvalidator pages)
{
    public const int PageSize = 30;
    public const int MaxBulk = 200;

    public Task<int> PendingCountAsync(CancellationToken cancellationToken) =>
        db.Comments.CountAsync(c => c.Status == CommentStatus.Pending, cancellationToken);

    public async Task<CommentQueuePage> QueueAsync(CommentQueueFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.Comments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Article))
        {
            var article = filter.Article.Trim();
            query = int.TryParse(article, NumberStyles.None, CultureInfo.InvariantCulture, out var articleId)
                ? query.Where(c => c.ArticleId == articleId)
                : query.Where(c => c.Article!.Title.Contains(article));
        }

        if (!string.IsNullOrWhiteSpace(filter.Author))
        {
            var author = filter.Author.Trim();
            query = query.Where(c => c.AuthorName.Contains(author));
        }

        if (!string.IsNullOrWhiteSpace(filter.Email))
        {
            var email = filter.Email.Trim().ToLowerInvariant();
            query = query.Where(c => c.AuthorEmail.Contains(email));
        }

        if (!string.IsNullOrWhiteSpace(filter.Ip))
        {
            var ip = filter.Ip.Trim();
            query = query.Where(c => c.IpAddress != null && c.IpAddress.StartsWith(ip));
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(c => c.Body.Contains(text));
        }

        var grouped = await query.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = Enum.GetValues<CommentStatus>().ToDictionary(s => s, s => grouped.FirstOrDefault(g => g.Key == s)?.Count ?? 0);
        var inTab = query.Where(c => c.Status == filter.Status);
        var rows = await inTab.OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id)
            .Skip((Math.Max(1, filter.Page) - 1) * PageSize).Take(PageSize)
            .Select(c => new CommentQueueRow(c.Id, c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.IpAddress, c.Body, c.Status, c.IsStaffReply, c.CreatedAtUtc, c.ArticleId, c.Article!.Title, c.Article.Slug, c.ParentId))
            .ToListAsync(cancellationToken);
        return new CommentQueuePage(filter, counts, counts[filter.Status], PageSize, rows);
    }

    public Task<CommentQueueRow?> FindAsync(int id, CancellationToken cancellationToken) =>
        db.Comments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CommentQueueRow(c.Id, c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.IpAddress, c.Body, c.Status, c.IsStaffReply, c.CreatedAtUtc, c.ArticleId, c.Article!.Title, c.Article.Slug, c.ParentId))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CommentHistoryRow>> HistoryAsync(int id, CancellationToken cancellationToken) =>
        await db.CommentModerations.AsNoTracking().Where(m => m.CommentId == id)
            .OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
            .Select(m => new CommentHistoryRow(m.AtUtc, m.UserName, m.Action, m.FromStatus, m.ToStatus, m.Reason))
            .ToListAsync(cancellationToken);

    /// <summary>Applies one action to each comment; those it does not fit are left as they were, with the entity's message.</summary>
    public async Task<ModerationOutcome> ApplyAsync(IReadOnlyCollection<int> ids, CommentAction action, string? reason, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(user);
        var wanted = ids.Distinct().Take(MaxBulk).ToList();
        if (wanted.Count == 0)
        {
            return new ModerationOutcome(0, ["Chưa chọn bình luận nào."]);
        }

        var comments = await db.Comments.Where(c => wanted.Contains(c.Id)).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new List<string>();
        var articles = new HashSet<int>();
        var done = 0;
        var deleted = new List<int>();
        // Deepest first, so that a reply deleted in the same batch no longer holds its parent back.
        foreach (var comment in comments.OrderByDescending(c => c.Depth).ThenBy(c => c.Id))
        {
            var from = comment.Status;
            try
            {
                if (action == CommentAction.Delete)
                {
                    comment.EnsureDeletable();
                    if (await db.Comments.AnyAsync(c => c.ParentId == comment.Id && !deleted.Contains(c.Id), cancellationToken))
                    {
                        throw new DomainException("Bình luận này còn có trả lời: hãy xóa các trả lời trước.");
                    }

                    db.Comments.Remove(comment);
                    deleted.Add(comment.Id);
                }
                else
                {
                    Apply(comment, action, now);
                    db.CommentModerations.Add(new CommentModeration(comment.Id, Codes[action], from, comment.Status, UserIdOf(user), UserNameOf(user), reason, now));
                }
            }
            catch (DomainException ex)
            {
                errors.Add($"#{comment.Id}: {ex.Message}");
                continue;
            }

            var why = string.IsNullOrWhiteSpace(reason) ? string.Empty : $" Lý do: {reason.Trim()}";
            audit.Record(user, "comment." + Codes[action], "comment", comment.Id.ToString(CultureInfo.InvariantCulture),
                $"{Verbs[action]} bình luận #{comment.Id} (bài #{comment.ArticleId}): {StatusNames.Of(from)} → {(action == CommentAction.Delete ? "đã xóa" : StatusNames.Of(comment.Status))}.{why}");
            if (from == CommentStatus.Approved || comment.Status == CommentStatus.Approved)
            {
                articles.Add(comment.ArticleId);
            }

            done++;
        }

        foreach (var missing in wanted.Except(comments.Select(c => c.Id)))
        {
            errors.Add($"#{missing}: Không tìm thấy bình luận.");
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var articleId in articles)
        {
            await pages.InvalidateArticleAsync(articleId, cancellationToken);
        }

        return new ModerationOutcome(done, errors);
    }

    /// <summary>Changes a comment's name, website and text; null when done, else the message.</summary>
    public async Task<string?> EditAsync(int id, string authorName, string? authorUrl, string body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var comment = await db.Comments.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (comment is null)
        {
            return "Không tìm thấy bình luận.";
        }

        if (!string.IsNullOrWhiteSpace(authorUrl) && !IsWebAddress(authorUrl))
        {
            return "Trang web phải là địa chỉ bắt đầu bằng http:// hoặc https://.";
        }

        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            comment.Edit(authorName, authorUrl, body, now);
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }

        db.CommentModerations.Add(new CommentModeration(comment.Id, "edit", comment.Status, comment.Status, UserIdOf(user), UserNameOf(user), null, now));
        audit.Record(user, AuditActions.CommentEdited, "comment", comment.Id.ToString(CultureInfo.InvariantCulture), $"Sửa bình luận #{comment.Id} (bài #{comment.ArticleId}).");
        await db.SaveChangesAsync(cancellationToken);
        if (comment.Status == CommentStatus.Approved)
        {
            await pages.InvalidateArticleAsync(comment.ArticleId, cancellationToken);
        }

        return null;
    }

    /// <summary>A reply from the editorial office under comment <paramref name="parentId"/>, public at once.</summary>
    public async Task<(int? Id, string? Error)> ReplyAsync(int parentId, string body, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var parent = await db.Comments.AsNoTracking().Where(c => c.Id == parentId).Select(c => new { c.ArticleId, c.Depth, c.Status }).SingleOrDefaultAsync(cancellationToken);
        if (parent is null)
        {
            return (null, "Không tìm thấy bình luận.");
        }

        if (parent.Status is CommentStatus.Spam or CommentStatus.Trash)
        {
            // The reply would be public at once, under a comment nobody can see.
            return (null, "Không trả lời được bình luận trong mục spam hoặc thùng rác.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        Comment reply;
        try
        {
            var name = user.FindFirstValue(NewsPortalClaims.DisplayName) is { Length: > 0 } display ? display : "Ban biên tập";
            reply = Comment.StaffReply(parent.ArticleId, parentId, parent.Depth + 1, name, UserNameOf(user), UserIdOf(user) ?? string.Empty, body, now);
        }
        catch (DomainException ex)
        {
            return (null, ex.Message);
        }

        db.Comments.Add(reply);
        await db.SaveChangesAsync(cancellationToken);
        db.CommentModerations.Add(new CommentModeration(reply.Id, "reply", CommentStatus.Approved, CommentStatus.Approved, UserIdOf(user), UserNameOf(user), null, now));
        audit.Record(user, AuditActions.CommentReplied, "comment", reply.Id.ToString(CultureInfo.InvariantCulture), $"Trả lời bình luận #{parentId} (bài #{parent.ArticleId}) với tư cách ban biên tập.");
        await db.SaveChangesAsync(cancellationToken);
        await pages.InvalidateArticleAsync(parent.ArticleId, cancellationToken);
        return (reply.Id, null);
    }

    /// <summary>A valid email address, lower-cased, or null.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > Comment.EmailMaxLength || !MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed)
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>Every comment of an address, as its author may ask for it (Decree 13/2023).</summary>
    public async Task<IReadOnlyList<PersonalCommentRecord>> ExportAsync(string email, string siteUrl, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var rows = await db.Comments.AsNoTracking().Where(c => c.AuthorEmail == email)
            .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Article!.Title, c.Article.Slug, c.AuthorName, c.AuthorEmail, c.AuthorUrl, c.Body, c.Status, c.CreatedAtUtc, c.IpAddress })
            .ToListAsync(cancellationToken);
        audit.Record(user, AuditActions.CommentDataExported, "comment-author", HashPrefix(email), $"Xuất dữ liệu cá nhân: {rows.Count} bình luận của địa chỉ email có mã băm {HashPrefix(email)}.");
        await db.SaveChangesAsync(cancellationToken);
        var root = siteUrl.TrimEnd('/');
        return [.. rows.Select(r => new PersonalCommentRecord(r.Id, r.Title, $"{root}/bai-viet/{r.Slug}", r.AuthorName, r.AuthorEmail, r.AuthorUrl, r.Body, StatusNames.Of(r.Status), r.CreatedAtUtc, r.IpAddress))];
    }

    /// <summary>Anonymizes every comment of an address; the audit entry names a count and a hash prefix, never the address.</summary>
    public async Task<int> EraseAsync(string email, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var comments = await db.Comments.Where(c => c.AuthorEmail == email).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var comment in comments)
        {
            comment.Anonymize(now);
        }

        var hash = HashPrefix(email);
        audit.Record(user, AuditActions.CommentDataErased, "comment-author", hash, $"Xóa dữ liệu cá nhân: ẩn danh {comments.Count} bình luận của địa chỉ email có mã băm {hash}.");
        await db.SaveChangesAsync(cancellationToken);
        foreach (var articleId in comments.Where(c => c.Status == CommentStatus.Approved).Select(c => c.ArticleId).Distinct())
        {
            await pages.InvalidateArticleAsync(articleId, cancellationToken);
        }

        return comments.Count;
    }

    /// <summary>The first 12 hex digits of the address's SHA-256: enough to match two audit entries, not to read the address.</summary>
    public static string HashPrefix(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)))[..12];

    private static readonly Dictionary<CommentAction, string> Codes = new()
    {
        [CommentAction.Approve] = "approve",
        [CommentAction.Unapprove] = "unapprove",
        [CommentAction.Spam] = "spam",
        [CommentAction.NotSpam] = "notspam",
        [CommentAction.Trash] = "trash",
        [CommentAction.Restore] = "restore",
        [CommentAction.Delete] = "delete",
    };

    private static readonly Dictionary<CommentAction, string> Verbs = new()
    {
        [CommentAction.Approve] = "Duyệt",
        [CommentAction.Unapprove] = "Bỏ duyệt",
        [CommentAction.Spam] = "Đánh dấu spam",
        [CommentAction.NotSpam] = "Bỏ đánh dấu spam",
        [CommentAction.Trash] = "Chuyển vào thùng rác",
        [CommentAction.Restore] = "Khôi phục",
        [CommentAction.Delete] = "Xóa vĩnh viễn",
    };

    private static void Apply(Comment comment, CommentAction action, DateTime now)
    {
        switch (action)
        {
            case CommentAction.Approve: comment.Approve(now); break;
            case CommentAction.Unapprove: comment.Unapprove(now); break;
            case CommentAction.Spam: comment.MarkSpam(now); break;
            case CommentAction.NotSpam: comment.NotSpam(now); break;
            case CommentAction.Trash: comment.Trash(now); break;
            case CommentAction.Restore: comment.Restore(now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    private static string UserNameOf(ClaimsPrincipal user) => user.Identity?.Name ?? AuditLog.System;
}

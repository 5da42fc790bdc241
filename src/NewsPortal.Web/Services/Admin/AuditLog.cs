using System.Security.Claims;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Services.Admin;

/// <summary>
/// Adds audit entries to the current unit of work, so an action and its record are saved
/// together (or not at all). The acting user comes from the request.
/// </summary>
public sealed class AuditLog(NewsDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public const string System = "hệ thống";

    public void Record(string action, string? targetType, string? targetId, string summary) =>
        Record(http.HttpContext?.User, action, targetType, targetId, summary);

    public void Record(ClaimsPrincipal? user, string action, string? targetType, string? targetId, string summary)
    {
        var id = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user?.Identity?.Name ?? System;
        db.AuditEntries.Add(new AuditEntry(time.GetUtcNow().UtcDateTime, id, name, action, targetType, targetId, summary));
    }

    /// <summary>For events with no other change to save, such as a failed sign-in.</summary>
    public async Task RecordNowAsync(string? userId, string userName, string action, string summary, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry(time.GetUtcNow().UtcDateTime, userId, userName, action, "user", userId, summary));
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The audit action codes.</summary>
public static class AuditActions
{
    public const string SignInSuccess = "signin.success";
    public const string SignInFailure = "signin.failure";
    public const string SignInLockedOut = "signin.lockedout";
    public const string SignOut = "signout";
    public const string PasswordChanged = "password.change";
    public const string TwoFactorEnabled = "2fa.enable";
    public const string TwoFactorDisabled = "2fa.disable";
    public const string RecoveryCodesReset = "2fa.recoverycodes";
    public const string UserCreated = "user.create";
    public const string UserRolesChanged = "user.roles";
    public const string UserDisabled = "user.disable";
    public const string UserEnabled = "user.enable";
    public const string ArticleCreated = "article.create";
    public const string ArticleSubmitted = "article.submit";
    public const string ArticleReturned = "article.return";
    public const string ArticleScheduled = "article.schedule";
    public const string ArticlePublished = "article.publish";
    public const string ArticleUnpublished = "article.unpublish";
    public const string ArticleTrashed = "article.trash";
    public const string ArticleRestored = "article.restore";
    public const string ArticleDeleted = "article.delete";
    public const string ArticleRevisionRestored = "article.revision.restore";
    public const string MediaUploaded = "media.upload";
    public const string MediaDeleted = "media.delete";

    // Comment moderation: "comment." + approve, unapprove, spam, notspam, trash, restore, delete
    // (CommentModerationService builds those from the action), and these.
    public const string CommentApproved = "comment.approve";
    public const string CommentUnapproved = "comment.unapprove";
    public const string CommentSpam = "comment.spam";
    public const string CommentNotSpam = "comment.notspam";
    public const string CommentTrashed = "comment.trash";
    public const string CommentRestored = "comment.restore";
    public const string CommentDeleted = "comment.delete";
    public const string CommentEdited = "comment.edit";
    public const string CommentReplied = "comment.reply";
    public const string CommentDataExported = "comment.data.export";
    public const string CommentDataErased = "comment.data.erase";
    public const string CommentSettingsChanged = "settings.comments";
    public const string CommentBanAdded = "ban.add";
    public const string CommentBanRemoved = "ban.remove";
    public const string GlossaryAdded = "glossary.add";
    public const string GlossaryChanged = "glossary.edit";
    public const string GlossaryDeleted = "glossary.delete";
}

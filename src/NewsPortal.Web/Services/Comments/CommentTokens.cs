using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace NewsPortal.Web.Services.Comments;

/// <summary>
/// The two tokens of the comment form, both from ASP.NET Core Data Protection:
/// the form token (article id and render time; the same for every reader of a page, so a cached
/// page keeps working) and the author's token for seeing their own pending comment.
/// </summary>
/// <remarks>
/// The 24-hour lifetime is checked against <see cref="TimeProvider"/> from the render time inside
/// the protected payload, rather than by <c>ITimeLimitedDataProtector</c>, which reads the system
/// clock: the same clock then decides the minimum fill time and the expiry (and tests can move it).
/// </remarks>
public sealed class CommentTokens(IDataProtectionProvider provider, TimeProvider time)
{
    public static readonly TimeSpan FormLifetime = TimeSpan.FromHours(24);

    private readonly IDataProtector _form = provider.CreateProtector("NewsPortal.Comments.Form.v1");
    private readonly IDataProtector _pending = provider.CreateProtector("NewsPortal.Comments.Pending.v1");

    public string IssueForm(int articleId) =>
        _form.Protect(articleId.ToString(CultureInfo.InvariantCulture) + "|" + time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <returns>When the form was rendered, or null when the token is forged, for another article or older than a day.</returns>
    public DateTimeOffset? ReadForm(string? token, int articleId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _form.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id != articleId
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return null;
        }

        var renderedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
        var age = time.GetUtcNow() - renderedAt;
        return age > FormLifetime || age < TimeSpan.FromMinutes(-5) ? null : renderedAt;
    }

    public string IssuePending(int commentId) => _pending.Protect(commentId.ToString(CultureInfo.InvariantCulture));

    public bool IsPendingTokenFor(string? token, int commentId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        try
        {
            return _pending.Unprotect(token) == commentId.ToString(CultureInfo.InvariantCulture);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}

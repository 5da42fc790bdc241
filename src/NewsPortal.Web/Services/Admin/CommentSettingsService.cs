using System.Globalization;
using System.Net;
using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Services.Admin;

/// <summary>What became of a change: done, refused with field errors, or someone else saved first.</summary>
public enum SettingsOutcome
{
    Saved = 0,
    Invalid = 1,
    Conflict = 2,
}

/// <summary>The comment rules (the one <see cref="SiteSettings"/> row) and the bans, as administrators change them.</summary>
public sealed class CommentSettingsService(NewsDbContext db, AuditLog audit, TimeProvider time)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<SiteSettings> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new SiteSettings();
            db.SiteSettings.Add(settings);
            await db.SaveChangesAsync(cancellationToken);
        }

        return settings;
    }

    /// <summary>Saves the rules if nobody saved since <see cref="CommentSettingsInput.Version"/> was read.</summary>
    public async Task<SettingsOutcome> SaveAsync(CommentSettingsInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var settings = await LoadAsync(cancellationToken);
        if (settings.Version != input.Version)
        {
            return SettingsOutcome.Conflict;
        }

        db.Entry(settings).Property(s => s.Version).OriginalValue = input.Version;
        settings.CommentsCloseAfterDays = input.CommentsCloseAfterDays;
        settings.CommentThreadDepth = input.CommentThreadDepth;
        settings.CommentsPerPage = input.CommentsPerPage;
        settings.CommentHoldLinkCount = input.CommentHoldLinkCount;
        settings.CommentHoldWords = WordList(input.CommentHoldWords);
        settings.CommentBlockWords = WordList(input.CommentBlockWords);
        settings.CommentApprovedAuthorsSkipQueue = input.CommentApprovedAuthorsSkipQueue;
        settings.CommentFloodSeconds = input.CommentFloodSeconds;
        settings.CommentMinFillSeconds = input.CommentMinFillSeconds;
        audit.Record(AuditActions.CommentSettingsChanged, "settings", SiteSettings.SingletonId.ToString(CultureInfo.InvariantCulture), "Cập nhật quy tắc bình luận.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SettingsOutcome.Conflict;
        }

        return SettingsOutcome.Saved;
    }

    public async Task<IReadOnlyList<CommentBanRow>> BansAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var bans = await db.CommentBans.AsNoTracking().OrderByDescending(b => b.CreatedAtUtc).ThenByDescending(b => b.Id).ToListAsync(cancellationToken);
        return [.. bans.Select(b => new CommentBanRow(b.Id, b.Kind, b.Value, b.ExpiresAtUtc, b.Reason, b.CreatedBy, b.CreatedAtUtc, b.IsActive(now)))];
    }

    /// <summary>Adds a ban; returns the field errors (by input property name) when the value is not an email or an address range.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AddBanAsync(CommentBanInput input, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var value = input.Value.Trim();
        CommentBanKind kind;
        if (value.Contains('@', StringComparison.Ordinal))
        {
            kind = CommentBanKind.Email;
            if (!MailAddress.TryCreate(value, out var address) || address.Address != value)
            {
                errors[nameof(input.Value)] = "Email không hợp lệ.";
            }
        }
        else
        {
            kind = CommentBanKind.IpRange;
            if (IPNetwork.TryParse(value, out var network))
            {
                value = network.ToString();
            }
            else if (IPAddress.TryParse(value, out var single) && !value.Contains('%', StringComparison.Ordinal))
            {
                value = single.ToString();
            }
            else
            {
                errors[nameof(input.Value)] = "Không phải email hay dải địa chỉ IP hợp lệ (ví dụ 203.0.113.0/24 hoặc 2001:db8::/32).";
            }
        }

        DateTime? expires = null;
        if (input.ExpiresOn is { } day)
        {
            // The ban lasts through the chosen day, Vietnam time.
            expires = VietnamClock.ToUtc(day.Date.AddDays(1));
            if (expires <= Now)
            {
                errors[nameof(input.ExpiresOn)] = "Ngày hết hạn phải ở tương lai.";
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        var ban = new CommentBan(kind, value, expires, reason, createdBy, Now);
        db.CommentBans.Add(ban);
        await db.SaveChangesAsync(cancellationToken);
        var until = expires is { } e ? " đến hết " + VietnamClock.ToLocal(e).AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : " vĩnh viễn";
        audit.Record(AuditActions.CommentBanAdded, "ban", ban.Id.ToString(CultureInfo.InvariantCulture), $"Chặn {ban.Value}{until}.");
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    public async Task<bool> RemoveBanAsync(int id, CancellationToken cancellationToken)
    {
        var ban = await db.CommentBans.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (ban is null)
        {
            return false;
        }

        db.CommentBans.Remove(ban);
        audit.Record(AuditActions.CommentBanRemoved, "ban", id.ToString(CultureInfo.InvariantCulture), $"Bỏ chặn {ban.Value}.");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>One word or phrase a line, trimmed, blank lines and repeats dropped.</summary>
    private static string WordList(string? text) =>
        string.Join('\n', (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
}

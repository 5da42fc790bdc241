using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;
using NewsPortal.Web.Services.Comments;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Services.Glossary;

/// <summary>One glossary entry as the admin list shows it.</summary>
public sealed record AbbreviationRow(int Id, string ShortForm, string Expansion, int Version);

/// <summary>How the admin list is ordered.</summary>
public enum GlossarySort
{
    ShortForm = 0,
    ShortFormDescending = 1,
    Expansion = 2,
    ExpansionDescending = 3,
}

/// <summary>What became of a change: done, refused (with messages by field), gone, or someone else changed it first.</summary>
public enum GlossaryOutcomeKind
{
    Saved = 0,
    Invalid = 1,
    NotFound = 2,
    Conflict = 3,
}

/// <param name="Errors">Messages by field name (<c>ShortForm</c>, <c>Expansion</c>, or empty for the whole form).</param>
public sealed record GlossaryOutcome(GlossaryOutcomeKind Kind, IReadOnlyDictionary<string, string> Errors, AbbreviationRow? Current)
{
    public static GlossaryOutcome Saved(AbbreviationRow row) => new(GlossaryOutcomeKind.Saved, new Dictionary<string, string>(), row);

    public static GlossaryOutcome Invalid(string field, string message) =>
        new(GlossaryOutcomeKind.Invalid, new Dictionary<string, string>(StringComparer.Ordinal) { [field] = message }, null);
}

/// <summary>
/// The glossary as the Admin area changes it. Every change is checked (the entity's rules, a short
/// form that is already there in any case), saved with its audit entry in the same unit of work,
/// and then the in-memory glossary of this node and the cached article pages are dropped so the
/// next article view shows the change.
/// </summary>
public sealed class GlossaryAdminService(NewsDbContext db, AuditLog audit, AbbreviationGlossary glossary, ICachedPageInvalidator pages)
{
    public static string DuplicateMessage(string shortForm) =>
        $"Chữ viết tắt “{shortForm}” đã có trong bảng (không phân biệt chữ hoa, chữ thường).";

    public const string ConflictMessage = "Người khác vừa sửa hoặc xóa mục này. Hãy xem nội dung hiện tại rồi làm lại.";

    /// <summary>The entries whose short form or expansion contains <paramref name="filter"/> (accents and case ignored), in the chosen order.</summary>
    public async Task<IReadOnlyList<AbbreviationRow>> ListAsync(string? filter, GlossarySort sort, CancellationToken cancellationToken)
    {
        // A glossary is a few hundred entries at most: filtered and ordered in memory, the
        // Vietnamese way (folded: Đ sorts with D, accents after the letters), on every provider alike.
        var rows = await db.Abbreviations.AsNoTracking()
            .Select(a => new AbbreviationRow(a.Id, a.ShortForm, a.Expansion, a.Version))
            .ToListAsync(cancellationToken);
        IEnumerable<AbbreviationRow> query = rows;
        var folded = VietnameseText.Fold(filter?.Trim());
        if (folded.Length > 0)
        {
            query = query.Where(r => VietnameseText.Fold(r.ShortForm).Contains(folded, StringComparison.Ordinal)
                || VietnameseText.Fold(r.Expansion).Contains(folded, StringComparison.Ordinal));
        }

        return sort switch
        {
            GlossarySort.ShortFormDescending => [.. query.OrderByDescending(r => VietnameseText.Fold(r.ShortForm), StringComparer.Ordinal).ThenByDescending(r => r.ShortForm, StringComparer.Ordinal)],
            GlossarySort.Expansion => [.. query.OrderBy(r => VietnameseText.Fold(r.Expansion), StringComparer.Ordinal).ThenBy(r => r.Expansion, StringComparer.Ordinal)],
            GlossarySort.ExpansionDescending => [.. query.OrderByDescending(r => VietnameseText.Fold(r.Expansion), StringComparer.Ordinal).ThenByDescending(r => r.Expansion, StringComparer.Ordinal)],
            _ => [.. query.OrderBy(r => VietnameseText.Fold(r.ShortForm), StringComparer.Ordinal).ThenBy(r => r.ShortForm, StringComparer.Ordinal)],
        };
    }

    public async Task<AbbreviationRow?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Abbreviations.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AbbreviationRow(a.Id, a.ShortForm, a.Expansion, a.Version))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<GlossaryOutcome> CreateAsync(string? shortForm, string? expansion, CancellationToken cancellationToken)
    {
        Abbreviation entry;
        try
        {
            entry = new Abbreviation(shortForm ?? string.Empty, expansion ?? string.Empty);
        }
        catch (DomainException ex)
        {
            return Invalid(ex);
        }

        if (await DuplicateOfAsync(entry.ShortForm, null, cancellationToken) is { } existing)
        {
            return Duplicate(existing);
        }

        db.Abbreviations.Add(entry);
        if (await SaveOrDuplicateAsync(entry.ShortForm, null, cancellationToken) is { } duplicate)
        {
            return duplicate;
        }

        // The new entry's id is known only now; the audit entry follows in a second save.
        audit.Record(AuditActions.GlossaryAdded, "abbreviation", Id(entry), $"Thêm chữ viết tắt {entry.ShortForm} = “{entry.Expansion}”.");
        await db.SaveChangesAsync(cancellationToken);
        await ChangedAsync(cancellationToken);
        return GlossaryOutcome.Saved(Row(entry));
    }

    /// <summary>Saves the change if nobody changed the entry since <paramref name="version"/> was read.</summary>
    public async Task<GlossaryOutcome> UpdateAsync(int id, int version, string? shortForm, string? expansion, CancellationToken cancellationToken)
    {
        var entry = await db.Abbreviations.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (entry is null)
        {
            return new GlossaryOutcome(GlossaryOutcomeKind.NotFound, new Dictionary<string, string>(), null);
        }

        if (entry.Version != version)
        {
            return Conflict(entry);
        }

        var before = $"{entry.ShortForm} = “{entry.Expansion}”";
        try
        {
            entry.Change(shortForm ?? string.Empty, expansion ?? string.Empty);
        }
        catch (DomainException ex)
        {
            return Invalid(ex);
        }

        if (await DuplicateOfAsync(entry.ShortForm, id, cancellationToken) is { } existing)
        {
            return Duplicate(existing);
        }

        if (!db.ChangeTracker.HasChanges())
        {
            return GlossaryOutcome.Saved(Row(entry));
        }

        // The version the editor started from is the one the UPDATE must still find.
        db.Entry(entry).Property(a => a.Version).OriginalValue = version;
        audit.Record(AuditActions.GlossaryChanged, "abbreviation", Id(entry), $"Sửa chữ viết tắt {before} thành {entry.ShortForm} = “{entry.Expansion}”.");
        try
        {
            if (await SaveOrDuplicateAsync(entry.ShortForm, id, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAfterFailureAsync(id, cancellationToken);
        }

        await ChangedAsync(cancellationToken);
        return GlossaryOutcome.Saved(Row(entry));
    }

    /// <summary>Deletes the entry if nobody changed it since <paramref name="version"/> was read.</summary>
    public async Task<GlossaryOutcome> DeleteAsync(int id, int version, CancellationToken cancellationToken)
    {
        var entry = await db.Abbreviations.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (entry is null)
        {
            return new GlossaryOutcome(GlossaryOutcomeKind.NotFound, new Dictionary<string, string>(), null);
        }

        if (entry.Version != version)
        {
            return Conflict(entry);
        }

        var row = Row(entry);
        db.Abbreviations.Remove(entry);
        audit.Record(AuditActions.GlossaryDeleted, "abbreviation", Id(entry), $"Xóa chữ viết tắt {entry.ShortForm} = “{entry.Expansion}”.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAfterFailureAsync(id, cancellationToken);
        }

        await ChangedAsync(cancellationToken);
        return GlossaryOutcome.Saved(row);
    }

    private static string Id(Abbreviation entry) => entry.Id.ToString(CultureInfo.InvariantCulture);

    private static AbbreviationRow Row(Abbreviation entry) => new(entry.Id, entry.ShortForm, entry.Expansion, entry.Version);

    private static GlossaryOutcome Invalid(DomainException ex) =>
        GlossaryOutcome.Invalid(ex.Message.StartsWith("Nghĩa", StringComparison.Ordinal) ? "Expansion" : "ShortForm", ex.Message);

    private static GlossaryOutcome Duplicate(string shortForm) =>
        GlossaryOutcome.Invalid("ShortForm", DuplicateMessage(shortForm));

    private static GlossaryOutcome Conflict(Abbreviation current) =>
        new(GlossaryOutcomeKind.Conflict, new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = ConflictMessage }, Row(current));

    /// <summary>The short form already in the glossary that is the same as <paramref name="shortForm"/> in any case, other than entry <paramref name="exceptId"/>.</summary>
    private async Task<string?> DuplicateOfAsync(string shortForm, int? exceptId, CancellationToken cancellationToken)
    {
        var key = Abbreviation.SameCaseKey(shortForm);
        var others = await db.Abbreviations.AsNoTracking()
            .Where(a => exceptId == null || a.Id != exceptId)
            .Select(a => a.ShortForm)
            .ToListAsync(cancellationToken);
        return others.FirstOrDefault(s => string.Equals(Abbreviation.SameCaseKey(s), key, StringComparison.Ordinal));
    }

    /// <summary>
    /// Saves; when the save breaks the unique index because someone saved the same short form
    /// between the check and the save, drops the unit of work and answers the duplicate message.
    /// Any other failure (and a concurrency conflict) is thrown on.
    /// </summary>
    private async Task<GlossaryOutcome?> SaveOrDuplicateAsync(string shortForm, int? exceptId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            if (await DuplicateOfAsync(shortForm, exceptId, cancellationToken) is null)
            {
                throw;
            }

            return Duplicate(shortForm);
        }
    }

    private async Task<GlossaryOutcome> ConflictAfterFailureAsync(int id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.Abbreviations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return current is null
            ? new GlossaryOutcome(GlossaryOutcomeKind.Conflict, new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = ConflictMessage }, null)
            : Conflict(current);
    }

    private async Task ChangedAsync(CancellationToken cancellationToken)
    {
        glossary.Invalidate();
        await pages.InvalidateAllArticlesAsync(cancellationToken);
    }
}

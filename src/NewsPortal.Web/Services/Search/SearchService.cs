using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Options;
using NewsPortal.Web.Services.Glossary;
using NewsPortal.Web.Services.Text;
using NewsPortal.Web.ViewModels;

namespace NewsPortal.Web.Services.Search;

/// <summary>The reader's search form as it arrived.</summary>
public sealed record SearchForm(string? Query, string? Section, string? From, string? To, int Page);

/// <summary>The search page: checks the form, asks the index, reads the hits from the database.</summary>
public sealed class SearchService(
    NewsDbContext db,
    SearchIndex index,
    AbbreviationGlossary glossary,
    TimeProvider time,
    IOptions<SearchOptions> options)
{
    /// <summary>Results past this many are not paged to (as the big engines do).</summary>
    public const int MaxResults = 1_000;

    private const int SnippetLength = 220;

    /// <summary>How long a search waits for a node's first index build before saying so.</summary>
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(10);

    /// <returns>The page; null when the page number is past the results.</returns>
    public async Task<SearchPageViewModel?> SearchAsync(SearchForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var text = (VietnameseText.Nfc(form.Query) ?? string.Empty).Trim();
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Slug }).ToListAsync(cancellationToken);
        var messages = new List<string>();

        int? sectionId = null;
        var sectionSlug = string.IsNullOrWhiteSpace(form.Section) ? null : form.Section.Trim();
        if (sectionSlug is not null)
        {
            sectionId = sections.FirstOrDefault(s => s.Slug == sectionSlug)?.Id;
            if (sectionId is null)
            {
                messages.Add("Không có chuyên mục này; kết quả dưới đây tìm trong mọi chuyên mục.");
                sectionSlug = null;
            }
        }

        var from = ParseDate(form.From, "Từ ngày", messages);
        var to = ParseDate(form.To, "Đến ngày", messages);
        if (from is not null && to is not null && from > to)
        {
            messages.Add("“Từ ngày” phải trước “Đến ngày”; hai ngày đã được đổi chỗ cho nhau.");
            (from, to) = (to, from);
        }

        var model = (PagedList<SearchResult>? results) => new SearchPageViewModel(
            text.Length > options.Value.MaxQueryLength ? string.Empty : text,
            sectionSlug,
            from?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sections.Select(s => new SectionLink(s.Name, s.Slug)).ToList(),
            messages,
            results);

        if (text.Length == 0)
        {
            return model(null);
        }

        if (text.Length > options.Value.MaxQueryLength)
        {
            messages.Add($"Từ khóa quá dài: hãy nhập tối đa {options.Value.MaxQueryLength} ký tự.");
            return model(null);
        }

        var query = SearchQuery.Parse(text, index.Analyzer, await glossary.GetAsync(cancellationToken));
        if (query.IsEmpty)
        {
            messages.Add("Từ khóa cần có ít nhất một chữ hoặc một số.");
            return model(null);
        }

        if (query.Truncated)
        {
            messages.Add($"Chỉ {SearchQuery.MaxUnits} từ đầu tiên được dùng để tìm.");
        }

        var size = options.Value.PageSize;
        if ((long)(form.Page - 1) * size >= MaxResults)
        {
            return null;
        }

        if (!index.Ready.IsCompleted)
        {
            await Task.WhenAny(index.Ready, Task.Delay(ReadyWait, cancellationToken));
            if (!index.Ready.IsCompleted)
            {
                throw new SearchUnavailableException();
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        var hits = index.Search(new SearchRequest(
            query,
            sectionId,
            from is { } f ? VietnamClock.ToUtc(f.ToDateTime(TimeOnly.MinValue)) : null,
            to is { } t ? VietnamClock.ToUtc(t.ToDateTime(TimeOnly.MinValue).AddDays(1)).AddTicks(-1) : null,
            now,
            (form.Page - 1) * size,
            size));
        var total = Math.Min(hits.Total, MaxResults);
        if (form.Page > 1 && (long)(form.Page - 1) * size >= total)
        {
            return null;
        }

        // The index may trail the database by a pass: read the hits back and keep what is public
        // now, in the index's order. Only the primary key in SQL (the ids inline: IN (1, 2, …)); with
        // the status and date there too, SQLite's planner walks the (Status, PublishedAtUtc) index
        // through every published article instead (20 ms on 100,000).
        var ids = hits.ArticleIds.ToList();
        var rows = (await db.Articles.AsNoTracking()
            .Where(a => EF.Constant(ids).Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.Status,
                a.PublishedAtUtc,
                Card = new ArticleCard(
                    a.Title,
                    a.Slug,
                    a.Lead,
                    a.PublishedAtUtc ?? DateTime.MinValue,
                    a.Section!.Name,
                    a.Section.Slug,
                    a.FeaturedMedia != null ? a.FeaturedMedia.FileName : null,
                    a.FeaturedAlt),
                a.BodyHtml,
            })
            .ToListAsync(cancellationToken))
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now);
        var byId = rows.ToDictionary(r => r.Id);
        var words = SearchIndex.Terms(query);
        var results = ids.Where(byId.ContainsKey).Select(id =>
        {
            var row = byId[id];
            var title = Snippets.Highlight(row.Card.Title, words, 0) ?? WebUtility.HtmlEncode(row.Card.Title);
            var snippet = Snippets.Highlight(row.Card.Lead, words, 0)
                ?? Snippets.Highlight(PlainText.FromHtml(row.BodyHtml), words, SnippetLength)
                ?? WebUtility.HtmlEncode(Seo.MetaText.Description(row.Card.Lead, SnippetLength));
            return new SearchResult(row.Card, title, snippet);
        }).ToList();

        return model(new PagedList<SearchResult>(results, form.Page, size, total));
    }

    private static DateOnly? ParseDate(string? value, string label, List<string> messages)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"];
        if (DateOnly.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 2999)
        {
            return date;
        }

        messages.Add($"“{label}” không phải là ngày hợp lệ (ví dụ 04/01/2022); bộ lọc này đã được bỏ qua.");
        return null;
    }
}

/// <summary>This node's index is still being built for the first time.</summary>
public sealed class SearchUnavailableException : Exception
{
    public SearchUnavailableException()
        : base("The search index is still being built.")
    {
    }

    public SearchUnavailableException(string message)
        : base(message)
    {
    }

    public SearchUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

using NewsPortal.Web.Services.Glossary;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Services.Search;

/// <summary>
/// A reader's query as search units: each unit is one word or one glossary entry, and matches
/// any of its alternatives (a folded word, or a phrase of folded words). "CCHC" and
/// "cải cách hành chính" both become the unit {cchc | "cai cach hanh chinh"}.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Words beyond this are ignored (a query is a few words, not a paragraph).</summary>
    public const int MaxUnits = 12;

    private SearchQuery(IReadOnlyList<IReadOnlyList<string[]>> units, bool truncated)
    {
        Units = units;
        Truncated = truncated;
    }

    public IReadOnlyList<IReadOnlyList<string[]>> Units { get; }

    /// <summary>The query had more words than <see cref="MaxUnits"/>.</summary>
    public bool Truncated { get; }

    public bool IsEmpty => Units.Count == 0;

    public static SearchQuery Parse(string? text, VietnameseAnalyzer analyzer, IReadOnlyList<GlossaryEntry> glossary)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(glossary);
        var words = analyzer.Words(SearchFields.Body, VietnameseText.Nfc(text) ?? string.Empty);

        // Longest expansions first, so "dịch vụ công trực tuyến" wins over "dịch vụ công".
        var entries = glossary
            .Select(e => (Short: analyzer.Words(SearchFields.Body, e.ShortForm), Long: analyzer.Words(SearchFields.Body, e.Expansion)))
            .Where(e => e.Short.Count == 1 && e.Long.Count > 0)
            .OrderByDescending(e => e.Long.Count)
            .ToList();

        var units = new List<IReadOnlyList<string[]>>();
        var i = 0;
        while (i < words.Count && units.Count < MaxUnits)
        {
            var matched = false;
            foreach (var (shortWords, longWords) in entries)
            {
                if (StartsWith(words, i, longWords))
                {
                    units.Add(Alternatives(longWords, shortWords[0]));
                    i += longWords.Count;
                    matched = true;
                    break;
                }
            }

            if (matched)
            {
                continue;
            }

            var entry = entries.FirstOrDefault(e => e.Short[0] == words[i]);
            units.Add(entry.Short is not null ? Alternatives(entry.Long, entry.Short[0]) : [[words[i]]]);
            i++;
        }

        return new SearchQuery(units, i < words.Count);
    }

    private static List<string[]> Alternatives(IReadOnlyList<string> expansion, string shortForm) =>
        expansion.Count == 1 && expansion[0] == shortForm ? [[shortForm]] : [[shortForm], [.. expansion]];

    private static bool StartsWith(IReadOnlyList<string> words, int start, IReadOnlyList<string> phrase)
    {
        if (phrase.Count < 2 || start + phrase.Count > words.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Count; k++)
        {
            if (words[start + k] != phrase[k])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The fields of a search document.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Version = "version";
    public const string Title = "title";
    public const string Lead = "lead";
    public const string Body = "body";
    public const string Byline = "byline";
    public const string Tags = "tags";
    public const string Section = "section";
    public const string Published = "published";
    public const string PublishedSort = "published_sort";

    /// <summary>The text fields and how much full coverage of the query in each is worth.</summary>
    public static readonly IReadOnlyList<(string Field, float Weight)> Text =
    [
        (Title, 100f),
        (Tags, 10f),
        (Lead, 10f),
        (Body, 1f),
        (Byline, 0.5f),
    ];

    /// <summary>What the whole query as an exact phrase is worth in each field.</summary>
    public static readonly IReadOnlyList<(string Field, float Weight)> Phrase =
    [
        (Title, 1000f),
        (Lead, 5f),
        (Body, 0.5f),
    ];
}

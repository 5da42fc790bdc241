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
        var words = analyzer.Words(SearchFields.All, VietnameseText.Nfc(text) ?? string.Empty);

        // Longest expansions first, so "dịch vụ công trực tuyến" wins over "dịch vụ công".
        var entries = glossary
            .Select(e => (Short: analyzer.Words(SearchFields.All, e.ShortForm), Long: analyzer.Words(SearchFields.All, e.Expansion)))
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

    /// <summary>The lead, the tags and the byline: what an editor wrote to say what the article is about.</summary>
    public const string Head = "head";

    /// <summary>All the text: title, lead, body, byline and tags.</summary>
    public const string All = "all";
    public const string Section = "section";
    public const string Published = "published";
    public const string PublishedSort = "published_sort";

    /// <summary>What full coverage of the query anywhere in the article (the <see cref="All"/> field) is worth.</summary>
    public const float AllWeight = 1f;

    /// <summary>
    /// The fields that rank, and how much full coverage of the query in each is worth. Few fields
    /// on purpose: each is one more posting list per word to walk for every matching article.
    /// </summary>
    public static readonly IReadOnlyList<(string Field, float Weight)> Text =
    [
        (Title, 100f),
        (Head, 10f),
    ];

    /// <summary>
    /// What the whole query as an exact phrase is worth in each field. Not the body: a long body
    /// holds many phrases by chance, and looking them up costs more than the order they would refine.
    /// </summary>
    public static readonly IReadOnlyList<(string Field, float Weight)> Phrase =
    [
        (Title, 1000f),
        (Head, 5f),
    ];
}

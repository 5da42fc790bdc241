using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Shingle;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace NewsPortal.Web.Services.Search;

/// <summary>
/// Splits text into words (syllables, for Vietnamese) by Unicode's word rules, lowercases them and
/// folds away every tone and vowel mark, đ to d: "Cải cách", "CẢI CÁCH" and "cai cach" index and
/// search alike. Offsets still point into the original text, so highlights keep the marks.
/// Input must be in NFC (the database stores NFC; queries are normalized before they get here).
/// </summary>
/// <para>
/// Fields whose name ends in <see cref="ShingleSuffix"/> hold the pairs of neighbouring words
/// ("cai cach", "cach hanh", …): Vietnamese words are mostly two syllables, so a phrase is found by
/// looking up its pairs, with no word positions to read (bigram indexing, as for CJK text).
/// </para>
public sealed class VietnameseAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public const string ShingleSuffix = "_pairs";

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        if (fieldName.EndsWith(ShingleSuffix, StringComparison.Ordinal))
        {
            var pairs = new ShingleFilter(stream, 2, 2);
            pairs.SetOutputUnigrams(false);
            stream = pairs;
        }

        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The pair term of two folded words, as the pair fields index it.</summary>
    public static string Pair(string first, string second) => first + " " + second;

    /// <summary>The folded words of <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<string> Words(string field, string text)
    {
        var words = new List<string>();
        using var stream = GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }
}

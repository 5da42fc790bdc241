using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace NewsPortal.Web.Services.Search;

/// <summary>
/// Splits text into words (syllables, for Vietnamese) by Unicode's word rules, lowercases them and
/// folds away every tone and vowel mark, đ to d: "Cải cách", "CẢI CÁCH" and "cai cach" index and
/// search alike. Offsets still point into the original text, so highlights keep the marks.
/// Input must be in NFC (the database stores NFC; queries are normalized before they get here).
/// </summary>
public sealed class VietnameseAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

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

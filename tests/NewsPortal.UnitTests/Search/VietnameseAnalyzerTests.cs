using System.Text;
using NewsPortal.UnitTests.Text;
using NewsPortal.Web.Services.Glossary;
using NewsPortal.Web.Services.Search;

namespace NewsPortal.UnitTests.Search;

public sealed class VietnameseAnalyzerTests : IDisposable
{
    private readonly VietnameseAnalyzer _analyzer = new();

    private static readonly GlossaryEntry[] Glossary =
    [
        new("CCHC", "cải cách hành chính"),
        new("DVC", "dịch vụ công"),
        new("DVCTT", "dịch vụ công trực tuyến"),
        new("CPĐT", "Chính phủ điện tử"),
        new("QK", "Quân khu"),
    ];

    [Theory]
    [MemberData(nameof(VietnameseTextTests.AllLetters), MemberType = typeof(VietnameseTextTests))]
    public void EveryVietnameseLetterFoldsToItsBaseLetter(string letter, string expected)
    {
        Assert.Equal([expected + "x"], _analyzer.Words("body", letter + "x"));
    }

    [Fact]
    public void WordsAreSplitLoweredAndFoldedAndNfdInputMatchesAfterNormalizing()
    {
        const string Title = "Bộ Quốc phòng tổng kết công tác CẢI CÁCH hành chính, năm 2021!";
        string[] expected = ["bo", "quoc", "phong", "tong", "ket", "cong", "tac", "cai", "cach", "hanh", "chinh", "nam", "2021"];
        Assert.Equal(expected, _analyzer.Words("title", Title));
        Assert.Equal(expected, _analyzer.Words("title", Title.Normalize(NormalizationForm.FormD).Normalize(NormalizationForm.FormC)));
    }

    [Fact]
    public void GlossaryEntriesBecomeOneUnitWhicheverWayTheyAreWritten()
    {
        string[][] cchc = [["cchc"], ["cai", "cach", "hanh", "chinh"]];
        foreach (var query in new[] { "CCHC", "cchc", "cải cách hành chính", "CAI CACH HANH CHINH" })
        {
            var parsed = SearchQuery.Parse(query, _analyzer, Glossary);
            Assert.Equal(cchc, Assert.Single(parsed.Units));
        }

        // The longest expansion wins, and words around it stay words.
        var units = SearchQuery.Parse("đăng ký dịch vụ công trực tuyến ở Quân khu 2", _analyzer, Glossary).Units;
        Assert.Equal(
            new[] { "dang", "ky", "dvctt|dich vu cong truc tuyen", "o", "qk|quan khu", "2" },
            units.Select(u => string.Join('|', u.Select(a => string.Join(' ', a)))));

        // CPĐT folds to cpdt: typed without the đ it is the same abbreviation.
        Assert.Equal(2, Assert.Single(SearchQuery.Parse("CPDT", _analyzer, Glossary).Units).Count);
    }

    [Fact]
    public void QueriesWithoutWordsAreEmptyAndLongOnesAreCut()
    {
        Assert.True(SearchQuery.Parse("!!! --- ???", _analyzer, Glossary).IsEmpty);
        Assert.True(SearchQuery.Parse(null, _analyzer, Glossary).IsEmpty);
        var longQuery = SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, 30).Select(n => "từ" + n)), _analyzer, Glossary);
        Assert.Equal(SearchQuery.MaxUnits, longQuery.Units.Count);
        Assert.True(longQuery.Truncated);
    }

    [Fact]
    public void PlainTextOfSanitizedHtmlKeepsWordsApart()
    {
        Assert.Equal("Tiêu đề Đoạn một & hai. Ô", PlainText.FromHtml("<h2>Tiêu đề</h2><p>Đoạn <strong>một</strong> &amp; hai.</p><figure><figcaption>Ô</figcaption></figure>"));
    }

    public void Dispose() => _analyzer.Dispose();
}

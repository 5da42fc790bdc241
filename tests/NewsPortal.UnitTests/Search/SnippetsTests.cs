using NewsPortal.UnitTests.Text;
using NewsPortal.Web.Services.Search;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.UnitTests.Search;

public sealed class SnippetsTests
{
    [Theory]
    [MemberData(nameof(VietnameseTextTests.AllLetters), MemberType = typeof(VietnameseTextTests))]
    public void FoldingKeepsOneCharacterForOneAndAgreesWithTheAnalyzer(string letter, string expected)
    {
        Assert.Equal(expected, Snippets.Fold(letter));
        using var analyzer = new VietnameseAnalyzer();
        Assert.Equal(analyzer.Words("all", letter + "x")[0], Snippets.Fold(letter + "x"));
        Assert.Equal(VietnameseText.Fold(letter), Snippets.Fold(letter));
    }

    [Fact]
    public void MarksWholeWordsWithTheirTonesAndEncodesEverythingElse()
    {
        var html = Snippets.Highlight("Đẩy mạnh CẢI CÁCH <hành> chính & cải tiến cách làm", [["cai"], ["cach"]], 0);
        Assert.Equal("Đẩy mạnh <mark>CẢI</mark> <mark>CÁCH</mark> &lt;hành&gt; chính &amp; <mark>cải</mark> tiến <mark>cách</mark> làm", html);
        Assert.Null(Snippets.Highlight("Quân khu 2", [["cai"]], 0));
        Assert.Null(Snippets.Highlight("cải cách", [], 0));
        // Part of a word is not a match.
        Assert.Null(Snippets.Highlight("caicach cáchx", [["cai"], ["cach"]], 0));
    }

    [Fact]
    public void APhraseIsMarkedOnlyWhole()
    {
        string[][] cchc = [["cchc"], ["cai", "cach", "hanh", "chinh"]];
        Assert.Equal(
            "Công tác <mark>cải cách hành chính</mark> và xây dựng Chính phủ điện tử (<mark>CCHC</mark>); cải tiến",
            Snippets.Highlight("Công tác cải cách hành chính và xây dựng Chính phủ điện tử (CCHC); cải tiến", cchc, 0));
    }

    [Fact]
    public void ALongTextGivesThePassageWithTheMostDifferentWords()
    {
        var filler = string.Concat(Enumerable.Repeat("Các đơn vị tiếp tục thực hiện nhiệm vụ được giao. ", 20));
        var text = "Xã Pò Hèn có trạm mới. " + filler + "Trạm xăng lưu động ở Pò Hèn phục vụ bà con. " + filler;
        var html = Snippets.Highlight(text, [["tram"], ["xang"], ["po"], ["hen"]], 120)!;
        Assert.Contains("<mark>Trạm</mark> <mark>xăng</mark> lưu động ở <mark>Pò</mark> <mark>Hèn</mark>", html, StringComparison.Ordinal);
        Assert.StartsWith("…", html, StringComparison.Ordinal);
        Assert.EndsWith("…", html, StringComparison.Ordinal);
        Assert.True(html.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Length <= 124);
    }
}

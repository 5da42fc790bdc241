using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NewsPortal.UnitTests.Rendering;
using NewsPortal.Web.Services.Glossary;
using NewsPortal.Web.Services.Rendering;

namespace NewsPortal.UnitTests.Glossary;

public sealed class AbbreviationMarkerTests
{
    private static readonly GlossaryEntry Cchc = new("CCHC", "cải cách hành chính");
    private static readonly GlossaryEntry Cpdt = new("CPĐT", "Chính phủ điện tử");
    private static readonly GlossaryEntry Qk = new("QK", "Quân khu");
    private static readonly GlossaryEntry Dvc = new("DVC", "dịch vụ công");
    private static readonly GlossaryEntry Dvctt = new("DVCTT", "dịch vụ công trực tuyến");

    private static readonly GlossaryEntry[] Glossary = [Cchc, Cpdt, Qk, Dvc, Dvctt];

    /// <summary>The lead and the body as one page, the way the article page shows them.</summary>
    private static IHtmlDocument Page(MarkedArticle marked) =>
        HtmlAssertions.Parse($"<p class=\"lead\">{marked.LeadHtml}</p><div class=\"body\">{marked.BodyHtml}</div>");

    private static IHtmlDocument Mark(string lead, string body, params GlossaryEntry[] glossary) =>
        Page(AbbreviationMarker.Mark(lead, body, glossary.Length == 0 ? Glossary : glossary));

    private static List<(string Text, string? Title)> Abbrs(IParentNode page) =>
        [.. page.QuerySelectorAll("abbr").Select(a => (a.TextContent, a.GetAttribute("title")))];

    [Fact]
    public void OnlyTheFirstUseIsMarkedAndTheTextIsUnchanged()
    {
        const string Body = "<p>Công tác CCHC năm 2021.</p><p>Kết quả CCHC và CPĐT; CPĐT, CCHC.</p>";

        var page = Mark(string.Empty, Body);

        Assert.Equal([("CCHC", "cải cách hành chính"), ("CPĐT", "Chính phủ điện tử")], Abbrs(page));
        Assert.Equal("Công tác CCHC năm 2021.", page.QuerySelector(".body p")!.TextContent);
        Assert.Equal(HtmlAssertions.Parse(Body).Body!.TextContent, page.QuerySelector(".body")!.TextContent);
    }

    [Fact]
    public void AUseInTheLeadIsTheFirstAndTheBodyDoesNotMarkItAgain()
    {
        var page = Mark("Ban Chỉ đạo CCHC Bộ Quốc phòng.", "<p>Công tác CCHC và CPĐT.</p>");

        var lead = page.QuerySelector(".lead")!;
        Assert.Equal("CCHC", Assert.Single(lead.QuerySelectorAll("abbr")).TextContent);
        Assert.Equal("Ban Chỉ đạo CCHC Bộ Quốc phòng.", lead.TextContent);
        Assert.Equal([("CPĐT", "Chính phủ điện tử")], Abbrs(page.QuerySelector(".body")!));
    }

    [Theory]
    [InlineData("CCHCX và XCCHC")]
    [InlineData("QK2, QKV và ĐQK")]
    [InlineData("CCHC2 hay 2CCHC")]
    [InlineData("cchc và Cchc")]
    [InlineData("QKà")]
    [InlineData("QK\u0301 (a combining mark after it)")]
    [InlineData("cải cách hành chính, Chính phủ điện tử, Quân khu")]
    public void OnlyWholeWordsInTheSameCaseAreMarked(string text)
    {
        var marked = AbbreviationMarker.Mark(text, $"<p>{text}</p>", Glossary);

        Assert.Empty(Abbrs(Page(marked)));
        Assert.Equal($"<p>{text}</p>", marked.BodyHtml);
    }

    [Theory]
    [InlineData("(CCHC)", "(", ")")]
    [InlineData("CCHC, rồi", "", ", rồi")]
    [InlineData("“CCHC”", "“", "”")]
    [InlineData("CCHC-2021", "", "-2021")]
    [InlineData("năm 2021:CCHC.", "năm 2021:", ".")]
    public void PunctuationAroundAWordIsABoundary(string text, string before, string after)
    {
        var paragraph = Mark(string.Empty, $"<p>{text}</p>").QuerySelector(".body p")!;

        Assert.Equal(before + "CCHC" + after, paragraph.TextContent);
        Assert.Equal("<p>" + before + "<abbr title=\"cải cách hành chính\">CCHC</abbr>" + after + "</p>", paragraph.OuterHtml);
    }

    [Theory]
    [InlineData("<p><a href=\"/x\">CCHC</a> rồi CCHC</p>")]
    [InlineData("<p><code>CCHC</code> rồi CCHC</p>")]
    [InlineData("<pre>CCHC</pre><p>rồi CCHC</p>")]
    [InlineData("<p><a href=\"/x\"><strong>Về CCHC</strong></a> rồi CCHC</p>")]
    public void TextInsideLinksAndCodeIsNotMarkedAndTheNextUseIs(string body)
    {
        var page = Mark(string.Empty, body);

        var abbr = Assert.Single(page.QuerySelectorAll("abbr"));
        Assert.Null(abbr.Closest("a, code, pre"));
        Assert.EndsWith("rồi ", abbr.PreviousSibling!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAbbreviationTheAuthorMarkedCountsAsTheFirstUse()
    {
        var page = Mark(string.Empty, "<p><abbr title=\"riêng của tác giả\">CCHC</abbr> và CCHC, CPĐT</p>");

        Assert.Equal([("CCHC", "riêng của tác giả"), ("CPĐT", "Chính phủ điện tử")], Abbrs(page));
    }

    [Fact]
    public void HeadingsAreMarkedLikeOtherText()
    {
        var page = Mark(string.Empty, "<h2>Kết quả CCHC</h2><p>CCHC</p>");

        Assert.NotNull(page.QuerySelector("h2 abbr"));
        Assert.Null(page.QuerySelector("p abbr"));
    }

    [Fact]
    public void TheLongestShortFormWinsWhereTwoStartTogether()
    {
        var page = Mark(string.Empty, "<p>Cổng DVCTT và DVC, DVCTT.</p>");

        Assert.Equal([("DVCTT", "dịch vụ công trực tuyến"), ("DVC", "dịch vụ công")], Abbrs(page));
    }

    [Fact]
    public void SeveralAbbreviationsInOneTextAreEachMarkedInOrder()
    {
        var page = Mark(string.Empty, "<p>QK và CCHC, CPĐT; QK.</p>");

        Assert.Equal(["QK", "CCHC", "CPĐT"], Abbrs(page).Select(a => a.Text));
        Assert.Equal("QK và CCHC, CPĐT; QK.", page.QuerySelector(".body p")!.TextContent);
    }

    [Theory]
    [InlineData("\"><script>alert(1)</script>")]
    [InlineData("' onmouseover='alert(1)")]
    [InlineData("a & b <b>đậm</b> &amp; &lt;")]
    public void AHostileExpansionStaysText(string expansion)
    {
        var marked = AbbreviationMarker.Mark("CCHC ở sapo", "<p>CCHC và QK</p>", [new GlossaryEntry("CCHC", expansion), new GlossaryEntry("QK", expansion)]);
        var html = $"<p class=\"lead\">{marked.LeadHtml}</p><div class=\"body\">{marked.BodyHtml}</div>";

        HtmlAssertions.AssertSafe(html);
        var page = HtmlAssertions.Parse(html);
        Assert.Equal(["CCHC", "QK"], page.QuerySelectorAll("abbr").Select(a => a.TextContent));
        foreach (var abbr in page.QuerySelectorAll("abbr"))
        {
            Assert.Equal(expansion, abbr.GetAttribute("title"));
            Assert.Equal(["title"], abbr.Attributes.Select(a => a.Name));
        }

        Assert.Null(page.QuerySelector("script, b"));
        Assert.Equal("CCHC và QK", page.QuerySelector(".body p")!.TextContent);
    }

    [Fact]
    public void MarkupInTheLeadIsShownAsText()
    {
        const string Lead = "<script>alert(1)</script> CCHC & <b>đậm</b>";

        var page = Mark(Lead, string.Empty);

        Assert.Equal(Lead, page.QuerySelector(".lead")!.TextContent);
        Assert.Null(page.QuerySelector("script, b"));
        Assert.Equal("CCHC", Assert.Single(page.QuerySelectorAll(".lead abbr")).TextContent);
    }

    [Fact]
    public void AnArticleWithoutAbbreviationsIsReturnedAsItWas()
    {
        const string Body = "<p>Không có chữ viết tắt &amp; nào.</p>";

        var marked = AbbreviationMarker.Mark("Sapo <ngắn>", Body, Glossary);

        Assert.Same(Body, marked.BodyHtml);
        Assert.Equal("Sapo &lt;ngắn&gt;", marked.LeadHtml);
    }

    [Fact]
    public void TheMarksSurviveTheSanitizersAllowList()
    {
        var marked = AbbreviationMarker.Mark(string.Empty, "<p>Công tác CCHC và <em>CPĐT</em>.</p>", Glossary);

        Assert.Equal(marked.BodyHtml, new HtmlSafety().Sanitize(marked.BodyHtml));
        Assert.Equal(2, HtmlAssertions.Parse(marked.BodyHtml).QuerySelectorAll("abbr[title]").Length);
    }

    [Theory]
    [InlineData("<p>Q&amp;A và Q&amp;A</p>", "<p><abbr title=\"hỏi &amp; đáp\">Q&amp;A</abbr> và Q&amp;A</p>")]
    [InlineData("<p>x&amp;Q&amp;A&nbsp;y</p>", "<p>x&amp;<abbr title=\"hỏi &amp; đáp\">Q&amp;A</abbr>&nbsp;y</p>")]
    [InlineData("<p>&#224;Q&amp;A hay Q&amp;A&#7843;</p>", "<p>&#224;Q&amp;A hay Q&amp;A&#7843;</p>")]
    public void CharacterReferencesAroundAWordAreReadAsTheCharactersTheyStandFor(string body, string expected)
    {
        var marked = AbbreviationMarker.Mark(string.Empty, body, [new GlossaryEntry("Q&A", "hỏi & đáp")]);

        Assert.Equal(expected, marked.BodyHtml);
    }

    [Fact]
    public void AttributesCommentsAndImagesAreNotText()
    {
        const string Body = "<figure class=\"photo\"><img src=\"/media/a.jpg\" alt=\"CCHC > QK\" title='CCHC'><!-- CCHC --><figcaption>Hội nghị CCHC</figcaption></figure>";

        var marked = AbbreviationMarker.Mark(string.Empty, Body, Glossary);

        Assert.Equal(Body.Replace("nghị CCHC<", "nghị <abbr title=\"cải cách hành chính\">CCHC</abbr><", StringComparison.Ordinal), marked.BodyHtml);
    }
}

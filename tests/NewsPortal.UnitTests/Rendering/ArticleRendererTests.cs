using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPortal.Web.Services.Rendering;

namespace NewsPortal.UnitTests.Rendering;

public sealed class ArticleRendererTests
{
    private readonly ArticleRenderer _renderer = new(NullLogger<ArticleRenderer>.Instance);

    private static readonly Dictionary<string, Func<string>> DeeplyNested = new(StringComparer.Ordinal)
    {
        ["10000 '>'"] = () => new string('>', 10_000),
        ["5000 '['"] = () => new string('[', 5_000),
        ["5000 nested parentheses"] = () => new string('(', 5_000) + "x" + new string(')', 5_000),
        ["5000 '> ' quotes"] = () => string.Concat(Enumerable.Repeat("> ", 5_000)) + "x",
        ["5000 '- ' lists"] = () => string.Concat(Enumerable.Repeat("- ", 5_000)) + "x",
        ["3000 '1. ' ordered lists"] = () => string.Concat(Enumerable.Repeat("1. ", 3_000)) + "x",
        ["3000 nested images"] = () => string.Concat(Enumerable.Repeat("![", 3_000)) + "x" + string.Concat(Enumerable.Repeat("](a.jpg)", 3_000)),
        ["3000 nested links"] = () => string.Concat(Enumerable.Repeat("[a", 3_000)) + string.Concat(Enumerable.Repeat("](b)", 3_000)),
        ["5000 nested emphasis"] = () => string.Concat(Enumerable.Repeat("*a ", 5_000)) + string.Concat(Enumerable.Repeat("a* ", 5_000)),
        ["2000 indented list levels"] = () => string.Join('\n', Enumerable.Range(0, 2_000).Select(i => new string(' ', i * 2) + "- x")),
        ["3000 lines of growing quotes"] = () => string.Join('\n', Enumerable.Range(1, 3_000).Select(i => new string('>', Math.Min(i, 200)) + " x")),
    };

    public static TheoryData<string> DeeplyNestedInputs => [.. DeeplyNested.Keys];

    [Fact]
    public void SoleImageParagraphBecomesFigureWithCaption()
    {
        var document = RenderToDocument("![alt](file.jpg \"Caption\")");

        var figure = Assert.Single(document.QuerySelectorAll("figure"));
        Assert.Equal("photo", figure.ClassName);
        Assert.Same(document.Body, figure.ParentElement);
        var img = Assert.IsAssignableFrom<IHtmlImageElement>(Assert.Single(figure.QuerySelectorAll("img")));
        Assert.Equal("/media/file.jpg", img.GetAttribute("src"));
        Assert.Equal("alt", img.GetAttribute("alt"));
        var caption = Assert.Single(figure.QuerySelectorAll("figcaption"));
        Assert.Equal("Caption", caption.TextContent);
        Assert.Empty(document.QuerySelectorAll("p"));
        Assert.Null(img.GetAttribute("title"));
    }

    [Fact]
    public void SoleImageWithoutTitleBecomesFigureWithoutCaption()
    {
        var document = RenderToDocument("![Ảnh minh họa](file.jpg)");

        var figure = Assert.Single(document.QuerySelectorAll("figure.photo"));
        Assert.Empty(figure.QuerySelectorAll("figcaption"));
        Assert.Equal("Ảnh minh họa", Assert.Single(figure.QuerySelectorAll("img")).GetAttribute("alt"));
    }

    [Fact]
    public void WhitespaceTitleGivesNoFigcaption()
    {
        var document = RenderToDocument("![alt](file.jpg \"   \")");

        Assert.Single(document.QuerySelectorAll("figure.photo"));
        Assert.Empty(document.QuerySelectorAll("figcaption"));
    }

    [Fact]
    public void ImageInsideTextStaysInline()
    {
        var document = RenderToDocument("Trước ảnh ![alt](file.jpg \"Tiêu đề\") sau ảnh");

        Assert.Empty(document.QuerySelectorAll("figure"));
        Assert.Empty(document.QuerySelectorAll("figcaption"));
        var paragraph = Assert.Single(document.QuerySelectorAll("p"));
        var img = Assert.Single(paragraph.QuerySelectorAll("img"));
        Assert.Equal("/media/file.jpg", img.GetAttribute("src"));
        Assert.Equal("alt", img.GetAttribute("alt"));
        Assert.Equal("Tiêu đề", img.GetAttribute("title"));
        Assert.Equal("Trước ảnh  sau ảnh", paragraph.TextContent);
    }

    [Fact]
    public void TwoImagesInOneParagraphStayInline()
    {
        var document = RenderToDocument("![a](a.jpg)\n![b](b.jpg)");

        Assert.Empty(document.QuerySelectorAll("figure"));
        var images = document.QuerySelectorAll("p img");
        Assert.Equal(["/media/a.jpg", "/media/b.jpg"], images.Select(i => i.GetAttribute("src")));
    }

    [Fact]
    public void AbsoluteHttpsImageUrlIsKept()
    {
        var document = RenderToDocument("![alt](https://qk2.example.vn/anh/a.jpg \"Chú thích\")");

        var img = Assert.Single(document.QuerySelectorAll("figure.photo img"));
        Assert.Equal("https://qk2.example.vn/anh/a.jpg", img.GetAttribute("src"));
    }

    [Fact]
    public void RootedImagePathIsKept()
    {
        var document = RenderToDocument("Xem ![alt](/images/a.jpg) đây");

        Assert.Equal("/images/a.jpg", Assert.Single(document.QuerySelectorAll("img")).GetAttribute("src"));
    }

    [Fact]
    public void BareImageFileNameIsEscapedIntoMediaStore()
    {
        // ả = U+1EA3 (UTF-8 E1 BA A3), đ = U+0111 (C4 91), ẹ = U+1EB9 (E1 BA B9).
        var document = RenderToDocument("![alt](<ảnh đẹp.jpg>)");

        Assert.Equal(
            "/media/%E1%BA%A3nh%20%C4%91%E1%BA%B9p.jpg",
            Assert.Single(document.QuerySelectorAll("img")).GetAttribute("src"));
    }

    [Fact]
    public void PipeTableRendersTableWithoutStyleAttributes()
    {
        var document = RenderToDocument("| Đơn vị | Số TTHC | Ghi chú |\n|:------:|--------:|:--------|\n| Quân khu | 21 | Mức độ 3 |\n| Bộ | 59 | Mức độ 4 |");

        var table = Assert.Single(document.QuerySelectorAll("table"));
        Assert.Equal(["Đơn vị", "Số TTHC", "Ghi chú"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(2, table.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["Quân khu", "21", "Mức độ 3"], table.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.DoesNotContain(document.All, e => e.HasAttribute("style"));
    }

    [Fact]
    public void PipeTableAlignmentBecomesClasses()
    {
        var document = RenderToDocument("| Đơn vị | Số TTHC | Ghi chú |\n|:------:|--------:|:--------|\n| Quân khu | 21 | Mức độ 3 |");

        var headers = document.QuerySelectorAll("thead th");
        var cells = document.QuerySelectorAll("tbody td");
        Assert.Equal(["text-center", "text-right", "text-left"], headers.Select(th => th.ClassName));
        Assert.Equal(["text-center", "text-right", "text-left"], cells.Select(td => td.ClassName));
        Assert.DoesNotContain(document.All, e => e.HasAttribute("style"));
    }

    [Fact]
    public void TableWithoutAlignmentHasNoAlignmentClass()
    {
        var document = RenderToDocument("| a | b |\n|---|---|\n| c | d |");

        Assert.All(document.QuerySelectorAll("th, td"), cell => Assert.Null(cell.GetAttribute("class")));
    }

    [Fact]
    public void MarkdownInsideTableCellIsRendered()
    {
        var document = RenderToDocument("| a | b |\n|---|---|\n| **đậm** | [liên kết](https://example.com) |");

        Assert.Equal("đậm", Assert.Single(document.QuerySelectorAll("td strong")).TextContent);
        Assert.Equal("https://example.com", Assert.Single(document.QuerySelectorAll("td a")).GetAttribute("href"));
    }

    [Fact]
    public void WidePaddedTableIsNotRejectedAsNested()
    {
        // Table formatters pad every cell, and the separator row, to the widest cell of its column.
        string[][] rows =
        [
            ["Nội dung", "Đơn vị thực hiện", "Kết quả", "Ghi chú"],
            [
                "Tiếp tục triển khai, thực hiện toàn diện các nội dung cải cách hành chính",
                "Các cơ quan, đơn vị thuộc Quân khu và Bộ Chỉ huy quân sự các tỉnh",
                "Đã công bố 21 thủ tục hành chính trên Cổng Dịch vụ công Bộ Quốc phòng",
                "59 thủ tục ở mức độ 3 và 4 đã được đồng bộ hóa kết quả hồ sơ",
            ],
        ];
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var separator = "| " + string.Join(" | ", widths.Select(w => new string('-', w))) + " |";
        var markdown = string.Join(
            '\n',
            rows.Select(r => "| " + string.Join(" | ", r.Select((cell, c) => cell.PadRight(widths[c]))) + " |").Take(1)
                .Append(separator)
                .Concat(rows.Skip(1).Select(r => "| " + string.Join(" | ", r.Select((cell, c) => cell.PadRight(widths[c]))) + " |")));
        Assert.True(separator.Length > 250, "the separator row should be wide");

        var result = _renderer.Render(markdown);

        Assert.True(result.Succeeded, result.Error);
        var table = Assert.Single(HtmlAssertions.Parse(result.Html).QuerySelectorAll("table"));
        Assert.Equal(4, table.QuerySelectorAll("tbody td").Length);
    }

    [Fact]
    public void AbbreviationBecomesAbbrWithTitle()
    {
        var document = RenderToDocument("*[CCHC]: cải cách hành chính\n\nCông tác CCHC năm 2021.");

        var abbr = Assert.Single(document.QuerySelectorAll("abbr"));
        Assert.Equal("CCHC", abbr.TextContent);
        Assert.Equal("cải cách hành chính", abbr.GetAttribute("title"));
        Assert.Equal("Công tác CCHC năm 2021.", Assert.Single(document.QuerySelectorAll("p")).TextContent);
        Assert.DoesNotContain("*[CCHC]", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AbbreviationMarksEveryOccurrence()
    {
        var document = RenderToDocument("*[TTHC]: thủ tục hành chính\n\n21 TTHC và 59 TTHC.");

        Assert.Equal(2, document.QuerySelectorAll("abbr[title='thủ tục hành chính']").Length);
    }

    [Theory]
    [InlineData("<b>x</b>", "<b>x</b>", "b")]
    [InlineData("Chữ <script>alert(1)</script> thường", "Chữ <script>alert(1)</script> thường", "script")]
    [InlineData("<div class=\"photo\">x</div>", "<div class=\"photo\">x</div>", "div")]
    [InlineData("<a href=\"https://example.com\">x</a>", "<a href=\"https://example.com\">x</a>", "a")]
    public void RawHtmlIsShownAsText(string markdown, string expectedText, string tag)
    {
        var document = RenderToDocument(markdown);

        Assert.Empty(document.Body!.QuerySelectorAll(tag));
        Assert.Equal(expectedText, Assert.Single(document.QuerySelectorAll("p")).TextContent);
    }

    [Fact]
    public void RawHtmlInAbbreviationKeyIsShownAsText()
    {
        var document = RenderToDocument("*[<b>x</b>]: y\n\n<b>x</b>");

        Assert.Empty(document.Body!.QuerySelectorAll("b"));
        Assert.Equal("<b>x</b>", Assert.Single(document.QuerySelectorAll("p")).TextContent);
    }

    [Fact]
    public void AbbreviationKeyInAltTextStaysInsideAlt()
    {
        var document = RenderToDocument("*[x\" title=\"injected]: z\n\n![x\" title=\"injected](a.jpg)");

        var img = Assert.Single(document.QuerySelectorAll("img"));
        Assert.Equal("x\" title=\"injected", img.GetAttribute("alt"));
        Assert.Null(img.GetAttribute("title"));
    }

    [Fact]
    public void HeadingsLevelTwoAndBelowAreKept()
    {
        var document = RenderToDocument("## Mục lớn\n\n### Mục nhỏ\n\nNội dung.");

        Assert.Equal("Mục lớn", Assert.Single(document.QuerySelectorAll("h2")).TextContent);
        Assert.Equal("Mục nhỏ", Assert.Single(document.QuerySelectorAll("h3")).TextContent);
    }

    [Fact]
    public void LevelOneHeadingBecomesAnH2BecauseTheTitleIsThePagesH1()
    {
        var document = RenderToDocument("# Tiêu đề\n\nNội dung.");

        Assert.Empty(document.QuerySelectorAll("h1"));
        Assert.Equal("Tiêu đề", Assert.Single(document.QuerySelectorAll("h2")).TextContent);
    }

    [Fact]
    public void ExternalLinkGetsNoopenerButRelativeLinkDoesNot()
    {
        var document = RenderToDocument("[ngoài](https://example.com/a) và [trong](/tin-tuc/a)");

        var links = document.QuerySelectorAll("a");
        Assert.Equal(2, links.Length);
        Assert.Equal("https://example.com/a", links[0].GetAttribute("href"));
        Assert.Equal("noopener noreferrer", links[0].GetAttribute("rel"));
        Assert.Equal("/tin-tuc/a", links[1].GetAttribute("href"));
        Assert.Null(links[1].GetAttribute("rel"));
    }

    [Fact]
    public void JavascriptLinkLosesHrefButKeepsText()
    {
        var document = RenderToDocument("[bấm](javascript:alert(1))");

        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Null(link.GetAttribute("href"));
        Assert.Equal("bấm", link.TextContent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NullOrEmptyRendersEmpty(string? markdown)
    {
        var result = _renderer.Render(markdown);

        Assert.True(result.Succeeded);
        Assert.Null(result.Error);
        Assert.Equal(string.Empty, result.Html);
    }

    [Fact]
    public void InputOverMaxLengthFailsWithVietnameseError()
    {
        var markdown = new string('a', ArticleRenderer.MaxInputLength + 1);

        var result = _renderer.Render(markdown);

        Assert.False(result.Succeeded);
        Assert.Equal(string.Empty, result.Html);
        Assert.NotNull(result.Error);
        Assert.Contains("vượt giới hạn", result.Error, StringComparison.Ordinal);
        Assert.Contains("ký tự", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void InputAtMaxLengthRenders()
    {
        var markdown = new string('a', ArticleRenderer.MaxInputLength);

        var result = _renderer.Render(markdown);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(ArticleRenderer.MaxInputLength, Assert.Single(HtmlAssertions.Parse(result.Html).QuerySelectorAll("p")).TextContent.Length);
    }

    [Fact]
    public void LengthLimitAppliesToNfcForm()
    {
        // 70,000 × "ố": 210,000 characters in NFD, 70,000 in NFC.
        var decomposed = string.Concat(Enumerable.Repeat("o\u0302\u0301", 70_000));
        Assert.True(decomposed.Length > ArticleRenderer.MaxInputLength);

        var result = _renderer.Render(decomposed);

        Assert.True(result.Succeeded, result.Error);
    }

    [Theory]
    [MemberData(nameof(DeeplyNestedInputs))]
    public void DeeplyNestedInputFailsOrRendersWithoutThrowing(string name)
    {
        var markdown = DeeplyNested[name]();
        RenderResult? result = null;
        var exception = Record.Exception(() => result = _renderer.Render(markdown));

        Assert.Null(exception);
        Assert.NotNull(result);
        if (result.Succeeded)
        {
            HtmlAssertions.AssertSafe(result.Html);
        }
        else
        {
            Assert.Equal(string.Empty, result.Html);
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }
    }

    [Theory]
    [InlineData('>', 10_000)]
    [InlineData('[', 5_000)]
    public void LongNestingRunIsRejectedWithVietnameseError(char marker, int count)
    {
        var result = _renderer.Render(new string(marker, count));

        Assert.False(result.Succeeded);
        Assert.Equal(string.Empty, result.Html);
        Assert.Contains("lồng nhau quá sâu", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RendererIsReusableAfterFailure()
    {
        Assert.False(_renderer.Render(new string('>', 10_000)).Succeeded);

        var document = RenderToDocument("**Quân khu**");

        Assert.Equal("Quân khu", Assert.Single(document.QuerySelectorAll("strong")).TextContent);
    }

    [Fact]
    public void DecomposedInputRendersAsNfcText()
    {
        // "Quốc phòng" in NFD: ố = o + U+0302 + U+0301, ò = o + U+0300.
        const string quocPhongNfd = "Quo\u0302\u0301c pho\u0300ng";

        var document = RenderToDocument("Bộ " + quocPhongNfd + "\n\n![" + quocPhongNfd + "](a.jpg \"" + quocPhongNfd + "\")");

        Assert.Equal("Bộ Quốc phòng", Assert.Single(document.QuerySelectorAll("p")).TextContent);
        Assert.Equal("Quốc phòng", Assert.Single(document.QuerySelectorAll("img")).GetAttribute("alt"));
        Assert.Equal("Quốc phòng", Assert.Single(document.QuerySelectorAll("figcaption")).TextContent);
        Assert.True(document.Body!.InnerHtml.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void FixtureArticleRendersItsPhotoAsFigure()
    {
        var document = RenderToDocument(FixtureBody());

        var figure = Assert.Single(document.QuerySelectorAll("figure.photo"));
        Assert.Equal("Toàn cảnh hội nghị tại điểm cầu Quân khu.", Assert.Single(figure.QuerySelectorAll("figcaption")).TextContent);
        var img = Assert.Single(figure.QuerySelectorAll("img"));
        Assert.Equal("Toàn cảnh hội nghị trực tuyến tại điểm cầu Quân khu", img.GetAttribute("alt"));
        Assert.Equal("/media/hoi-nghi-diem-cau-quan-khu.jpg", img.GetAttribute("src"));
    }

    [Fact]
    public void FixtureArticleKeepsTextParagraphsAroundFigure()
    {
        var document = RenderToDocument(FixtureBody());

        var blocks = document.Body!.Children;
        Assert.Equal(["p", "figure", "p", "p"], blocks.Select(b => b.LocalName));
        Assert.StartsWith("QK2 – Chiều 4-1, Ban Chỉ đạo cải cách hành chính", blocks[0].TextContent, StringComparison.Ordinal);
        Assert.EndsWith("về công tác CCHC…", blocks[3].TextContent, StringComparison.Ordinal);
        HtmlAssertions.AssertSafe(document.Body.InnerHtml);
    }

    private IHtmlDocument RenderToDocument(string markdown)
    {
        var result = _renderer.Render(markdown);
        Assert.True(result.Succeeded, result.Error);
        return HtmlAssertions.Parse(result.Html);
    }

    private static string FixtureBody()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var path = Path.Combine(directory.FullName, "src", "NewsPortal.Web", "Data", "Seed", "seed-article.md");
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var fences = lines.Select((line, index) => (line, index)).Where(l => l.line.TrimEnd() == "---").Select(l => l.index).ToList();
        Assert.True(fences.Count >= 2, "the fixture has no front matter");
        return string.Join('\n', lines.Skip(fences[1] + 1));
    }
}

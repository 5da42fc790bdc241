using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Articles;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Rendering;

namespace NewsPortal.IntegrationTests.PublicSite;

/// <summary>
/// Article pages explain the first use of each abbreviation of the glossary with
/// <c>&lt;abbr title&gt;</c>, at display time, from the glossary the migration seeds.
/// </summary>
public sealed class AbbreviationMarkingTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string SeedUrl = "/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";

    private readonly HttpClient _reader = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static List<IElement> Abbrs(IParentNode page) => [.. page.QuerySelectorAll(".article-lead abbr, .article-body abbr")];

    [Fact]
    public async Task TheSeedArticleExplainsTheFirstUseOfEachAbbreviationItUsesOnce()
    {
        var (response, page) = await _reader.GetPageAsync(SeedUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // CCHC and CPĐT are first used in the lead, TTHC in the body; "QK2" is not the glossary's "QK".
        Assert.Equal(
            [("CCHC", "cải cách hành chính"), ("CPĐT", "Chính phủ điện tử"), ("TTHC", "thủ tục hành chính")],
            Abbrs(page).Select(a => (a.TextContent, a.GetAttribute("title"))));
        var lead = page.QuerySelector(".article-lead")!;
        Assert.Equal(2, lead.QuerySelectorAll("abbr").Length);
        Assert.StartsWith("QK2 – Chiều 4-1, Ban Chỉ đạo cải cách hành chính (CCHC) và Chính phủ điện tử (CPĐT)", lead.Text(), StringComparison.Ordinal);
        var tthc = page.QuerySelector(".article-body abbr")!;
        Assert.EndsWith("Trong công tác cải cách thủ tục hành chính (", tthc.PreviousSibling!.TextContent, StringComparison.Ordinal);
        // Later uses stay plain text, and every use is still there.
        var body = page.QuerySelector(".article-body")!.TextContent;
        Assert.Equal(6, CountWord(body, "CCHC"));
        Assert.Equal(5, CountWord(body, "TTHC"));
    }

    [Fact]
    public async Task LinksCodeAndLongerWordsAreLeftAloneAndTheNextRealUseIsMarked()
    {
        var slug = "bai-kiem-thu-viet-tat-" + Guid.NewGuid().ToString("N")[..8];
        await PublishAsync(slug, "Sapo không có chữ viết tắt nào: cải cách hành chính.", """
            Xem [trang CCHC](https://example.vn/cchc) và `CCHC`, rồi CCHCX, XCCHC, cchc, rồi CCHC ở đây.

            Lần sau CCHC không giải nghĩa nữa; QKV, QK2 và QK7X cũng không phải Quân khu.

            ```
            BQP trong khối mã
            ```

            Cuối cùng mới đến BQP.
            """);

        var (response, page) = await _reader.GetPageAsync("/bai-viet/" + slug);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var abbrs = Abbrs(page);
        Assert.Equal(["CCHC", "BQP"], abbrs.Select(a => a.TextContent));
        Assert.All(abbrs, a => Assert.Null(a.Closest("a, code, pre")));
        Assert.EndsWith("rồi ", abbrs[0].PreviousSibling!.TextContent, StringComparison.Ordinal);
        Assert.Equal(" ở đây.", abbrs[0].NextSibling!.TextContent);
        Assert.Equal("Bộ Quốc phòng", abbrs[1].GetAttribute("title"));
        Assert.Empty(page.QuerySelectorAll(".article-lead abbr"));
    }

    private async Task PublishAsync(string slug, string lead, string markdown)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var html = factory.Services.GetRequiredService<ArticleRenderer>().Render(markdown);
        Assert.True(html.Succeeded, html.Error);
        var sectionId = await factory.FirstSectionIdAsync();
        await factory.QueryAsync(async db =>
        {
            var article = new Article("Bài kiểm thử chữ viết tắt " + slug[^8..], slug, sectionId, now);
            article.SetContent(lead, markdown, html.Html, null, null, null, now);
            article.Publish(now);
            db.Articles.Add(article);
            return await db.SaveChangesAsync();
        });
    }

    private static int CountWord(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

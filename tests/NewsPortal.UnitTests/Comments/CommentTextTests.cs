using NewsPortal.Web.Services.Comments;

namespace NewsPortal.UnitTests.Comments;

public sealed class CommentTextTests
{
    [Fact]
    public void ParagraphsAndLineBreaks()
    {
        Assert.Equal("<p>Dòng một<br>dòng hai</p><p>Đoạn hai</p>", CommentText.ToHtml("Dòng một\r\ndòng hai\r\n\r\n\r\nĐoạn hai\n"));
    }

    [Fact]
    public void HtmlIsEncodedNeverInterpreted()
    {
        var html = CommentText.ToHtml("<script>alert(1)</script> & <img src=x onerror=alert(1)>");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("<p>&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HttpAndHttpsAddressesBecomeNofollowLinksWithoutTrailingPunctuation()
    {
        Assert.Equal(
            "<p>Xem <a href=\"https://example.vn/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">https://example.vn/a?b=1&amp;c=2</a>.</p>",
            CommentText.ToHtml("Xem https://example.vn/a?b=1&c=2."));
        Assert.Equal(2, CommentText.CountLinks("http://a.example và HTTPS://b.example"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    public void OtherSchemesStayText(string text)
    {
        Assert.DoesNotContain("<a", CommentText.ToHtml(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://x.example/\"onmouseover=\"alert(1)")]
    [InlineData("https://x.example/'onmouseover='alert(1)")]
    [InlineData("https://x.example/<script>alert(1)</script>")]
    [InlineData("https://x.example/`onfocus=alert(1)")]
    [InlineData("http://\"><svg/onload=alert(1)>")]
    public void ALinkCannotBreakOutOfItsAttribute(string text)
    {
        var html = CommentText.ToHtml(text);
        Assert.DoesNotContain("\"on", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" on", html.Replace("rel=\"nofollow ugc noopener\"", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        foreach (var element in parsed.Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, new[] { "p", "a", "br" });
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
    }
}

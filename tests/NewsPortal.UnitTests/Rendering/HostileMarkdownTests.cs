using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPortal.Web.Services.Rendering;

namespace NewsPortal.UnitTests.Rendering;

public sealed class HostileMarkdownTests
{
    private readonly ArticleRenderer _renderer = new(NullLogger<ArticleRenderer>.Instance);

    /// <summary>
    /// The corpus by index, with a printable preview for the test name. The inputs themselves are
    /// looked up by index, so control characters and lone surrogates reach the renderer unchanged.
    /// </summary>
    public static TheoryData<int, string> Cases
    {
        get
        {
            var data = new TheoryData<int, string>();
            for (var i = 0; i < HostileCorpus.Inputs.Count; i++)
            {
                data.Add(i, Preview(HostileCorpus.Inputs[i]));
            }

            return data;
        }
    }

    [Fact]
    public void CorpusHasAtLeastOneHundredDistinctEntries()
    {
        Assert.True(HostileCorpus.Inputs.Count >= 120, $"only {HostileCorpus.Inputs.Count} inputs");
        Assert.True(
            HostileCorpus.Inputs.Distinct(StringComparer.Ordinal).Count() >= 100,
            "fewer than 100 distinct inputs");
        Assert.Equal(HostileCorpus.Inputs.Count, HostileCorpus.Inputs.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderedHostileInputIsSafe(int index, string preview)
    {
        var markdown = HostileCorpus.Inputs[index];
        Assert.Equal(Preview(markdown), preview);

        RenderResult? result = null;
        var exception = Record.Exception(() => result = _renderer.Render(markdown));

        Assert.Null(exception);
        Assert.NotNull(result);
        if (!result.Succeeded)
        {
            Assert.Equal(string.Empty, result.Html);
            Assert.False(string.IsNullOrWhiteSpace(result.Error));
        }

        HtmlAssertions.AssertSafe(result.Html);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RenderedHostileInputIsSafeWhenDecomposed(int index, string preview)
    {
        // The same inputs after NFD: the renderer normalizes first, so this must be just as safe.
        var markdown = HostileCorpus.Inputs[index];
        Assert.Equal(Preview(markdown), preview);
        string decomposed;
        try
        {
            decomposed = markdown.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            decomposed = markdown;
        }

        var result = _renderer.Render(decomposed);

        HtmlAssertions.AssertSafe(result.Html);
    }

    [Theory]
    [InlineData("a.jpg", null)]
    [InlineData("/media/a.jpg", null)]
    [InlineData("//evil.example/x", null)]
    [InlineData("%6aavascript:alert(1)", null)]
    [InlineData("ｊａｖａｓｃｒｉｐｔ:alert(1)", null)]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("http://example.com", "http")]
    [InlineData("a+b-c.d:x", "a+b-c.d")]
    public void SchemeOfFollowsUrlParser(string url, string? expected)
    {
        Assert.Equal(expected, HtmlAssertions.SchemeOf(url));
    }

    [Theory]
    [InlineData(" \tJava\nScRipt:alert(1)", "javascript:alert(1)")]
    [InlineData("java\u0000script:", "javascript:")]
    [InlineData("\u0001\u001F DATA:x", "data:x")]
    public void NormalizeUrlRemovesAsciiWhitespaceAndControls(string value, string expected)
    {
        Assert.Equal(expected, HtmlAssertions.NormalizeUrl(value));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<p onclick=\"x\">a</p>")]
    [InlineData("<a href=\"java\tscript:alert(1)\">a</a>")]
    [InlineData("<a href=\" JAVASCRIPT:alert(1)\">a</a>")]
    [InlineData("<img src=\"data:image/png;base64,AA\">")]
    [InlineData("<a href=\"vbscript:x\">a</a>")]
    [InlineData("<a href=\"file:///etc/passwd\">a</a>")]
    [InlineData("<a href=\"ftp://example.com\">a</a>")]
    [InlineData("<p style=\"color:red\">a</p>")]
    [InlineData("<svg><a xlink:href=\"#x\">a</a></svg>")]
    [InlineData("<div><iframe srcdoc=\"x\"></iframe></div>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0\">")]
    [InlineData("<math><mi>x</mi></math>")]
    [InlineData("<blockquote cite=\"javascript:x\">a</blockquote>")]
    public void SafetyCheckRejectsUnsafeHtml(string html)
    {
        // The checker itself must be able to fail, or the corpus test proves nothing.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => HtmlAssertions.AssertSafe(html));
    }

    [Theory]
    [InlineData("<p><a href=\"https://example.com\" rel=\"noopener noreferrer\">a</a></p>")]
    [InlineData("<figure class=\"photo\"><img src=\"/media/a.jpg\" alt=\"a\"><figcaption>c</figcaption></figure>")]
    [InlineData("<p><a href=\"mailto:a@example.com\">a</a> <a href=\"#top\">b</a> <a href=\"tin-tuc/a\">c</a></p>")]
    public void SafetyCheckAcceptsSafeHtml(string html)
    {
        HtmlAssertions.AssertSafe(html);
    }

    private static string Preview(string markdown)
    {
        var builder = new StringBuilder();
        foreach (var c in markdown.Length > 60 ? markdown[..60] : markdown)
        {
            if (c is >= ' ' and < '\u007F')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        if (markdown.Length > 60)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({markdown.Length} chars)");
        }

        return builder.ToString();
    }
}

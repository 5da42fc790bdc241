using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsPortal.UnitTests.Rendering;

/// <summary>Parses rendered HTML the way a browser would and checks it for anything executable.</summary>
internal static class HtmlAssertions
{
    private static readonly HashSet<string> ForbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "iframe", "frame", "frameset", "form", "input", "button", "textarea", "select", "object",
        "embed", "base", "meta", "link", "style", "svg", "math", "template",
    };

    private static readonly HashSet<string> ForbiddenAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "style", "srcdoc", "formaction", "xlink:href",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "action", "cite", "poster", "formaction", "background", "longdesc", "data",
    };

    private static readonly string[] ForbiddenSchemes = ["javascript:", "data:", "vbscript:", "file:"];

    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.Ordinal) { "http", "https", "mailto" };

    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static void AssertSafe(string html)
    {
        var document = Parse(html);

        Assert.NotNull(document.Body);
        foreach (var element in document.All)
        {
            Assert.False(
                ForbiddenElements.Contains(element.LocalName),
                $"forbidden element <{element.LocalName}> in: {html}");

            foreach (var attribute in element.Attributes)
            {
                Assert.False(
                    attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase),
                    $"event handler attribute {attribute.Name} on <{element.LocalName}> in: {html}");
                Assert.False(
                    ForbiddenAttributes.Contains(attribute.Name),
                    $"forbidden attribute {attribute.Name} on <{element.LocalName}> in: {html}");
                Assert.False(
                    string.Equals(attribute.LocalName, "href", StringComparison.OrdinalIgnoreCase)
                    && !string.IsNullOrEmpty(attribute.NamespaceUri),
                    $"namespaced href {attribute.Name} on <{element.LocalName}> in: {html}");

                if (UrlAttributes.Contains(attribute.LocalName))
                {
                    AssertSafeUrl(element, attribute, html);
                }
            }
        }
    }

    private static void AssertSafeUrl(IElement element, IAttr attribute, string html)
    {
        var url = NormalizeUrl(attribute.Value);
        foreach (var forbidden in ForbiddenSchemes)
        {
            Assert.False(
                url.StartsWith(forbidden, StringComparison.Ordinal),
                $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}> uses {forbidden} in: {html}");
        }

        var scheme = SchemeOf(url);
        Assert.True(
            scheme is null || AllowedSchemes.Contains(scheme),
            $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}> uses scheme '{scheme}' in: {html}");
    }

    /// <summary>What a browser's URL parser looks at: ASCII whitespace and controls removed, lower case.</summary>
    internal static string NormalizeUrl(string value)
    {
        var kept = value.Trim().Where(c => c > ' ' && c != '\u007F');
        return new string([.. kept]).ToLowerInvariant();
    }

    /// <summary>
    /// The URL's scheme as the WHATWG URL parser sees it: an ASCII letter followed by ASCII letters,
    /// digits, '+', '-' or '.', then ':'. Anything else is a relative URL and gives null.
    /// </summary>
    internal static string? SchemeOf(string normalizedUrl)
    {
        var colon = normalizedUrl.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(normalizedUrl[0]))
        {
            return null;
        }

        var candidate = normalizedUrl[..colon];
        return candidate.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? candidate : null;
    }
}

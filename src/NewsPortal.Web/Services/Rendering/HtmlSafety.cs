using Ganss.Xss;

namespace NewsPortal.Web.Services.Rendering;

/// <summary>
/// The allowlist sanitizer that every rendered HTML passes through last. Only text-level and
/// structural tags, no style, no event handlers, no forms or frames, and links only to http(s),
/// mailto or relative URLs.
/// </summary>
internal sealed class HtmlSafety
{
    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins",
        "sub", "sup", "mark", "small", "code", "pre", "kbd", "blockquote", "q", "cite", "ul", "ol", "li",
        "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img",
        "figure", "figcaption", "abbr", "span", "div", "section",
    ];

    private static readonly string[] Attributes =
    [
        "href", "src", "alt", "title", "width", "height", "loading", "decoding", "colspan", "rowspan",
        "class", "start", "reversed", "scope", "rel",
    ];

    // Classes our own pipeline emits; anything else is dropped.
    private static readonly string[] Classes =
    [
        "photo", "text-left", "text-center", "text-right", "task-list-item",
    ];

    private readonly HtmlSanitizer _sanitizer;

    public HtmlSafety()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite", "action", "formaction", "poster", "background", "longdesc", "usemap", "xlink:href"], StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(Classes, StringComparer.Ordinal),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        _sanitizer.PostProcessNode += (_, e) =>
        {
            // Photos from our own media store get responsive sizes; built from the sanitized src.
            if (e.Node is AngleSharp.Html.Dom.IHtmlImageElement image
                && image.GetAttribute("src") is { } src
                && src.StartsWith("/media/", StringComparison.Ordinal)
                && !src.StartsWith("/media/w", StringComparison.Ordinal))
            {
                image.SetAttribute("srcset", Domain.Media.SrcSetFor(Uri.UnescapeDataString(src["/media/".Length..])));
                image.SetAttribute("sizes", "(min-width: 48rem) 46rem, 100vw");
            }

            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor
                && anchor.GetAttribute("href") is { } href
                && (href.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("//", StringComparison.Ordinal)))
            {
                anchor.SetAttribute("rel", "noopener noreferrer");
            }
        };
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);
}

using System.Net;
using System.Text.RegularExpressions;

namespace NewsPortal.Web.Services.Search;

/// <summary>The readable text of sanitized article HTML, for indexing and snippets.</summary>
public static partial class PlainText
{
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return string.Empty;
        }

        // The HTML is the sanitizer's output: well formed, no scripts or comments to skip.
        var text = Tags().Replace(html, " ");
        text = WebUtility.HtmlDecode(text);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace NewsPortal.Web.Services.Comments;

/// <summary>
/// A reader's comment as HTML: plain text, paragraphs at blank lines, line breaks, and
/// http/https addresses as links (rel="nofollow ugc noopener"). Everything else is encoded.
/// </summary>
public static partial class CommentText
{
    private const string TrailingPunctuation = ".,;:!?)]}'\"";

    // Vietnamese letters as UTF-8 characters, like the rest of the site; markup characters still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ToHtml(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var html = new StringBuilder(text.Length + 32);
        foreach (var paragraph in ParagraphBreak().Split(text))
        {
            var trimmed = paragraph.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            html.Append("<p>");
            var lines = trimmed.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.Append("<br>");
                }

                AppendLine(html, lines[i].Trim());
            }

            html.Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>The number of http/https links in a comment (for the hold rule).</summary>
    public static int CountLinks(string body) => Url().Count(body ?? string.Empty);

    private static void AppendLine(StringBuilder html, string line)
    {
        var encoder = Encoder;
        var position = 0;
        foreach (Match match in Url().Matches(line))
        {
            var url = match.Value.TrimEnd(TrailingPunctuation.ToCharArray());
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                continue;
            }

            html.Append(encoder.Encode(line[position..match.Index]));
            var encoded = encoder.Encode(url);
            html.Append("<a href=\"").Append(encoded).Append("\" rel=\"nofollow ugc noopener\">").Append(encoded).Append("</a>");
            position = match.Index + url.Length;
        }

        html.Append(encoder.Encode(line[position..]));
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"https?://[^\s<>""'`]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}

using System.Globalization;
using System.Net;
using System.Text;

namespace NewsPortal.Web.Services.Glossary;

/// <summary>An article's lead and body as shown, with the first use of each abbreviation marked.</summary>
/// <param name="LeadHtml">The lead (plain text) HTML-encoded, with its <c>&lt;abbr&gt;</c> marks.</param>
/// <param name="BodyHtml">The stored body HTML with its <c>&lt;abbr&gt;</c> marks.</param>
public sealed record MarkedArticle(string LeadHtml, string BodyHtml);

/// <summary>
/// Marks the first use of each glossary abbreviation in an article as
/// <c>&lt;abbr title="cải cách hành chính"&gt;CCHC&lt;/abbr&gt;</c>, at display time, on the
/// already-sanitized HTML. Text nodes are walked in document order, the lead first: a short form
/// used in the lead is not marked again in the body. Only whole words match (Unicode letters,
/// digits and combining marks are word characters, so "QK2" and "CCHCX" are not "QK" or "CCHC"),
/// the short form's case must match, and text inside <c>a</c>, <c>abbr</c>, <c>code</c>,
/// <c>pre</c>, <c>kbd</c>, <c>samp</c>, <c>script</c>, <c>style</c> and <c>textarea</c> is left
/// alone. Headings are marked like any other text. An <c>&lt;abbr&gt;</c> the author wrote
/// (Markdown <c>*[CCHC]: …</c>) counts as the first use of its short form.
/// The only markup added is <c>abbr</c> with <c>title</c>, which <c>HtmlSafety</c> allows too.
/// </summary>
/// <remarks>
/// The body is the sanitizer's output (well-formed, quoted attributes, no raw-text elements), so
/// it is read with a small tag scanner rather than parsed into a DOM: tags and attributes are
/// copied as they are, only text between tags is searched, and character references next to a
/// match are decoded for the word-boundary check. An unmarked article comes back as the same
/// string. This keeps an uncached article view well under a millisecond (parsing it with
/// AngleSharp took about 3 ms).
/// </remarks>
public static class AbbreviationMarker
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "textarea", "template",
    };

    public static MarkedArticle Mark(string? lead, string? bodyHtml, IReadOnlyList<GlossaryEntry> glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        var leadHtml = Encode(lead ?? string.Empty);
        bodyHtml ??= string.Empty;

        // Most articles use few of the entries: only those that occur at all are looked for.
        var candidates = glossary
            .Where(e => e.ShortForm.Length > 0
                && (leadHtml.Contains(Encode(e.ShortForm), StringComparison.Ordinal)
                    || bodyHtml.Contains(Encode(e.ShortForm), StringComparison.Ordinal)
                    || bodyHtml.Contains("&#", StringComparison.Ordinal)))
            .DistinctBy(e => e.ShortForm, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return new MarkedArticle(leadHtml, bodyHtml);
        }

        var pending = candidates.ToDictionary(e => e.ShortForm, StringComparer.Ordinal);
        var markedLead = MarkHtml(leadHtml, pending);
        var markedBody = pending.Count > 0 ? MarkHtml(bodyHtml, pending) : bodyHtml;
        return new MarkedArticle(markedLead, markedBody);
    }

    /// <summary>HTML-encodes plain text for an element's content or a quoted attribute.</summary>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '"' => builder.Append("&quot;"),
                '\'' => builder.Append("&#39;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    /// <summary>
    /// Marks, in document order, the first use of each entry still in <paramref name="pending"/>
    /// (and removes it). Returns <paramref name="html"/> itself when nothing was marked.
    /// </summary>
    private static string MarkHtml(string html, Dictionary<string, GlossaryEntry> pending)
    {
        StringBuilder? output = null;
        var copiedTo = 0;
        var open = new List<string>();
        var i = 0;
        while (i < html.Length && pending.Count > 0)
        {
            if (html[i] == '<')
            {
                var end = TagEnd(html, i);
                var (name, closing) = TagName(html, i, end);
                if (name.Length > 0 && Skipped.Contains(name))
                {
                    if (closing)
                    {
                        var last = open.FindLastIndex(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
                        if (last >= 0)
                        {
                            open.RemoveRange(last, open.Count - last);
                        }
                    }
                    else if (html[end - 2] != '/')
                    {
                        open.Add(name);
                        if (name.Equals("abbr", StringComparison.OrdinalIgnoreCase))
                        {
                            // An abbreviation the author explained counts as its first use.
                            pending.Remove(TextOf(html, end, "abbr").Trim());
                        }
                    }
                }

                i = end;
                continue;
            }

            var next = html.IndexOf('<', i);
            var textEnd = next < 0 ? html.Length : next;
            if (open.Count == 0)
            {
                var position = i;
                while (pending.Count > 0 && Earliest(html, position, textEnd, pending.Values) is { } match)
                {
                    output ??= new StringBuilder(html.Length + 256);
                    var encoded = Encode(match.Entry.ShortForm);
                    output.Append(html, copiedTo, match.Index - copiedTo)
                        .Append("<abbr title=\"").Append(Encode(match.Entry.Expansion)).Append("\">")
                        .Append(encoded).Append("</abbr>");
                    position = copiedTo = match.Index + encoded.Length;
                    pending.Remove(match.Entry.ShortForm);
                }
            }

            i = textEnd;
        }

        return output is null ? html : output.Append(html, copiedTo, html.Length - copiedTo).ToString();
    }

    /// <summary>The index just after the tag (or comment) that starts at <paramref name="start"/>; quoted attribute values may hold '&gt;'.</summary>
    private static int TagEnd(string html, int start)
    {
        if (string.CompareOrdinal(html, start, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", start + 4, StringComparison.Ordinal);
            return close < 0 ? html.Length : close + 3;
        }

        var quote = '\0';
        for (var j = start + 1; j < html.Length; j++)
        {
            var c = html[j];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j + 1;
            }
        }

        return html.Length;
    }

    private static (string Name, bool Closing) TagName(string html, int start, int end)
    {
        var j = start + 1;
        var closing = j < end && html[j] == '/';
        if (closing)
        {
            j++;
        }

        var nameStart = j;
        while (j < end && char.IsAsciiLetterOrDigit(html[j]))
        {
            j++;
        }

        return (html[nameStart..j], closing);
    }

    /// <summary>The text (tags dropped, references decoded) from <paramref name="start"/> to the next closing tag of <paramref name="name"/>.</summary>
    private static string TextOf(string html, int start, string name)
    {
        var close = html.IndexOf("</" + name, start, StringComparison.OrdinalIgnoreCase);
        var inner = html[start..(close < 0 ? html.Length : close)];
        var text = new StringBuilder(inner.Length);
        var inTag = false;
        foreach (var c in inner)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return WebUtility.HtmlDecode(text.ToString());
    }

    /// <summary>The first whole-word use in html[start..end) of any of the entries; the longest wins a tie.</summary>
    private static (int Index, GlossaryEntry Entry)? Earliest(string html, int start, int end, IEnumerable<GlossaryEntry> entries)
    {
        (int Index, GlossaryEntry Entry)? best = null;
        foreach (var entry in entries)
        {
            var word = Encode(entry.ShortForm);
            var index = FindWord(html, word, start, end);
            if (index >= 0
                && (best is null || index < best.Value.Index
                    || (index == best.Value.Index && word.Length > Encode(best.Value.Entry.ShortForm).Length)))
            {
                best = (index, entry);
            }
        }

        return best;
    }

    /// <summary>Where <paramref name="word"/> (encoded) stands alone in the text html[start..end), or -1.</summary>
    private static int FindWord(string html, string word, int start, int end)
    {
        var from = start;
        while (from <= end - word.Length)
        {
            var index = html.IndexOf(word, from, end - from, StringComparison.Ordinal);
            if (index < 0)
            {
                return -1;
            }

            if (!IsWordRune(RuneBefore(html, index, start)) && !IsWordRune(RuneAt(html, index + word.Length, end)))
            {
                return index;
            }

            from = index + 1;
        }

        return -1;
    }

    /// <summary>The character that ends just before <paramref name="index"/> as a reader sees it (a character reference decoded).</summary>
    private static Rune? RuneBefore(string html, int index, int start)
    {
        if (index <= start)
        {
            return null;
        }

        if (html[index - 1] == ';')
        {
            var amp = html.LastIndexOf('&', index - 1, Math.Min(index - start, 12));
            if (amp >= 0 && WebUtility.HtmlDecode(html[amp..index]) is { Length: > 0 } decoded && decoded != html[amp..index])
            {
                return Rune.DecodeLastFromUtf16(decoded, out var r, out _) == System.Buffers.OperationStatus.Done ? r : null;
            }
        }

        return Rune.DecodeLastFromUtf16(html.AsSpan(start, index - start), out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : null;
    }

    /// <summary>The character that starts at <paramref name="index"/> as a reader sees it (a character reference decoded).</summary>
    private static Rune? RuneAt(string html, int index, int end)
    {
        if (index >= end)
        {
            return null;
        }

        if (html[index] == '&')
        {
            var semicolon = html.IndexOf(';', index, Math.Min(end - index, 12));
            if (semicolon > index && WebUtility.HtmlDecode(html[index..(semicolon + 1)]) is { Length: > 0 } decoded && decoded != html[index..(semicolon + 1)])
            {
                return Rune.DecodeFromUtf16(decoded, out var r, out _) == System.Buffers.OperationStatus.Done ? r : null;
            }
        }

        return Rune.DecodeFromUtf16(html.AsSpan(index, end - index), out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : null;
    }

    private static bool IsWordRune(Rune? rune) =>
        rune is { } r
        && (Rune.IsLetterOrDigit(r)
            || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
}

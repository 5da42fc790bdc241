using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

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
public static class AbbreviationMarker
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "textarea", "template",
    };

    public static MarkedArticle Mark(string? lead, string? bodyHtml, IReadOnlyList<GlossaryEntry> glossary)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        lead ??= string.Empty;
        bodyHtml ??= string.Empty;

        // Most articles use few of the entries: only those that occur at all are looked for.
        // (The sanitizer writes letters as themselves, never as character references.)
        var candidates = glossary
            .Where(e => e.ShortForm.Length > 0
                && (lead.Contains(e.ShortForm, StringComparison.Ordinal)
                    || bodyHtml.Contains(e.ShortForm, StringComparison.Ordinal)
                    || bodyHtml.Contains(Encode(e.ShortForm), StringComparison.Ordinal)
                    || bodyHtml.Contains("&#", StringComparison.Ordinal)))
            .DistinctBy(e => e.ShortForm, StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0)
        {
            return new MarkedArticle(Encode(lead), bodyHtml);
        }

        var document = Parser.ParseDocument(string.Empty);
        var leadElement = document.CreateElement("p");
        leadElement.TextContent = lead;
        var bodyElement = document.CreateElement("div");
        bodyElement.InnerHtml = bodyHtml;

        var pending = candidates.ToDictionary(e => e.ShortForm, StringComparer.Ordinal);
        var leadChanged = MarkWithin(leadElement, pending);
        var bodyChanged = pending.Count > 0 && MarkWithin(bodyElement, pending);
        return new MarkedArticle(
            leadChanged ? leadElement.InnerHtml : Encode(lead),
            bodyChanged ? bodyElement.InnerHtml : bodyHtml);
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
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>Marks, in document order, the first use of each entry still in <paramref name="pending"/> (and removes it).</summary>
    private static bool MarkWithin(IElement root, Dictionary<string, GlossaryEntry> pending)
    {
        var changed = false;
        var stack = new Stack<INode>();
        for (var i = root.ChildNodes.Length - 1; i >= 0; i--)
        {
            stack.Push(root.ChildNodes[i]);
        }

        while (stack.Count > 0 && pending.Count > 0)
        {
            var node = stack.Pop();
            if (node is IElement element)
            {
                if (Skipped.Contains(element.LocalName))
                {
                    if (element.LocalName.Equals("abbr", StringComparison.OrdinalIgnoreCase))
                    {
                        pending.Remove(element.TextContent.Trim());
                    }

                    continue;
                }

                for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push(element.ChildNodes[i]);
                }
            }
            else if (node is IText text)
            {
                changed |= MarkText(text, pending);
            }
        }

        return changed;
    }

    private static bool MarkText(IText text, Dictionary<string, GlossaryEntry> pending)
    {
        var value = text.Data;
        var parent = text.Parent;
        if (parent is null || value.Length == 0)
        {
            return false;
        }

        var document = text.Owner!;
        var replacement = new List<INode>();
        var position = 0;
        while (pending.Count > 0 && Earliest(value, position, pending.Values) is { } match)
        {
            if (match.Index > position)
            {
                replacement.Add(document.CreateTextNode(value[position..match.Index]));
            }

            var abbr = document.CreateElement("abbr");
            abbr.SetAttribute("title", match.Entry.Expansion);
            abbr.TextContent = match.Entry.ShortForm;
            replacement.Add(abbr);
            position = match.Index + match.Entry.ShortForm.Length;
            pending.Remove(match.Entry.ShortForm);
        }

        if (replacement.Count == 0)
        {
            return false;
        }

        if (position < value.Length)
        {
            replacement.Add(document.CreateTextNode(value[position..]));
        }

        foreach (var node in replacement)
        {
            parent.InsertBefore(node, text);
        }

        parent.RemoveChild(text);
        return true;
    }

    /// <summary>The first whole-word use, from <paramref name="start"/>, of any of the entries; the longest wins a tie.</summary>
    private static (int Index, GlossaryEntry Entry)? Earliest(string text, int start, IEnumerable<GlossaryEntry> entries)
    {
        (int Index, GlossaryEntry Entry)? best = null;
        foreach (var entry in entries)
        {
            var index = FindWord(text, entry.ShortForm, start);
            if (index >= 0
                && (best is null || index < best.Value.Index
                    || (index == best.Value.Index && entry.ShortForm.Length > best.Value.Entry.ShortForm.Length)))
            {
                best = (index, entry);
            }
        }

        return best;
    }

    private static int FindWord(string text, string word, int start)
    {
        var from = start;
        while (from <= text.Length - word.Length)
        {
            var index = text.IndexOf(word, from, StringComparison.Ordinal);
            if (index < 0)
            {
                return -1;
            }

            if (!IsWordCharacterBefore(text, index) && !IsWordCharacterAt(text, index + word.Length))
            {
                return index;
            }

            from = index + 1;
        }

        return -1;
    }

    private static bool IsWordCharacterAt(string text, int index) =>
        index < text.Length && Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == System.Buffers.OperationStatus.Done && IsWordRune(rune);

    private static bool IsWordCharacterBefore(string text, int index) =>
        index > 0 && Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var rune, out _) == System.Buffers.OperationStatus.Done && IsWordRune(rune);

    private static bool IsWordRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}

using System.Text;

namespace NewsPortal.Web.Services.Seo;

/// <summary>Plain text for meta descriptions: whitespace collapsed, cut at a word boundary.</summary>
public static class MetaText
{
    public const int DescriptionLength = 160;

    public static string Description(string? text, int maxLength = DescriptionLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var collapsed = Collapse(text);
        if (collapsed.Length <= maxLength)
        {
            return collapsed;
        }

        // Room for the ellipsis; cut at the last space so no word is broken.
        var cut = collapsed[..(maxLength - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > maxLength / 2)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '–', '-') + "…";
    }

    private static string Collapse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

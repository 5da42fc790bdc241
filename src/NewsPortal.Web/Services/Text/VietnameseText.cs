using System.Globalization;
using System.Text;

namespace NewsPortal.Web.Services.Text;

/// <summary>
/// The Vietnamese text core: Unicode NFC normalization, slugs and accent folding.
/// Pure functions, so they can be used from entities, model binders and the DbContext alike.
/// </summary>
public static class VietnameseText
{
    /// <summary>Returns <paramref name="value"/> in Unicode NFC; null stays null.</summary>
    /// <remarks>
    /// Vietnamese arrives in NFD from macOS and some IMEs, and in NFC from most others:
    /// without one form, equal words compare unequal and unique indexes let duplicates in.
    /// </remarks>
    public static string? Nfc(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        try
        {
            return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalized; replace them rather than fail the request.
            return RemoveInvalidSurrogates(value).Normalize(NormalizationForm.FormC);
        }
    }

    /// <summary>
    /// Folds Vietnamese to lower-case ASCII letters and digits: strips every tone and vowel mark
    /// (stacked ones too), maps đ/Đ to d (đ has no Unicode decomposition), lowercases.
    /// Other characters are kept as they are.
    /// </summary>
    public static string Fold(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var decomposed = RemoveInvalidSurrogates(value).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }

            builder.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Makes a URL slug: folded to ASCII, runs of anything but a–z and 0–9 become one hyphen,
    /// no leading or trailing hyphen, at most <paramref name="maxLength"/> characters, cut at a word.
    /// </summary>
    public static string Slugify(string? value, int maxLength = 120)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var folded = Fold(value);
        var builder = new StringBuilder(Math.Min(folded.Length, maxLength + 1));
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingHyphen = false;
                builder.Append(c);
            }
            else
            {
                pendingHyphen = true;
            }
        }

        if (builder.Length <= maxLength)
        {
            return builder.ToString();
        }

        var cut = builder.ToString(0, maxLength);
        if (builder[maxLength] == '-')
        {
            return cut; // the cut falls exactly at the end of a word
        }

        var lastHyphen = cut.LastIndexOf('-');
        return lastHyphen > maxLength / 2 ? cut[..lastHyphen] : cut.TrimEnd('-');
    }

    private static string RemoveInvalidSurrogates(string value)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var valid = !char.IsSurrogate(c)
                || (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(value[i - 1]));
            if (!valid)
            {
                builder ??= new StringBuilder(value, 0, i, value.Length);
                builder.Append('\uFFFD');
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? value;
    }
}

using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace NewsPortal.Web.Services.Text;

/// <summary>The legacy 8-bit Vietnamese encodings that <see cref="LegacyVietnamese"/> recognises.</summary>
public enum LegacyEncoding
{
    /// <summary>Not legacy text: Unicode, plain ASCII or another language.</summary>
    None,

    /// <summary>TCVN 5712:1993 VN3, known as "ABC": the .VnTime and .VnArial fonts.</summary>
    Tcvn3,

    /// <summary>VNI-Windows: the VNI-Times fonts, which write a base letter followed by mark characters.</summary>
    Vni,
}

/// <summary>The result of <see cref="LegacyVietnamese.Repair"/>: the text and the encoding it was converted from.</summary>
/// <param name="Text">
/// The converted text in NFC, or the input unchanged when nothing was converted. That includes a null input, which
/// comes back as null although the type says otherwise, so optional form fields can be passed straight through.
/// </param>
/// <param name="Encoding">The legacy encoding detected, or <see cref="LegacyEncoding.None"/>.</param>
public sealed record LegacyConversion(string Text, LegacyEncoding Encoding)
{
    /// <summary>True when the input was legacy text and <see cref="Text"/> is its Unicode conversion.</summary>
    public bool Converted => Encoding != LegacyEncoding.None;
}

/// <summary>
/// Detects Vietnamese pasted in the pre-Unicode TCVN3 (ABC) and VNI encodings and converts it to Unicode NFC.
/// </summary>
/// <remarks>
/// <para>
/// Documents typed in .VnTime or VNI-Times fonts store Vietnamese as single bytes whose glyphs are drawn by the font.
/// Copied out of such a document the bytes arrive as Windows-1252/Latin-1 characters, so "Cộng hòa" pastes as
/// "Céng hßa" (TCVN3) or "Coäng hoøa" (VNI). Editors cannot read that, search does not find it, and it renders as
/// gibberish in any other font, so it is converted on the way in.
/// </para>
/// <para>
/// Both encodings reuse ordinary Latin-1 letters (é, ö, ü, ñ…), so the mere presence of such a character proves
/// nothing: French, German and ordinary Unicode Vietnamese contain them too. Detection therefore converts each word
/// with each encoding and accepts an encoding only when the conversion clearly turns non-words into valid Vietnamese
/// syllables. Anything doubtful is left alone: a missed conversion is an annoyance, a wrong one corrupts an article.
/// </para>
/// <para>All members are pure and thread-safe; the lookup tables are immutable.</para>
/// </remarks>
public static class LegacyVietnamese
{
    /// <summary>
    /// The twelve Vietnamese vowels, six characters each: the bare vowel, then huyền (grave), sắc (acute),
    /// hỏi (hook), ngã (tilde) and nặng (dot below). Row order: a ă â e ê i o ô ơ u ư y.
    /// Composing from this one table keeps both decoders and the syllable check consistent.
    /// </summary>
    private const string VowelTable =
        "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";

    private const int RowA = 0;
    private const int RowABreve = 1;
    private const int RowACircumflex = 2;
    private const int RowE = 3;
    private const int RowECircumflex = 4;
    private const int RowO = 6; // row 5 is i, which VNI writes as single characters
    private const int RowOCircumflex = 7;
    private const int RowOHorn = 8;
    private const int RowU = 9;
    private const int RowUHorn = 10;
    private const int RowY = 11;

    private const int ToneNone = 0;
    private const int ToneGrave = 1;
    private const int ToneAcute = 2;
    private const int ToneHook = 3;
    private const int ToneTilde = 4;
    private const int ToneDot = 5;

    /// <summary>The longest Vietnamese syllable ("nghiêng", "khuyếch") has 7 letters; anything longer is not one.</summary>
    private const int MaxSyllableLength = 7;

    /// <summary>Words longer than this are not decoded during detection: they cannot be syllables anyway.</summary>
    private const int MaxDetectWordLength = 32;

    /// <summary><see cref="SyllableWeight"/> of a syllable with a common rhyme; a rare rhyme weighs 1, a non-syllable 0.</summary>
    private const int CommonSyllable = 2;

    /// <summary>
    /// How many legacy words a text needs per Unicode Vietnamese word before its legacy words are converted.
    /// A Unicode article quoting a stray legacy or foreign word stays untouched.
    /// </summary>
    private const int LegacyDominance = 2;

    /// <summary>Every Vietnamese vowel letter, both cases, to its index in <see cref="VowelTable"/> (row × 6 + tone).</summary>
    private static readonly FrozenDictionary<char, int> VowelIndex = BuildVowelIndex();

    /// <summary>
    /// Onsets, longest first so that "ngh" is tried before "ng" and "n". "gi" and "g" are both listed because
    /// "gì", "gìn" and "giếng" spell the gi onset with the vowel's own i.
    /// </summary>
    private static readonly string[] Onsets =
    [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", string.Empty,
    ];

    /// <summary>
    /// The rhymes (medial, nucleus and final, without tone) Vietnamese spelling allows. After q the medial u is
    /// written but also may precede a bare rhyme ("quen" = qu + en), which <see cref="RhymeWeight"/> handles.
    /// </summary>
    private static readonly FrozenSet<string> Rhymes = FrozenSet.Create(
        StringComparer.Ordinal,
        "a", "ai", "ao", "au", "ay", "ac", "ach", "am", "an", "ang", "anh", "ap", "at",
        "ăc", "ăm", "ăn", "ăng", "ăp", "ăt",
        "âc", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
        "e", "eo", "ec", "em", "en", "eng", "ep", "et",
        "ê", "êu", "êch", "êm", "ên", "ênh", "êp", "êt",
        "i", "ia", "iu", "ich", "im", "in", "inh", "ip", "it",
        "iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
        "o", "oa", "oai", "oao", "oay", "oac", "oach", "oam", "oan", "oang", "oanh", "oap", "oat",
        "oăc", "oăm", "oăn", "oăng", "oăp", "oăt",
        "oe", "oeo", "oec", "oem", "oen", "oeng", "oet",
        "oi", "oc", "om", "on", "ong", "op", "ot", "ooc", "oong",
        "ô", "ôi", "ôc", "ôm", "ôn", "ông", "ôp", "ôt",
        "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
        "u", "ua", "ui", "uc", "um", "un", "ung", "up", "ut",
        "uơ", "uôc", "uôi", "uôm", "uôn", "uông", "uôt",
        "uê", "uêch", "uênh", "uêu",
        "uân", "uâng", "uât", "uây",
        "uy", "uya", "uych", "uyn", "uynh", "uyp", "uyt", "uyu", "uyên", "uyêt",
        "ư", "ưa", "ưi", "ưu", "ưc", "ưm", "ưn", "ưng", "ưt",
        "ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
        "y", "yêm", "yên", "yêng", "yêt", "yêu");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RhymeLookup =
        Rhymes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Rhymes that are valid but rare ("xoong", "ngoẹo", "khuỷu"). A word that only becomes one of these is weak
    /// evidence: VNI "Coäng" read as TCVN3 gives the well-formed but unlikely "Coọng" instead of "Cộng".
    /// </summary>
    private static readonly FrozenSet<string> RareRhymes = FrozenSet.Create(
        StringComparer.Ordinal,
        "eng", "oao", "oam", "oap", "oăm", "oăp", "oăt", "oeo", "oec", "oem", "oen", "oeng", "ooc", "oong",
        "uơ", "uêu", "uêch", "uênh", "uâng", "uych", "uyn", "uyp", "uyu", "ưm", "ưn", "yêng");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RareRhymeLookup =
        RareRhymes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Characters that end a sentence or a line; see <see cref="ResolveUndecided"/>.</summary>
    private static readonly SearchValues<char> SentenceBreaks = SearchValues.Create(".!?\n\r\u2029\u2026");

    /// <summary>How a word was judged while deciding which words of a mixed text to convert.</summary>
    private enum WordKind
    {
        /// <summary>Contains Vietnamese letters outside Latin-1, so it is Unicode already.</summary>
        Unicode,

        /// <summary>A non-syllable that the conversion turns into a syllable: legacy.</summary>
        Legacy,

        /// <summary>Changed by the conversion but ambiguous; takes the kind of its nearest decided neighbour.</summary>
        Undecided,
    }

    /// <summary>
    /// Detects TCVN3/VNI text and returns it converted to Unicode NFC; text that is already Unicode
    /// (or plain ASCII, or another language) comes back unchanged with <see cref="LegacyEncoding.None"/>.
    /// </summary>
    /// <remarks>
    /// Null and empty come back as they are, null included (see <see cref="LegacyConversion.Text"/>), so an optional
    /// field stays null. When the text mixes Unicode and legacy words and the legacy words clearly dominate, only the
    /// legacy words are converted.
    /// </remarks>
    public static LegacyConversion Repair(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return new LegacyConversion(text!, LegacyEncoding.None);
        }

        // Legacy text that passed through NFD (macOS clipboards) has "e" + U+0301 where the code was "é".
        var source = ToNfc(text);
        var (encoding, evidence) = Analyze(source);
        if (encoding == LegacyEncoding.None)
        {
            return new LegacyConversion(text, LegacyEncoding.None);
        }

        // Pure legacy text is converted as a whole, exactly as FromTcvn3/FromVni would; only a text that also holds
        // Unicode words needs the word-by-word decision, so that those words are not converted a second time.
        var converted = evidence.UnicodeWords == 0
            ? Convert(source, encoding)
            : ConvertLegacyWords(source, encoding);
        return new LegacyConversion(converted, encoding);
    }

    /// <summary>Returns the legacy encoding <paramref name="text"/> is written in, or <see cref="LegacyEncoding.None"/>.</summary>
    /// <remarks>The same decision <see cref="Repair"/> makes; conservative, so doubtful text reports None.</remarks>
    public static LegacyEncoding Detect(string? text) =>
        string.IsNullOrEmpty(text) ? LegacyEncoding.None : Analyze(ToNfc(text)).Encoding;

    /// <summary>Converts TCVN3 (ABC) text to Unicode NFC without any detection: every TCVN3 code is converted.</summary>
    /// <remarks>
    /// Upper-case toned letters do not exist in TCVN3 (ABC); .VnTimeH fonts draw the lower-case codes as capitals,
    /// so such text comes out in lower case. Only Ă Â Ê Ô Ơ Ư Đ have upper-case codes.
    /// </remarks>
    public static string FromTcvn3(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert(text, LegacyEncoding.Tcvn3);
    }

    /// <summary>Converts VNI-Windows text to Unicode NFC without any detection.</summary>
    public static string FromVni(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert(text, LegacyEncoding.Vni);
    }

    private static string Convert(string text, LegacyEncoding encoding)
    {
        if (text.Length == 0)
        {
            return text;
        }

        // The codes are precomposed Latin-1 letters; undo an NFD round trip before looking them up.
        text = ToNfc(text);

        // Decoding never lengthens text, so one buffer of the input's length suffices.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var written = Decode(text, buffer, encoding);
            return ToNfc(new string(buffer, 0, written));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Converts only the words judged legacy: a Unicode title above a pasted legacy paragraph keeps its
    /// "Lê" and "trì", which TCVN3 would otherwise turn into "Lờ" and "trỡ".
    /// </summary>
    private static string ConvertLegacyWords(string text, LegacyEncoding encoding)
    {
        var words = new List<MarkedWord>();
        Span<char> small = stackalloc char[MaxDetectWordLength];
        var ordinal = 0;
        var position = 0;
        var breaks = 0;
        var scanned = 0;
        while (NextWord(text, ref position, encoding, out var start, out var length))
        {
            ordinal++;
            var word = text.AsSpan(start, length);
            WordKind kind;
            if (HasCharBeyondLatin1(word))
            {
                if (!HasVietnameseBeyondLatin1(word))
                {
                    continue;
                }

                kind = WordKind.Unicode;
            }
            else
            {
                var converted = length <= small.Length ? small : new char[length];
                converted = converted[..Decode(word, converted, encoding)];
                if (word.SequenceEqual(converted))
                {
                    continue;
                }

                kind = !IsSyllable(word) && IsSyllable(converted) ? WordKind.Legacy : WordKind.Undecided;
            }

            // Sentence breaks before this word, counted once over the whole text.
            breaks += CountSentenceBreaks(text.AsSpan(scanned, start - scanned));
            scanned = start;
            words.Add(new MarkedWord(start, length, ordinal, breaks, kind));
        }

        ResolveUndecided(words);
        var builder = new StringBuilder(text.Length);
        var copied = 0;
        foreach (var (start, length, _, _, kind) in words)
        {
            if (kind != WordKind.Legacy)
            {
                continue;
            }

            builder.Append(text, copied, start - copied);
            var word = text.AsSpan(start, length);
            var converted = length <= small.Length ? small : new char[length];
            builder.Append(converted[..Decode(word, converted, encoding)]);
            copied = start + length;
        }

        builder.Append(text, copied, text.Length - copied);
        return ToNfc(builder.ToString());
    }

    /// <summary>
    /// An undecided word follows the nearest decided word. A sentence or line break between them counts as far away,
    /// so the first words of a pasted paragraph follow that paragraph rather than the Unicode heading above it;
    /// remaining ties go to the preceding word. Two linear passes, so long runs of undecided words stay cheap.
    /// </summary>
    private static void ResolveUndecided(List<MarkedWord> words)
    {
        var previous = new int[words.Count];
        var last = -1;
        for (var i = 0; i < words.Count; i++)
        {
            previous[i] = last;
            last = words[i].Kind == WordKind.Undecided ? last : i;
        }

        var next = -1;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var word = words[i];
            if (word.Kind != WordKind.Undecided)
            {
                next = i;
                continue;
            }

            var before = previous[i] < 0 ? int.MaxValue : Distance(words[previous[i]], word);
            var after = next < 0 ? int.MaxValue : Distance(word, words[next]);
            var kind = before == int.MaxValue && after == int.MaxValue ? WordKind.Legacy
                : before <= after ? words[previous[i]].Kind
                : words[next].Kind;
            words[i] = word with { Kind = kind };
        }

        static int Distance(MarkedWord first, MarkedWord second) =>
            second.Ordinal - first.Ordinal + (first.Breaks == second.Breaks ? 0 : 1_000_000);
    }

    private static int CountSentenceBreaks(ReadOnlySpan<char> span)
    {
        var count = 0;
        int index;
        while ((index = span.IndexOfAny(SentenceBreaks)) >= 0)
        {
            count++;
            span = span[(index + 1)..];
        }

        return count;
    }

    /// <summary>A word of a mixed text that the conversion would change, or a Unicode word.</summary>
    /// <param name="Start">Index of the word in the text.</param>
    /// <param name="Length">Length of the word.</param>
    /// <param name="Ordinal">Position among all words, for distances.</param>
    /// <param name="Breaks">Sentence and line breaks before the word, to see whether two words share a sentence.</param>
    /// <param name="Kind">How the word was judged.</param>
    private readonly record struct MarkedWord(int Start, int Length, int Ordinal, int Breaks, WordKind Kind);

    /// <summary>What converting a text with one encoding did to its words.</summary>
    /// <param name="Words">All words.</param>
    /// <param name="Valid">Words that are Vietnamese syllables after the conversion.</param>
    /// <param name="WithDiacritics">Words holding a non-ASCII letter after the conversion.</param>
    /// <param name="Changed">Words the conversion changed.</param>
    /// <param name="ChangedValid">Changed words that became syllables.</param>
    /// <param name="Gained">Changed words of two or more characters that were not syllables and became ones.</param>
    /// <param name="Score">
    /// The weight (<see cref="SyllableWeight"/>) of the gained words, less <see cref="CommonSyllable"/> for each word
    /// that was a syllable and stopped being one.
    /// </param>
    /// <param name="Telltales">Gained words that show a <see cref="HasTelltale">telltale</see> of the encoding.</param>
    /// <param name="UnicodeWords">Words holding Vietnamese letters beyond Latin-1, i.e. Unicode Vietnamese.</param>
    private readonly record struct Evidence(
        int Words,
        int Valid,
        int WithDiacritics,
        int Changed,
        int ChangedValid,
        int Gained,
        int Score,
        int Telltales,
        int UnicodeWords)
    {
        /// <summary>
        /// Whether the evidence shows legacy text. Each rule guards against a known false positive:
        /// a net gain of at least one common syllable (Unicode Vietnamese, where conversions only swap one syllable
        /// for another; stray symbols such as µ or ª that happen to decode to a vowel);
        /// most changed words valid (French and German, whose accented words turn into junk);
        /// legacy words outnumbering Unicode words two to one (a Unicode article quoting a stray word);
        /// a telltale when a single word is the only evidence (French "Où ?" reads as VNI "Ó ?");
        /// at least half the words syllables, or four in five when two words without a telltale are the only
        /// evidence (Spanish "Aún no ha llegado" reads as VNI "Ẳn no ha llegado").
        /// </summary>
        public bool ShowsLegacy()
        {
            if (Gained == 0 || Score < CommonSyllable || ChangedValid * 4 < Changed * 3
                || UnicodeWords * LegacyDominance > Gained || (Gained == 1 && Telltales == 0))
            {
                return false;
            }

            return Gained >= 3 || Telltales > 0
                ? Valid * 2 >= Words
                : Valid * 5 >= Words * 4 && WithDiacritics * 10 >= Words * 3;
        }

        /// <summary>Higher is more convincing: the score, then the share of changed words that became valid.</summary>
        public bool BeatenBy(Evidence other) =>
            other.Score != Score
                ? other.Score > Score
                : (long)other.ChangedValid * Changed > (long)ChangedValid * other.Changed;
    }

    private static (LegacyEncoding Encoding, Evidence Evidence) Analyze(string text)
    {
        // Both encodings only ever use characters U+00A1–U+00FF; without one there is nothing to convert.
        if (text.AsSpan().IndexOfAnyInRange('\u00A1', '\u00FF') < 0)
        {
            return (LegacyEncoding.None, default);
        }

        var tcvn3 = Gather(text, LegacyEncoding.Tcvn3);
        var vni = Gather(text, LegacyEncoding.Vni);
        return (tcvn3.ShowsLegacy(), vni.ShowsLegacy()) switch
        {
            (true, true) => tcvn3.BeatenBy(vni) ? (LegacyEncoding.Vni, vni) : (LegacyEncoding.Tcvn3, tcvn3),
            (true, false) => (LegacyEncoding.Tcvn3, tcvn3),
            (false, true) => (LegacyEncoding.Vni, vni),
            _ => (LegacyEncoding.None, default),
        };
    }

    private static Evidence Gather(string text, LegacyEncoding encoding)
    {
        int words = 0, valid = 0, withDiacritics = 0, changed = 0, changedValid = 0, gained = 0, score = 0, telltales = 0;
        var unicodeWords = 0;
        Span<char> buffer = stackalloc char[MaxDetectWordLength];
        var position = 0;
        while (NextWord(text, ref position, encoding, out var start, out var length))
        {
            words++;
            var word = text.AsSpan(start, length);
            if (HasCharBeyondLatin1(word))
            {
                // Legacy text pasted as Latin-1 cannot hold these characters: the word is Unicode already.
                unicodeWords += HasVietnameseBeyondLatin1(word) ? 1 : 0;
                valid += IsSyllable(word) ? 1 : 0;
                withDiacritics += HasNonAsciiLetter(word) ? 1 : 0;
                continue;
            }

            if (length > buffer.Length)
            {
                changed += IsLegacyCode(word, encoding) ? 1 : 0;
                continue;
            }

            var converted = buffer[..Decode(word, buffer, encoding)];
            var wasValid = IsSyllable(word);
            if (word.SequenceEqual(converted))
            {
                valid += wasValid ? 1 : 0;
                withDiacritics += HasNonAsciiLetter(word) ? 1 : 0;
                continue;
            }

            changed++;
            withDiacritics += HasNonAsciiLetter(converted) ? 1 : 0;
            var weight = SyllableWeight(converted);
            if (weight > 0)
            {
                valid++;
                changedValid++;
                if (!wasValid && length >= 2)
                {
                    gained++;
                    score += weight;
                    telltales += HasTelltale(word, encoding) ? 1 : 0;
                }
            }
            else if (wasValid)
            {
                score -= CommonSyllable;
            }
        }

        return new Evidence(words, valid, withDiacritics, changed, changedValid, gained, score, telltales, unicodeWords);
    }

    /// <summary>
    /// Finds the next word at or after <paramref name="position"/>. TCVN3 words include the symbols it uses as
    /// letters (µ for à, § for Đ, the soft hyphen for ư…); VNI uses letters only.
    /// </summary>
    private static bool NextWord(string text, ref int position, LegacyEncoding encoding, out int start, out int length)
    {
        while (position < text.Length && !IsWordChar(text[position], encoding))
        {
            position++;
        }

        start = position;
        while (position < text.Length && IsWordChar(text[position], encoding))
        {
            position++;
        }

        length = position - start;
        return length > 0;
    }

    private static bool IsWordChar(char c, LegacyEncoding encoding) =>
        char.IsLetter(c)
        || c is >= '\u0300' and <= '\u036F'
        || (encoding == LegacyEncoding.Tcvn3 && Tcvn3Letter(c) != '\0');

    /// <summary>
    /// Whether a word shows something Western European words do not. For TCVN3: a symbol code (§ for Đ, ¸ for á…;
    /// not µ or ª, which sit in "5 µm" and "Nª Sra"), a capital letter code after a small letter ("ViÖt"), or ñ
    /// after a consonant ("cña"; Spanish puts ñ only between vowels or first).
    /// For VNI: a word-initial ñ ("ñua"), or a vowel followed by a mark other than ú and ï, which follow vowels in
    /// "aún" and "Loïc"; ù counts except in the French "où".
    /// </summary>
    private static bool HasTelltale(ReadOnlySpan<char> word, LegacyEncoding encoding)
    {
        if (encoding == LegacyEncoding.Tcvn3)
        {
            for (var i = 0; i < word.Length; i++)
            {
                var c = word[i];
                var symbol = c < '\u00C0' && c is not ('\u00B5' or '\u00AA');
                var capitalAfterSmall = c is >= '\u00C0' and <= '\u00DE' && i > 0 && char.IsLower(word[i - 1]);
                var enyeAfterConsonant = c == 'ñ' && i > 0 && char.IsAsciiLetter(word[i - 1])
                    && !IsVowelShape(char.ToLowerInvariant(word[i - 1]));
                if ((symbol || capitalAfterSmall || enyeAfterConsonant) && Tcvn3Letter(c) != '\0')
                {
                    return true;
                }
            }

            return false;
        }

        if (word[0] is 'ñ' or 'Ñ')
        {
            return true;
        }

        for (var i = 0; i + 1 < word.Length; i++)
        {
            var mark = char.ToLowerInvariant(word[i + 1]);
            var telling = mark switch
            {
                'ú' or 'ï' => false,
                'ù' => !word.Equals("où", StringComparison.OrdinalIgnoreCase),
                _ => true,
            };
            if (telling && TryVniPair(word[i], word[i + 1], out _))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLegacyCode(ReadOnlySpan<char> word, LegacyEncoding encoding)
    {
        foreach (var c in word)
        {
            if (encoding == LegacyEncoding.Tcvn3 ? Tcvn3Letter(c) != '\0' : c >= '\u00C0')
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasCharBeyondLatin1(ReadOnlySpan<char> word) => word.IndexOfAnyExceptInRange('\0', '\u00FF') >= 0;

    private static bool HasVietnameseBeyondLatin1(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c is '\u0102' or '\u0103' or '\u0110' or '\u0111' or '\u0128' or '\u0129' or '\u0168' or '\u0169'
                or '\u01A0' or '\u01A1' or '\u01AF' or '\u01B0' or (>= '\u1EA0' and <= '\u1EF9')
                or (>= '\u0300' and <= '\u0303') or '\u0306' or '\u0309' or '\u031B' or '\u0323')
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNonAsciiLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c > '\u007F' && char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int Decode(ReadOnlySpan<char> source, Span<char> destination, LegacyEncoding encoding)
    {
        if (encoding == LegacyEncoding.Tcvn3)
        {
            for (var i = 0; i < source.Length; i++)
            {
                var mapped = Tcvn3Letter(source[i]);
                destination[i] = mapped == '\0' ? source[i] : mapped;
            }

            return source.Length;
        }

        var written = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (i + 1 < source.Length && TryVniPair(c, source[i + 1], out var letter))
            {
                destination[written++] = letter;
                i++;
            }
            else
            {
                destination[written++] = VniSingle(c);
            }
        }

        return written;
    }

    /// <summary>
    /// TCVN3 (ABC) code, as the Latin-1 character a browser pastes, to its letter; '\0' when not a code.
    /// The codes are TCVN 5712:1993 VN3: capitals only for Ă Â Ê Ô Ơ Ư Đ, every lower-case letter.
    /// </summary>
    private static char Tcvn3Letter(char c) => c switch
    {
        '\u00A1' => 'Ă', // ¡
        '\u00A2' => 'Â', // ¢
        '\u00A3' => 'Ê', // £
        '\u00A4' => 'Ô', // ¤
        '\u00A5' => 'Ơ', // ¥
        '\u00A6' => 'Ư', // ¦
        '\u00A7' => 'Đ', // §
        '\u00A8' => 'ă', // ¨
        '\u00A9' => 'â', // ©
        '\u00AA' => 'ê', // ª
        '\u00AB' => 'ô', // «
        '\u00AC' => 'ơ', // ¬
        '\u00AD' => 'ư', // soft hyphen
        '\u00AE' => 'đ', // ®
        '\u00B5' => 'à', // µ
        '\u00B6' => 'ả', // ¶
        '\u00B7' => 'ã', // ·
        '\u00B8' => 'á', // ¸
        '\u00B9' => 'ạ', // ¹
        '\u00BB' => 'ằ', // »
        '\u00BC' => 'ẳ', // ¼
        '\u00BD' => 'ẵ', // ½
        '\u00BE' => 'ắ', // ¾
        '\u00C6' => 'ặ', // Æ
        '\u00C7' => 'ầ', // Ç
        '\u00C8' => 'ẩ', // È
        '\u00C9' => 'ẫ', // É
        '\u00CA' => 'ấ', // Ê
        '\u00CB' => 'ậ', // Ë
        '\u00CC' => 'è', // Ì
        '\u00CE' => 'ẻ', // Î
        '\u00CF' => 'ẽ', // Ï
        '\u00D0' => 'é', // Ð
        '\u00D1' => 'ẹ', // Ñ
        '\u00D2' => 'ề', // Ò
        '\u00D3' => 'ể', // Ó
        '\u00D4' => 'ễ', // Ô
        '\u00D5' => 'ế', // Õ
        '\u00D6' => 'ệ', // Ö
        '\u00D7' => 'ì', // ×
        '\u00D8' => 'ỉ', // Ø
        '\u00DC' => 'ĩ', // Ü
        '\u00DD' => 'í', // Ý
        '\u00DE' => 'ị', // Þ
        '\u00DF' => 'ò', // ß
        '\u00E1' => 'ỏ', // á
        '\u00E2' => 'õ', // â
        '\u00E3' => 'ó', // ã
        '\u00E4' => 'ọ', // ä
        '\u00E5' => 'ồ', // å
        '\u00E6' => 'ổ', // æ
        '\u00E7' => 'ỗ', // ç
        '\u00E8' => 'ố', // è
        '\u00E9' => 'ộ', // é
        '\u00EA' => 'ờ', // ê
        '\u00EB' => 'ở', // ë
        '\u00EC' => 'ỡ', // ì
        '\u00ED' => 'ớ', // í
        '\u00EE' => 'ợ', // î
        '\u00EF' => 'ù', // ï
        '\u00F1' => 'ủ', // ñ
        '\u00F2' => 'ũ', // ò
        '\u00F3' => 'ú', // ó
        '\u00F4' => 'ụ', // ô
        '\u00F5' => 'ừ', // õ
        '\u00F6' => 'ử', // ö
        '\u00F7' => 'ữ', // ÷
        '\u00F8' => 'ứ', // ø
        '\u00F9' => 'ự', // ù
        '\u00FA' => 'ỳ', // ú
        '\u00FB' => 'ỷ', // û
        '\u00FC' => 'ỹ', // ü
        '\u00FD' => 'ý', // ý
        '\u00FE' => 'ỵ', // þ
        _ => '\0',
    };

    /// <summary>
    /// VNI writes most toned letters as a base letter plus one mark character. The base is a, e, o, u, y, or
    /// ô/ö which stand for ơ/ư. The marks are: ù ø û õ ï for sắc, huyền, hỏi, ngã, nặng on any base;
    /// â á à å ã ä for a circumflex (alone or with those tones) on a, e, o; ê é è ú ü ë for a breve on a.
    /// Capital letters take the capital marks; a mark of the other case is accepted, the base decides the case.
    /// </summary>
    private static bool TryVniPair(char baseLetter, char mark, out char letter)
    {
        letter = '\0';
        var row = char.ToLowerInvariant(baseLetter) switch
        {
            'a' => RowA,
            'e' => RowE,
            'o' => RowO,
            'u' => RowU,
            'y' => RowY,
            'ô' => RowOHorn,
            'ö' => RowUHorn,
            _ => -1,
        };
        if (row < 0)
        {
            return false;
        }

        int tone;
        switch (char.ToLowerInvariant(mark))
        {
            case 'ù': tone = ToneAcute; break;
            case 'ø': tone = ToneGrave; break;
            case 'û': tone = ToneHook; break;
            case 'õ': tone = ToneTilde; break;
            case 'ï': tone = ToneDot; break;
            case 'â' or 'á' or 'à' or 'å' or 'ã' or 'ä' when row is RowA or RowE or RowO:
                row = row switch { RowA => RowACircumflex, RowE => RowECircumflex, _ => RowOCircumflex };
                tone = CircumflexMarkTone(char.ToLowerInvariant(mark));
                break;
            case 'ê' or 'é' or 'è' or 'ú' or 'ü' or 'ë' when row == RowA:
                row = RowABreve;
                tone = BreveMarkTone(char.ToLowerInvariant(mark));
                break;
            default:
                return false;
        }

        letter = Compose(row, tone, char.IsUpper(baseLetter));
        return true;
    }

    private static int CircumflexMarkTone(char mark) => mark switch
    {
        'á' => ToneAcute,
        'à' => ToneGrave,
        'å' => ToneHook,
        'ã' => ToneTilde,
        'ä' => ToneDot,
        _ => ToneNone, // â
    };

    private static int BreveMarkTone(char mark) => mark switch
    {
        'é' => ToneAcute,
        'è' => ToneGrave,
        'ú' => ToneHook,
        'ü' => ToneTilde,
        'ë' => ToneDot,
        _ => ToneNone, // ê
    };

    /// <summary>
    /// VNI letters written as one character: đ, ơ, ư, the i tones (í ì are themselves, æ ó ò are ỉ ĩ ị)
    /// and ỵ (î). Anything else is itself.
    /// </summary>
    private static char VniSingle(char c) => c switch
    {
        'ñ' => 'đ',
        'Ñ' => 'Đ',
        'ô' => 'ơ',
        'Ô' => 'Ơ',
        'ö' => 'ư',
        'Ö' => 'Ư',
        'æ' => 'ỉ',
        'Æ' => 'Ỉ',
        'ó' => 'ĩ',
        'Ó' => 'Ĩ',
        'ò' => 'ị',
        'Ò' => 'Ị',
        'î' => 'ỵ',
        'Î' => 'Ỵ',
        _ => c,
    };

    private static char Compose(int row, int tone, bool upper)
    {
        var letter = VowelTable[(row * 6) + tone];
        return upper ? char.ToUpperInvariant(letter) : letter;
    }

    private static FrozenDictionary<char, int> BuildVowelIndex()
    {
        var index = new Dictionary<char, int>(VowelTable.Length * 2);
        for (var i = 0; i < VowelTable.Length; i++)
        {
            index[VowelTable[i]] = i;
            index[char.ToUpperInvariant(VowelTable[i])] = i;
        }

        return index.ToFrozenDictionary();
    }

    private static bool IsSyllable(ReadOnlySpan<char> word) => SyllableWeight(word) > 0;

    /// <summary>
    /// Whether <paramref name="word"/> is spelled like a Vietnamese syllable: an onset, a rhyme from
    /// <see cref="Rhymes"/> that the onset may take, at most one tone, on the vowel that carries it
    /// (<see cref="ToneFits"/>), and only sắc or nặng on a rhyme ending in c, ch, p or t.
    /// Spelling, not a dictionary: "céng" passes although it is no word, which is why detection weighs gains.
    /// The tone rule matters most: VNI read as TCVN3 puts the tone after the vowel ("leä" becomes "leọ").
    /// Returns 0 for a non-syllable, 1 for a syllable with a <see cref="RareRhymes">rare rhyme</see>,
    /// <see cref="CommonSyllable"/> otherwise.
    /// </summary>
    private static int SyllableWeight(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > MaxSyllableLength)
        {
            return 0;
        }

        Span<char> shape = stackalloc char[MaxSyllableLength];
        var tone = ToneNone;
        var tonePosition = -1;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                shape[i] = (char)(c | 0x20);
            }
            else if (c is 'đ' or 'Đ')
            {
                shape[i] = 'đ';
            }
            else if (VowelIndex.TryGetValue(c, out var index))
            {
                shape[i] = VowelTable[index - (index % 6)];
                if (index % 6 != ToneNone)
                {
                    if (tone != ToneNone)
                    {
                        return 0;
                    }

                    tone = index % 6;
                    tonePosition = i;
                }
            }
            else
            {
                return 0;
            }
        }

        shape = shape[..word.Length];
        var best = 0;
        foreach (var onset in Onsets)
        {
            if ((onset.Length == 0 || onset[0] == shape[0]) && shape.StartsWith(onset, StringComparison.Ordinal))
            {
                var rhymeTone = tonePosition < 0 ? -1 : tonePosition - onset.Length;
                best = Math.Max(best, RhymeWeight(onset, shape[onset.Length..], tone, rhymeTone));
                if (best == CommonSyllable)
                {
                    break;
                }
            }
        }

        return best;
    }

    /// <param name="onset">The onset before <paramref name="rhyme"/>.</param>
    /// <param name="rhyme">The rest of the syllable, toneless.</param>
    /// <param name="tone">The syllable's tone.</param>
    /// <param name="tonePosition">Index in <paramref name="rhyme"/> of the toned vowel; -1 without a tone.</param>
    private static int RhymeWeight(string onset, ReadOnlySpan<char> rhyme, int tone, int tonePosition)
    {
        if (rhyme.IsEmpty)
        {
            return string.Equals(onset, "gi", StringComparison.Ordinal) ? CommonSyllable : 0; // gì
        }

        if (tonePosition < -1)
        {
            return 0; // the tone sits on the onset's i ("gí" + a)
        }

        var known = rhyme;
        var toneRhyme = rhyme;
        var toneAt = tonePosition;
        if (string.Equals(onset, "q", StringComparison.Ordinal))
        {
            // q is always written qu and the u never carries the tone: "quân" is qu + ân, "quyết" qu + yêt.
            if (rhyme[0] != 'u' || rhyme.Length < 2 || tonePosition == 0)
            {
                return 0;
            }

            toneRhyme = rhyme[1..];
            toneAt = tonePosition < 0 ? -1 : tonePosition - 1;
            known = RhymeLookup.Contains(rhyme) ? rhyme : toneRhyme;
        }

        if (!RhymeLookup.Contains(known) || !OnsetTakes(onset, known) || !ToneFits(toneRhyme, toneAt))
        {
            return 0;
        }

        // Stop finals only carry the two "sharp" tones.
        var stopFinal = rhyme[^1] is 'c' or 'p' or 't' || rhyme.EndsWith("ch", StringComparison.Ordinal);
        if (stopFinal && tone is not (ToneAcute or ToneDot))
        {
            return 0;
        }

        return RareRhymeLookup.Contains(known) ? 1 : CommonSyllable;
    }

    /// <summary>
    /// Spelling rules tying onsets to rhymes: gh, ngh and k only before i, e, ê (k also y); c and ng never there;
    /// c never before a medial u or o ("qu" is written instead); "yê" only without an onset, "iê" only with one;
    /// a bare y only after the onsets that take it (hy, kỳ, lý, Mỹ, sỹ, tỷ, Thy, Vy).
    /// </summary>
    private static bool OnsetTakes(string onset, ReadOnlySpan<char> rhyme)
    {
        var first = rhyme[0];
        var second = rhyme.Length > 1 ? rhyme[1] : '\0';
        var frontVowel = first is 'i' or 'e' or 'ê';
        if (second == 'ê' && ((first == 'y' && onset.Length != 0) || (first == 'i' && onset.Length == 0)))
        {
            return false;
        }

        if (rhyme.Length == 1 && first == 'y')
        {
            return onset is "" or "h" or "k" or "l" or "m" or "s" or "t" or "th" or "v";
        }

        return onset switch
        {
            "gh" or "ngh" => frontVowel,
            "k" => frontVowel || first == 'y',
            "ng" => !frontVowel && first != 'y',
            "c" => !frontVowel && first != 'y'
                && !(first == 'u' && second is 'y' or 'â' or 'ê' or 'ơ')
                && !(first == 'o' && second is 'a' or 'ă' or 'e'),
            _ => true,
        };
    }

    /// <summary>
    /// Whether the tone sits where Vietnamese puts it: on the only vowel; on the last vowel before a final consonant
    /// (toán, tiếng, người); on the middle one of three (hoài, khuấy, người); on the first of two open vowels (mái,
    /// mùa, lẹo), except the second when it has a mark (thuế, thuở) and either for oa, oe, uy (hòa and hoà).
    /// </summary>
    private static bool ToneFits(ReadOnlySpan<char> rhyme, int tonePosition)
    {
        if (tonePosition < 0)
        {
            return true;
        }

        var vowels = 0;
        while (vowels < rhyme.Length && IsVowelShape(rhyme[vowels]))
        {
            vowels++;
        }

        if (tonePosition >= vowels)
        {
            return false;
        }

        if (vowels == 1 || vowels < rhyme.Length)
        {
            return tonePosition == vowels - 1;
        }

        if (vowels == 3)
        {
            return tonePosition == 1;
        }

        if (rhyme is "oa" or "oe" or "uy")
        {
            return true;
        }

        return tonePosition == (rhyme[1] is 'â' or 'ê' or 'ơ' ? 1 : 0);
    }

    private static bool IsVowelShape(char c) => c is 'a' or 'ă' or 'â' or 'e' or 'ê' or 'i' or 'o' or 'ô' or 'ơ' or 'u' or 'ư' or 'y';

    private static string ToNfc(string value)
    {
        try
        {
            return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return value; // lone surrogates cannot be normalized; leave the text as it is
        }
    }
}

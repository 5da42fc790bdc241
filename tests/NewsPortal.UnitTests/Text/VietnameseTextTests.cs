using System.Text;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.UnitTests.Text;

public sealed class VietnameseTextTests
{
    // The 67 precomposed lower-case Vietnamese letters, grouped by base vowel: each of the
    // 12 vowels a ă â e ê i o ô ơ u ư y with the five tones (huyền, sắc, hỏi, ngã, nặng),
    // then ă â ê ô ơ ư without a tone, then đ.
    private const string LowerLetters =
        "àáảãạ ằắẳẵặ ầấẩẫậ èéẻẽẹ ềếểễệ ìíỉĩị òóỏõọ ồốổỗộ ờớởỡợ ùúủũụ ừứửữự ỳýỷỹỵ ăâêôơư đ";

    private const string UpperLetters =
        "ÀÁẢÃẠ ẰẮẲẴẶ ẦẤẨẪẬ ÈÉẺẼẸ ỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ỒỐỔỖỘ ỜỚỞỠỢ ÙÚỦŨỤ ỪỨỬỮỰ ỲÝỶỸỴ ĂÂÊÔƠƯ Đ";

    // The base ASCII letter of each letter above, position for position.
    private const string BaseLetters =
        "aaaaa aaaaa aaaaa eeeee eeeee iiiii ooooo ooooo ooooo uuuuu uuuuu yyyyy aaeoou d";

    private const string FixtureTitle =
        "Bộ Quốc phòng tổng kết công tác cải cách hành chính và xây dựng Chính phủ điện tử năm 2021";

    private const string FixtureSlug =
        "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";

    public static TheoryData<string, string> AllLetters
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (letter, expected) in Pairs(LowerLetters).Concat(Pairs(UpperLetters)))
            {
                data.Add(letter.ToString(), expected.ToString());
            }

            return data;
        }
    }

    [Fact]
    public void LetterTablesHoldSixtySevenDistinctLettersInEachCase()
    {
        var lower = Letters(LowerLetters);
        var upper = Letters(UpperLetters);
        var bases = Letters(BaseLetters);

        Assert.Equal(67, lower.Count);
        Assert.Equal(67, upper.Count);
        Assert.Equal(67, bases.Count);
        Assert.Equal(67, lower.Distinct().Count());
        Assert.Equal(67, upper.Distinct().Count());
        Assert.Equal(134, lower.Concat(upper).Distinct().Count());
    }

    [Fact]
    public void UpperCaseTableIsTheLowerCaseTableCapitalised()
    {
        var lower = Letters(LowerLetters);
        var upper = Letters(UpperLetters);

        for (var i = 0; i < lower.Count; i++)
        {
            Assert.Equal(lower[i], char.ToLowerInvariant(upper[i]));
            Assert.NotEqual(lower[i], upper[i]);
        }
    }

    [Theory]
    [MemberData(nameof(AllLetters))]
    public void EachLetterIsOnePrecomposedCharacter(string letter, string expected)
    {
        Assert.Single(letter);
        Assert.True(letter.IsNormalized(NormalizationForm.FormC));
        Assert.Single(letter.Normalize(NormalizationForm.FormC));
        Assert.Single(expected);
        Assert.InRange(expected[0], 'a', 'z');
    }

    [Theory]
    [MemberData(nameof(AllLetters))]
    public void FoldMapsLetterToItsBaseAsciiLetter(string letter, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(letter));
    }

    [Theory]
    [MemberData(nameof(AllLetters))]
    public void SlugifyMapsLetterToItsBaseAsciiLetter(string letter, string expected)
    {
        Assert.Equal(expected, VietnameseText.Slugify(letter));
    }

    [Theory]
    [MemberData(nameof(AllLetters))]
    public void DecomposedLetterFoldsAndSlugifiesLikePrecomposed(string letter, string expected)
    {
        var decomposed = letter.Normalize(NormalizationForm.FormD);

        Assert.Equal(expected, VietnameseText.Fold(decomposed));
        Assert.Equal(expected, VietnameseText.Slugify(decomposed));
    }

    [Fact]
    public void DecomposedLettersOtherThanDStrokeAreLongerThanOneChar()
    {
        // Guards the NFD test above: apart from đ/Đ every letter really decomposes.
        foreach (var letter in Letters(LowerLetters).Concat(Letters(UpperLetters)))
        {
            var decomposed = letter.ToString().Normalize(NormalizationForm.FormD);
            if (letter is 'đ' or 'Đ')
            {
                Assert.Single(decomposed);
            }
            else
            {
                Assert.InRange(decomposed.Length, 2, 3);
            }
        }
    }

    [Fact]
    public void FoldOfWholeTablesGivesBaseLetters()
    {
        var bases = BaseLetters.Replace(" ", string.Empty, StringComparison.Ordinal);
        var lower = LowerLetters.Replace(" ", string.Empty, StringComparison.Ordinal);
        var upper = UpperLetters.Replace(" ", string.Empty, StringComparison.Ordinal);

        Assert.Equal(bases, VietnameseText.Fold(lower));
        Assert.Equal(bases, VietnameseText.Fold(upper));
        Assert.Equal(bases, VietnameseText.Fold(upper.Normalize(NormalizationForm.FormD)));
        Assert.Equal(bases, VietnameseText.Slugify(lower.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void SlugifyMapsDStrokeToD()
    {
        Assert.Equal("d", VietnameseText.Slugify("đ"));
        Assert.Equal("d", VietnameseText.Slugify("Đ"));
        Assert.Equal("dd", VietnameseText.Slugify("Đđ"));
    }

    [Theory]
    [InlineData("Đảng ủy Quân khu", "dang-uy-quan-khu")]
    [InlineData(FixtureTitle, FixtureSlug)]
    [InlineData("Tin tức – Sự kiện", "tin-tuc-su-kien")]
    [InlineData("Quốc phòng – An ninh", "quoc-phong-an-ninh")]
    [InlineData("Hội nghị: \"Tổng kết\" (năm 2021)!", "hoi-nghi-tong-ket-nam-2021")]
    [InlineData("Quân  khu   2", "quan-khu-2")]
    [InlineData("  \t Quân khu\n", "quan-khu")]
    [InlineData("--- ### Tin mới!!! ###", "tin-moi")]
    [InlineData("«Ảnh» & [Video]…", "anh-video")]
    [InlineData("Năm 2021, 59 TTHC ở mức độ 3 và 4", "nam-2021-59-tthc-o-muc-do-3-va-4")]
    [InlineData("2021", "2021")]
    [InlineData("QK2 – Chiều 4-1", "qk2-chieu-4-1")]
    [InlineData("a_b.c/d\\e", "a-b-c-d-e")]
    [InlineData("THƯỢNG TƯỚNG LÊ HUY VỊNH", "thuong-tuong-le-huy-vinh")]
    public void SlugifyProducesExpectedSlug(string title, string expected)
    {
        Assert.Equal(expected, VietnameseText.Slugify(title));
    }

    [Fact]
    public void SlugifyOfDecomposedTitleEqualsSlugOfPrecomposedTitle()
    {
        Assert.Equal(FixtureSlug, VietnameseText.Slugify(FixtureTitle.Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" \t\r\n ")]
    [InlineData("!!! – ???")]
    [InlineData("\u00A0\u2003")]
    public void SlugifyOfNothingUsableIsEmpty(string? value)
    {
        Assert.Equal(string.Empty, VietnameseText.Slugify(value));
    }

    [Theory]
    [InlineData("Quân khu 😀 2", "quan-khu-2")]
    [InlineData("🇻🇳 Việt Nam 🇻🇳", "viet-nam")]
    [InlineData("Hà Nội 北京 Москва Αθήνα", "ha-noi")]
    [InlineData("ไทย Lào", "lao")]
    [InlineData("😀😀😀", "")]
    public void SlugifyDropsEmojiAndOtherScripts(string value, string expected)
    {
        Assert.Equal(expected, VietnameseText.Slugify(value));
    }

    // The lone surrogate is built in code: theory data strings may be round-tripped through UTF-8.
    [Theory]
    [InlineData("Quân", 0xD800, "khu", "quan-khu")]
    [InlineData("", 0xDC00, "Quân khu", "quan-khu")]
    [InlineData("Quân khu", 0xD83D, "", "quan-khu")]
    [InlineData("", 0xDE00, "", "")]
    public void SlugifyTreatsLoneSurrogateAsSeparator(string before, int surrogate, string after, string expected)
    {
        var value = before + (char)surrogate + after;

        Assert.Equal(expected, VietnameseText.Slugify(value));
    }

    [Fact]
    public void SlugifyOfReversedSurrogatePairDoesNotThrow()
    {
        Assert.Equal("quan-khu", VietnameseText.Slugify("Quân\uDE00\uD83Dkhu"));
    }

    [Fact]
    public void SlugifyCutsAtHyphenWithinMaxLength()
    {
        // "bo-quoc-phong-tong-ket-…": the first 12 characters are "bo-quoc-phon", cut back to the last whole word.
        Assert.Equal("bo-quoc", VietnameseText.Slugify(FixtureTitle, 12));
    }

    [Fact]
    public void SlugifyCutsLongSingleWordAtMaxLength()
    {
        Assert.Equal("abcd", VietnameseText.Slugify("abcdefghij", 4));
    }

    [Fact]
    public void SlugifyKeepsWholeSlugThatFitsExactly()
    {
        Assert.Equal("dang-uy-quan-khu", VietnameseText.Slugify("Đảng ủy Quân khu", 16));
    }

    [Fact]
    public void SlugifyKeepsLastWholeWordWhenCutLandsOnWordEnd()
    {
        // Full slug "dang-uy-quan-khu-thu-hai"; its first 16 characters are exactly "dang-uy-quan-khu".
        Assert.Equal("dang-uy-quan-khu", VietnameseText.Slugify("Đảng ủy Quân khu thứ hai", 16));
    }

    [Fact]
    public void SlugifyNeverExceedsMaxLengthNorEndsWithHyphen()
    {
        for (var max = 1; max <= FixtureSlug.Length + 5; max++)
        {
            var slug = VietnameseText.Slugify(FixtureTitle, max);

            Assert.InRange(slug.Length, 1, max);
            Assert.StartsWith(slug, FixtureSlug, StringComparison.Ordinal);
            Assert.False(slug.EndsWith('-'), $"maxLength {max}: '{slug}' ends with a hyphen");
            Assert.False(slug.StartsWith('-'), $"maxLength {max}: '{slug}' starts with a hyphen");
            Assert.DoesNotContain("--", slug, StringComparison.Ordinal);
            var endsOnWord = slug.Length == FixtureSlug.Length || FixtureSlug[slug.Length] == '-';
            Assert.True(endsOnWord || slug.Length == max, $"maxLength {max}: '{slug}' is cut mid-word though shorter than the limit");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void SlugifyRejectsMaxLengthBelowOne(int maxLength)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseText.Slugify("Quân khu", maxLength));
    }

    [Fact]
    public void SlugifyOutputIsOnlyLowercaseAsciiLettersDigitsAndSingleHyphens()
    {
        var slug = VietnameseText.Slugify(LowerLetters + " " + UpperLetters + " 0123456789 !@#$%^&*() ‘’“” – — …");

        Assert.NotEmpty(slug);
        Assert.All(slug, c => Assert.True(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-', $"unexpected '{c}'"));
        Assert.DoesNotContain("--", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Đảng Ủy", "dang uy")]
    [InlineData("Tin tức – Sự kiện", "tin tuc – su kien")]
    [InlineData("QK2, năm 2021!", "qk2, nam 2021!")]
    [InlineData("Москва", "москва")]
    public void FoldStripsMarksAndLowercasesButKeepsOtherCharacters(string value, string expected)
    {
        Assert.Equal(expected, VietnameseText.Fold(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FoldOfNullOrEmptyIsEmpty(string? value)
    {
        Assert.Equal(string.Empty, VietnameseText.Fold(value));
    }

    [Fact]
    public void FoldReplacesLoneSurrogate()
    {
        Assert.Equal("quan\uFFFDkhu", VietnameseText.Fold("Quân\uD800khu"));
    }

    [Fact]
    public void NfcComposesDecomposedString()
    {
        // "Quốc phòng" written out in NFD: ố = o + U+0302 (circumflex) + U+0301 (acute), ò = o + U+0300 (grave).
        const string decomposed = "Quo\u0302\u0301c pho\u0300ng";

        var result = VietnameseText.Nfc(decomposed);

        Assert.Equal("Quốc phòng", result);
        Assert.Equal(10, result!.Length);
        Assert.True(result.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void NfcComposesFixtureTitleFromNfd()
    {
        var decomposed = FixtureTitle.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(FixtureTitle.Length, decomposed.Length);

        Assert.Equal(FixtureTitle, VietnameseText.Nfc(decomposed));
    }

    [Fact]
    public void NfcOfNullIsNull()
    {
        Assert.Null(VietnameseText.Nfc(null));
    }

    [Fact]
    public void NfcOfEmptyIsEmpty()
    {
        Assert.Equal(string.Empty, VietnameseText.Nfc(string.Empty));
    }

    [Fact]
    public void NfcReturnsSameInstanceWhenAlreadyNfc()
    {
        var value = new string(FixtureTitle.AsSpan());

        Assert.Same(value, VietnameseText.Nfc(value));
    }

    [Theory]
    [InlineData("a", 0xD800, "b", "a\uFFFDb")]
    [InlineData("", 0xDC00, "", "\uFFFD")]
    [InlineData("o\u0302\u0301", 0xD83D, "", "ố\uFFFD")]
    [InlineData("😀", 0xD83D, "", "😀\uFFFD")]
    public void NfcReplacesLoneSurrogateInsteadOfThrowing(string before, int surrogate, string after, string expected)
    {
        var value = before + (char)surrogate + after;

        Assert.Equal(expected, VietnameseText.Nfc(value));
    }

    private static List<char> Letters(string table) => [.. table.Where(c => c != ' ')];

    private static IEnumerable<(char Letter, char Base)> Pairs(string table) =>
        Letters(table).Zip(Letters(BaseLetters));
}

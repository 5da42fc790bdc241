using System.Globalization;
using System.Text;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.UnitTests.Text;

public sealed class LegacyVietnameseTests
{
    // The 67 precomposed lower-case Vietnamese letters.
    private const string LowerLetters =
        "àáảãạ ăằắẳẵặ âầấẩẫậ đ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ";

    private const string UpperLetters =
        "ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ Đ ÈÉẺẼẸ ÊỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ÙÚỦŨỤ ƯỪỨỬỮỰ ỲÝỶỸỴ";

    // The VNI-Windows chart, one group per vowel, written independently of the converter: the same row order as the
    // Unicode row above it, letters separated by spaces. Capitals are the same with capital mark characters.
    private const string VniChartUnicode =
        "a á à ả ã ạ|ă ắ ằ ẳ ẵ ặ|â ấ ầ ẩ ẫ ậ|e é è ẻ ẽ ẹ|ê ế ề ể ễ ệ|i í ì ỉ ĩ ị|"
        + "o ó ò ỏ õ ọ|ô ố ồ ổ ỗ ộ|ơ ớ ờ ở ỡ ợ|u ú ù ủ ũ ụ|ư ứ ừ ử ữ ự|y ý ỳ ỷ ỹ ỵ|đ";

    private const string VniChartLegacy =
        "a aù aø aû aõ aï|aê aé aè aú aü aë|aâ aá aà aå aã aä|e eù eø eû eõ eï|eâ eá eà eå eã eä|i í ì æ ó ò|"
        + "o où oø oû oõ oï|oâ oá oà oå oã oä|ô ôù ôø ôû ôõ ôï|u uù uø uû uõ uï|ö öù öø öû öõ öï|y yù yø yû yõ î|ñ";

    // TCVN3 (TCVN 5712:1993 VN3, "ABC") byte of each letter, grouped by vowel in the order bare, sắc, huyền, hỏi, ngã,
    // nặng; independent of the converter's table, which is ordered by byte. Capitals exist only for Ă Â Ê Ô Ơ Ư Đ.
    private static readonly (string Letters, byte[] Codes)[] Tcvn3Groups =
    [
        ("áàảãạ", [0xB8, 0xB5, 0xB6, 0xB7, 0xB9]),
        ("ăắằẳẵặ", [0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6]),
        ("âấầẩẫậ", [0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB]),
        ("éèẻẽẹ", [0xD0, 0xCC, 0xCE, 0xCF, 0xD1]),
        ("êếềểễệ", [0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6]),
        ("íìỉĩị", [0xDD, 0xD7, 0xD8, 0xDC, 0xDE]),
        ("óòỏõọ", [0xE3, 0xDF, 0xE1, 0xE2, 0xE4]),
        ("ôốồổỗộ", [0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9]),
        ("ơớờởỡợ", [0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE]),
        ("úùủũụ", [0xF3, 0xEF, 0xF1, 0xF2, 0xF4]),
        ("ưứừửữự", [0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9]),
        ("ýỳỷỹỵ", [0xFD, 0xFA, 0xFB, 0xFC, 0xFE]),
        ("đ", [0xAE]),
        ("ĂÂÊÔƠƯĐ", [0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7]),
    ];

    private static readonly Dictionary<char, byte> Tcvn3Bytes = Tcvn3Groups
        .SelectMany(group => group.Letters.Zip(group.Codes, (letter, code) => (Letter: letter, Code: code)))
        .ToDictionary(pair => pair.Letter, pair => pair.Code);

    // Sentences that use only capitals TCVN3 has, so they round-trip through both encodings.
    private static readonly string[] Sentences =
    [
        "Bộ Quốc phòng tổ chức hội nghị tổng kết công tác năm 2022 tại Hà Nội.",
        "Đảng Cộng sản Việt Nam lãnh đạo sự nghiệp đổi mới đất nước.",
        "Người dân ở các tỉnh miền Trung đã khắc phục hậu quả của cơn bão số 9.",
        "Những chiến sĩ trẻ tuổi luyện tập suốt đêm để giữ vững chủ quyền biển đảo.",
        "Quân đội nhân dân Việt Nam anh hùng, trung với Đảng, hiếu với dân.",
        "Khuỷu tay, khuya khoắt, thuở ấy, nguệch ngoạc, quyển sách, huỳnh quang, lý lịch, kỹ sư, tỷ lệ.",
        "Mẹ ẵm con ra chợ, sẵn sàng mua rượu, gừng, nghệ và những quả ổi chín vàng ươm.",
        "Thượng tướng Lê Huy Vịnh chủ trì hội nghị.",
    ];

    public static TheoryData<string> AllLetters
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var letter in (LowerLetters + UpperLetters).Where(c => c != ' '))
            {
                data.Add(letter.ToString());
            }

            return data;
        }
    }

    public static TheoryData<string> Tcvn3Letters
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var letter in Tcvn3Bytes.Keys)
            {
                data.Add(letter.ToString());
            }

            return data;
        }
    }

    public static TheoryData<string, string> VniChart
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (unicode, legacy) in ChartPairs())
            {
                data.Add(unicode, legacy);
                data.Add(unicode.ToUpperInvariant(), legacy.ToUpperInvariant());
            }

            return data;
        }
    }

    public static TheoryData<string> SentenceData
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var sentence in Sentences)
            {
                data.Add(sentence);
            }

            return data;
        }
    }

    [Fact]
    public void LetterTablesHoldAllOneHundredThirtyFourLetters()
    {
        var letters = (LowerLetters + UpperLetters).Where(c => c != ' ').ToList();

        Assert.Equal(134, letters.Count);
        Assert.Equal(134, letters.Distinct().Count());
        Assert.All(Tcvn3Groups, group => Assert.Equal(group.Letters.Length, group.Codes.Length));
        Assert.Equal(67 + 7, Tcvn3Bytes.Count);
        Assert.Equal(Tcvn3Bytes.Count, Tcvn3Bytes.Values.Distinct().Count());
        Assert.Equal(73, ChartPairs().Count());
    }

    [Theory]
    [InlineData("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam")]
    [InlineData("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc")]
    public void Tcvn3SampleBecomesUnicode(string legacy, string expected)
    {
        var result = LegacyVietnamese.Repair(legacy);

        Assert.Equal(expected, result.Text);
        Assert.Equal(LegacyEncoding.Tcvn3, result.Encoding);
        Assert.True(result.Converted);
        Assert.Equal(LegacyEncoding.Tcvn3, LegacyVietnamese.Detect(legacy));
        Assert.Equal(expected, LegacyVietnamese.FromTcvn3(legacy));
    }

    [Theory]
    [InlineData("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam")]
    [InlineData("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc")]
    [InlineData("Quaân khu", "Quân khu")]
    [InlineData("BOÄ QUOÁC PHOØNG", "BỘ QUỐC PHÒNG")]
    [InlineData("Thi ñua", "Thi đua")]
    [InlineData("Tin, aûnh: HOÀNG NHUNG", "Tin, ảnh: HỒNG NHUNG")]
    public void VniSampleBecomesUnicode(string legacy, string expected)
    {
        var result = LegacyVietnamese.Repair(legacy);

        Assert.Equal(expected, result.Text);
        Assert.Equal(LegacyEncoding.Vni, result.Encoding);
        Assert.True(result.Converted);
        Assert.Equal(LegacyEncoding.Vni, LegacyVietnamese.Detect(legacy));
        Assert.Equal(expected, LegacyVietnamese.FromVni(legacy));
    }

    [Theory]
    [MemberData(nameof(Tcvn3Letters))]
    public void Tcvn3LetterRoundTrips(string letter)
    {
        var legacy = EncodeTcvn3(letter);

        Assert.Single(legacy);
        Assert.Equal(letter, LegacyVietnamese.FromTcvn3(legacy));
    }

    [Theory]
    [MemberData(nameof(AllLetters))]
    public void VniLetterRoundTrips(string letter)
    {
        var legacy = EncodeVni(letter);

        Assert.All(legacy, c => Assert.InRange(c, '\u0041', '\u00FF'));
        Assert.Equal(letter, LegacyVietnamese.FromVni(legacy));
    }

    [Theory]
    [MemberData(nameof(VniChart))]
    public void VniChartLetterConvertsAndMatchesTheTestEncoder(string unicode, string legacy)
    {
        Assert.Equal(unicode, LegacyVietnamese.FromVni(legacy));
        Assert.Equal(legacy, EncodeVni(unicode));
    }

    [Fact]
    public void AllLowerCaseLettersTogetherRoundTripThroughTcvn3()
    {
        var letters = LowerLetters.Replace(" ", string.Empty, StringComparison.Ordinal);

        Assert.Equal(letters, LegacyVietnamese.FromTcvn3(EncodeTcvn3(letters)));
    }

    [Fact]
    public void AllLettersTogetherRoundTripThroughVni()
    {
        var letters = LowerLetters + " " + UpperLetters;

        Assert.Equal(letters, LegacyVietnamese.FromVni(EncodeVni(letters)));
    }

    [Theory]
    [MemberData(nameof(SentenceData))]
    public void Tcvn3SentenceRoundTripsAndIsDetected(string sentence)
    {
        var legacy = EncodeTcvn3(sentence);

        Assert.Equal(sentence, LegacyVietnamese.FromTcvn3(legacy));
        Assert.Equal(new LegacyConversion(sentence, LegacyEncoding.Tcvn3), LegacyVietnamese.Repair(legacy));
    }

    [Theory]
    [MemberData(nameof(SentenceData))]
    public void VniSentenceRoundTripsAndIsDetected(string sentence)
    {
        var legacy = EncodeVni(sentence);

        Assert.Equal(sentence, LegacyVietnamese.FromVni(legacy));
        Assert.Equal(new LegacyConversion(sentence, LegacyEncoding.Vni), LegacyVietnamese.Repair(legacy));
    }

    [Theory]
    [InlineData("KỶ NIỆM 80 NĂM NGÀY THÀNH LẬP QUÂN ĐỘI NHÂN DÂN VIỆT NAM")]
    [InlineData("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH")]
    [InlineData("Ủy ban Thường vụ Quốc hội họp phiên thứ Ba mươi Ấn định Ngày Ôn luyện")]
    public void VniCapitalsRoundTripAndAreDetected(string sentence)
    {
        var legacy = EncodeVni(sentence);

        Assert.Equal(new LegacyConversion(sentence, LegacyEncoding.Vni), LegacyVietnamese.Repair(legacy));
    }

    [Fact]
    public void Tcvn3ParagraphOfManySentencesIsDetected()
    {
        var paragraph = string.Join(" ", Sentences);

        Assert.Equal(LegacyEncoding.Tcvn3, LegacyVietnamese.Detect(EncodeTcvn3(paragraph)));
        Assert.Equal(paragraph, LegacyVietnamese.Repair(EncodeTcvn3(paragraph)).Text);
        Assert.Equal(LegacyEncoding.Vni, LegacyVietnamese.Detect(EncodeVni(paragraph)));
        Assert.Equal(paragraph, LegacyVietnamese.Repair(EncodeVni(paragraph)).Text);
    }

    [Theory]
    [InlineData("Thượng tướng Lê Huy Vịnh chủ trì hội nghị.")]
    [InlineData("Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc")]
    [InlineData("Có và là, hoà bình, quá, thuý, Lê, trì, Giá, Hà Nội")]
    [InlineData("The quick brown fox jumps over the lazy dog.")]
    [InlineData("Élève à l'école, garçon, naïve, où, déjà")]
    [InlineData("Où est-il? Déjà parti, ça coûte cher à Noël, maïs et Haïti.")]
    [InlineData("Größe, über, schön")]
    [InlineData("Die Größe der Bären überrascht Müller in Köln.")]
    [InlineData("© 2022 – Giá 100.000 ₫ – 25°C")]
    [InlineData("Aún no ha llegado el niño de España.")]
    [InlineData("Aún no")]
    [InlineData("Où ?")]
    [InlineData("Loïc")]
    [InlineData("Size: 5 µm")]
    [InlineData("Nª Sra. de Fátima")]
    [InlineData("São Paulo, ação, saúde, você, avó.")]
    [InlineData("5 µm × 3 µm, ½ cup, § 12, « citation », 1ª edición")]
    [InlineData("Giá vàng hôm nay tăng 200.000 đồng/lượng, theo SJC ©.")]
    public void NonLegacyTextIsLeftUnchanged(string text)
    {
        var result = LegacyVietnamese.Repair(text);

        Assert.Same(text, result.Text);
        Assert.Equal(LegacyEncoding.None, result.Encoding);
        Assert.False(result.Converted);
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.Detect(text));
    }

    [Fact]
    public void DecomposedUnicodeVietnameseIsLeftUnchanged()
    {
        var text = "Thượng tướng Lê Huy Vịnh chủ trì hội nghị.".Normalize(NormalizationForm.FormD);

        Assert.Same(text, LegacyVietnamese.Repair(text).Text);
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.Detect(text));
    }

    [Fact]
    public void DecomposedLegacyTextIsRecomposedBeforeConversion()
    {
        var tcvn3 = "Céng hßa x· héi chñ nghÜa ViÖt Nam".Normalize(NormalizationForm.FormD);
        var vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam".Normalize(NormalizationForm.FormD);

        Assert.Equal(
            new LegacyConversion("Cộng hòa xã hội chủ nghĩa Việt Nam", LegacyEncoding.Tcvn3), LegacyVietnamese.Repair(tcvn3));
        Assert.Equal(
            new LegacyConversion("Cộng hòa xã hội chủ nghĩa Việt Nam", LegacyEncoding.Vni), LegacyVietnamese.Repair(vni));
        Assert.Equal("Cộng hòa", LegacyVietnamese.FromTcvn3("Céng hßa".Normalize(NormalizationForm.FormD)));
        Assert.Equal("Cộng hòa", LegacyVietnamese.FromVni("Coäng hoøa".Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void NullAndEmptyComeBackAsTheyAre()
    {
        var fromNull = LegacyVietnamese.Repair(null);

        Assert.Null(fromNull.Text);
        Assert.Equal(LegacyEncoding.None, fromNull.Encoding);
        Assert.False(fromNull.Converted);
        Assert.Same(string.Empty, LegacyVietnamese.Repair(string.Empty).Text);
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.Repair(string.Empty).Encoding);
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.Detect(null));
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.Detect(string.Empty));
        Assert.Equal(string.Empty, LegacyVietnamese.FromTcvn3(string.Empty));
        Assert.Equal(string.Empty, LegacyVietnamese.FromVni(string.Empty));
    }

    [Fact]
    public void ExplicitConversionRejectsNull()
    {
        Assert.Throws<ArgumentNullException>(() => LegacyVietnamese.FromTcvn3(null!));
        Assert.Throws<ArgumentNullException>(() => LegacyVietnamese.FromVni(null!));
    }

    [Fact]
    public void PlainAsciiPassesThroughExplicitConversion()
    {
        const string ascii = "Viet Nam 2022 - ASCII only!";

        Assert.Equal(ascii, LegacyVietnamese.FromTcvn3(ascii));
        Assert.Equal(ascii, LegacyVietnamese.FromVni(ascii));
    }

    [Fact]
    public void ConvertedOutputIsNfc()
    {
        // The untouched part of the input is decomposed; the output as a whole must still be NFC.
        var decomposedTail = " (Hà Nội)".Normalize(NormalizationForm.FormD);
        var samples = new[]
        {
            LegacyVietnamese.Repair("Céng hßa x· héi chñ nghÜa ViÖt Nam" + decomposedTail),
            LegacyVietnamese.Repair("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" + decomposedTail),
        };

        Assert.All(samples, result =>
        {
            Assert.True(result.Converted);
            Assert.True(result.Text.IsNormalized(NormalizationForm.FormC));
            Assert.EndsWith(" (Hà Nội)", result.Text, StringComparison.Ordinal);
        });
        Assert.True(LegacyVietnamese.FromVni(EncodeVni(LowerLetters + UpperLetters)).IsNormalized(NormalizationForm.FormC));
        Assert.True(LegacyVietnamese.FromTcvn3("x" + decomposedTail).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void MixedTextConvertsOnlyTheLegacyWordsWhenTheyDominate()
    {
        const string title = "Thượng tướng Lê Huy Vịnh chủ trì hội nghị.";
        var body = string.Join(" ", Sentences[..5]);

        var tcvn3 = LegacyVietnamese.Repair(title + "\n" + EncodeTcvn3(body));
        var vni = LegacyVietnamese.Repair(title + "\n" + EncodeVni(body));

        Assert.Equal(new LegacyConversion(title + "\n" + body, LegacyEncoding.Tcvn3), tcvn3);
        Assert.Equal(new LegacyConversion(title + "\n" + body, LegacyEncoding.Vni), vni);
    }

    [Fact]
    public void MixedTextKeepsUnicodeWordsBetweenLegacyParagraphs()
    {
        const string unicode = "Tin mới: Lê Huy Vịnh chủ trì.";
        var before = string.Join(" ", Sentences[..3]);
        var after = string.Join(" ", Sentences[3..5]);

        var result = LegacyVietnamese.Repair(EncodeTcvn3(before) + " " + unicode + " " + EncodeTcvn3(after));

        Assert.Equal(before + " " + unicode + " " + after, result.Text);
        Assert.Equal(LegacyEncoding.Tcvn3, result.Encoding);
    }

    [Fact]
    public void MixedTextIsLeftAloneWhenLegacyDoesNotClearlyDominate()
    {
        var text = string.Join(" ", Sentences[..4]) + " Coäng hoøa.";

        Assert.Same(text, LegacyVietnamese.Repair(text).Text);
        Assert.Equal(LegacyEncoding.None, LegacyVietnamese.Detect(text));
    }

    [Fact]
    public void Tcvn3CapitalsConvert()
    {
        Assert.Equal("ĂÂÊÔƠƯĐ", LegacyVietnamese.FromTcvn3("\u00A1\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7"));
    }

    [Fact]
    public void VnTimeHCapitalsComeOutInLowerCase()
    {
        // .VnTimeH fonts draw lower-case codes as capitals; TCVN3 has no code for a capital Ộ.
        Assert.Equal("Cộng hòa", LegacyVietnamese.FromTcvn3("Céng hßa"));
        Assert.Equal("CộNG HòA", LegacyVietnamese.FromTcvn3("CéNG HßA"));
    }

    [Fact]
    public void RepairGivesTheSameAnswerOnManyThreads()
    {
        var inputs = Sentences.SelectMany(s => new[] { s, EncodeTcvn3(s), EncodeVni(s) }).ToArray();
        var expected = inputs.Select(LegacyVietnamese.Repair).ToArray();

        Parallel.For(0, 2000, i =>
        {
            var index = i % inputs.Length;
            Assert.Equal(expected[index], LegacyVietnamese.Repair(inputs[index]));
        });
    }

    private static IEnumerable<(string Unicode, string Legacy)> ChartPairs()
    {
        var unicodeGroups = VniChartUnicode.Split('|');
        var legacyGroups = VniChartLegacy.Split('|');
        Assert.Equal(unicodeGroups.Length, legacyGroups.Length);
        for (var g = 0; g < unicodeGroups.Length; g++)
        {
            var unicode = unicodeGroups[g].Split(' ');
            var legacy = legacyGroups[g].Split(' ');
            Assert.Equal(unicode.Length, legacy.Length);
            for (var i = 0; i < unicode.Length; i++)
            {
                yield return (unicode[i], legacy[i]);
            }
        }
    }

    /// <summary>Unicode to TCVN3 as pasted (one Latin-1 char per byte); throws for letters TCVN3 cannot write.</summary>
    private static string EncodeTcvn3(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (c < '\u0080')
            {
                builder.Append(c);
            }
            else if (Tcvn3Bytes.TryGetValue(c, out var code))
            {
                builder.Append((char)code);
            }
            else
            {
                throw new ArgumentException($"TCVN3 has no code for '{c}'.", nameof(text));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Unicode to VNI, derived from each letter's canonical decomposition rather than from a letter table:
    /// circumflex, breve and horn pick the mark family, the combining tone mark picks the member.
    /// </summary>
    private static string EncodeVni(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            builder.Append(c switch
            {
                < '\u0080' => c.ToString(),
                'đ' => "ñ",
                'Đ' => "Ñ",
                _ => EncodeVniLetter(c),
            });
        }

        return builder.ToString();
    }

    private static string EncodeVniLetter(char letter)
    {
        var decomposed = letter.ToString().Normalize(NormalizationForm.FormD);
        var baseLetter = char.ToLowerInvariant(decomposed[0]);
        Assert.InRange(baseLetter, 'a', 'z');

        // Tone order here is the VNI keyboard's: 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng; 0 for none.
        var tone = decomposed.Contains('\u0301', StringComparison.Ordinal) ? 1
            : decomposed.Contains('\u0300', StringComparison.Ordinal) ? 2
            : decomposed.Contains('\u0309', StringComparison.Ordinal) ? 3
            : decomposed.Contains('\u0303', StringComparison.Ordinal) ? 4
            : decomposed.Contains('\u0323', StringComparison.Ordinal) ? 5
            : 0;
        var circumflex = decomposed.Contains('\u0302', StringComparison.Ordinal);
        var breve = decomposed.Contains('\u0306', StringComparison.Ordinal);
        var horn = decomposed.Contains('\u031B', StringComparison.Ordinal);

        const string toneMarks = " ùøûõï";          // after a e o u y ơ ư
        const string circumflexMarks = "âáàåãä";    // â ê ô, alone or with a tone
        const string breveMarks = "êéèúüë";         // ă, alone or with a tone
        const string iLetters = "iíìæóò";           // i is written as one character

        var vni = (baseLetter, circumflex, breve, horn) switch
        {
            ('a' or 'e' or 'o', true, false, false) => string.Concat(baseLetter.ToString(), circumflexMarks[tone].ToString()),
            ('a', false, true, false) => string.Concat("a", breveMarks[tone].ToString()),
            ('o', false, false, true) => ("ô" + toneMarks[tone]).TrimEnd(),
            ('u', false, false, true) => ("ö" + toneMarks[tone]).TrimEnd(),
            ('i', false, false, false) => iLetters[tone].ToString(),
            ('y', false, false, false) when tone == 5 => "î",
            ('a' or 'e' or 'o' or 'u' or 'y', false, false, false) => (baseLetter + toneMarks[tone].ToString()).TrimEnd(),
            _ => throw new ArgumentException($"Not a Vietnamese letter: '{letter}'.", nameof(letter)),
        };

        return char.IsUpper(letter) ? vni.ToUpper(CultureInfo.InvariantCulture) : vni;
    }
}

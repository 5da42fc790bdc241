using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

public sealed class AbbreviationTests
{
    [Theory]
    [InlineData("", "cải cách hành chính", "Chữ viết tắt không được để trống.")]
    [InlineData("   ", "cải cách hành chính", "Chữ viết tắt không được để trống.")]
    [InlineData("CCHC", "", "Nghĩa đầy đủ không được để trống.")]
    [InlineData("CC HC", "cải cách hành chính", "Chữ viết tắt chỉ gồm chữ cái và chữ số, không có dấu cách.")]
    [InlineData("<b>", "in đậm", "Chữ viết tắt chỉ gồm chữ cái và chữ số, không có dấu cách.")]
    [InlineData("123", "một hai ba", "Chữ viết tắt chỉ gồm chữ cái và chữ số, không có dấu cách.")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", "quá dài", "Chữ viết tắt dài quá 20 ký tự.")]
    [InlineData("CCHC", "CCHC", "Nghĩa đầy đủ phải khác chữ viết tắt.")]
    [InlineData("CCHC", " cchc ", "Nghĩa đầy đủ phải khác chữ viết tắt.")]
    public void InvalidEntriesAreRefusedInVietnamese(string shortForm, string expansion, string message)
    {
        var ex = Assert.Throws<DomainException>(() => new Abbreviation(shortForm, expansion));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void TextIsTrimmedAndInNfcAndLengthsCountAsStored()
    {
        // 200 letters in NFC ("ả" is one character) but 400 in NFD: still within the limit.
        var expansion = string.Concat(Enumerable.Repeat("ả", Abbreviation.ExpansionMaxLength));
        var nfd = expansion.Normalize(System.Text.NormalizationForm.FormD);
        Assert.Equal(2 * Abbreviation.ExpansionMaxLength, nfd.Length);

        var entry = new Abbreviation(" TU\u031B ", nfd);

        Assert.Equal("TƯ", entry.ShortForm);
        Assert.Equal(expansion, entry.Expansion);
    }

    [Fact]
    public void TheSameShortFormInAnotherCaseOrFormHasTheSameKey()
    {
        Assert.Equal(Abbreviation.SameCaseKey("TƯ"), Abbreviation.SameCaseKey("tu\u031B"));
        Assert.Equal(Abbreviation.SameCaseKey("CPĐT"), Abbreviation.SameCaseKey("cpđt"));
        Assert.NotEqual(Abbreviation.SameCaseKey("CPĐT"), Abbreviation.SameCaseKey("CPDT"));
    }
}

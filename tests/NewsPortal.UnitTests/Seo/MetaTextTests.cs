using NewsPortal.Web.Services.Seo;

namespace NewsPortal.UnitTests.Seo;

public sealed class MetaTextTests
{
    [Fact]
    public void ShortTextIsKeptWithWhitespaceCollapsed()
    {
        Assert.Equal("Tin bài chuyên mục Cải cách hành chính.", MetaText.Description("  Tin bài\n chuyên mục\t\tCải cách   hành chính.  "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public void EmptyTextIsEmpty(string? text)
    {
        Assert.Equal(string.Empty, MetaText.Description(text));
    }

    [Fact]
    public void LongTextIsCutAtAWordBoundaryWithAnEllipsis()
    {
        var lead = string.Join(' ', Enumerable.Repeat("Ban Chỉ đạo cải cách hành chính Quân khu 2,", 10));

        var description = MetaText.Description(lead);

        Assert.True(description.Length <= MetaText.DescriptionLength, description.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        var kept = description[..^1];
        Assert.StartsWith(kept, lead, StringComparison.Ordinal);
        // The cut falls between words, and no comma dangles before the ellipsis.
        Assert.True(lead[kept.Length] is ' ' or ',', $"cut inside a word: …{lead.Substring(kept.Length - 5, 10)}…");
        Assert.False(kept.EndsWith(',') || kept.EndsWith(' '));
    }

    [Fact]
    public void AnUnbrokenStringIsCutAtTheLimit()
    {
        var description = MetaText.Description(new string('a', 500));

        Assert.Equal(MetaText.DescriptionLength, description.Length);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
    }

    [Fact]
    public void VietnameseLettersAreKeptWhole()
    {
        // NFC letters with stacked marks are single chars: a cut never splits one.
        var text = string.Concat(Enumerable.Repeat("Quốc phòng ", 30));

        var description = MetaText.Description(text);

        Assert.Equal(description.Normalize(System.Text.NormalizationForm.FormC), description);
        Assert.Matches(" (Quốc|phòng)…$", description);
    }
}

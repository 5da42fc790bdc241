using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Options;

namespace NewsPortal.UnitTests.Seo;

public sealed class SiteOptionsTests
{
    private static List<ValidationResult> Validate(SiteOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://cchc.qk.vn")]
    [InlineData("https://cchc.qk.vn/")]
    [InlineData("http://localhost:5080/tin-tuc")]
    public void UsableBaseUrlsAreAccepted(string? baseUrl)
    {
        Assert.Empty(Validate(new SiteOptions { BaseUrl = baseUrl }));
    }

    [Theory]
    [InlineData("cchc.qk.vn")]
    [InlineData("/tin-tuc")]
    [InlineData("ftp://cchc.qk.vn")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://cchc.qk.vn/?a=b")]
    [InlineData("https://cchc.qk.vn/#x")]
    [InlineData("https://user:pass@cchc.qk.vn")]
    public void OtherBaseUrlsAreRefused(string baseUrl)
    {
        var error = Assert.Single(Validate(new SiteOptions { BaseUrl = baseUrl }));
        Assert.Contains(nameof(SiteOptions.BaseUrl), error.MemberNames);
    }

    [Theory]
    [InlineData(0, 20)]
    [InlineData(101, 20)]
    [InlineData(20, 0)]
    [InlineData(20, 50_001)]
    public void FeedSizeAndSitemapFileSizeAreBounded(int feedSize, int perFile)
    {
        Assert.NotEmpty(Validate(new SiteOptions { FeedSize = feedSize, SitemapUrlsPerFile = perFile }));
    }
}

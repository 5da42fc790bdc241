using NewsPortal.IntegrationTests.Infrastructure;
using static NewsPortal.IntegrationTests.Search.SearchCorpus;

namespace NewsPortal.IntegrationTests.Search;

/// <summary>A word in nearly every article (a byline, the region's name) must not bury the relevant ones.</summary>
public sealed class CommonWordTests
{
    [Fact]
    public async Task WordsInMostArticlesNeitherDecideTheOrderNorHideTheRelevantArticle()
    {
        await using var factory = new SqliteFactory();
        var client = factory.CreateClient();
        var day = new DateTime(2022, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var n = 1; n <= 50; n++)
        {
            // Newer than the relevant article, with the common words in the title and byline.
            await AddAsync(factory, $"Bản tin Quân khu số {n}", "Hoạt động của các đơn vị trong tuần.", day.AddHours(n), byline: "Tin, ảnh: Hoàng Minh Khuê");
        }

        var relevant = await AddAsync(factory, "Diễn tập phòng chống lũ quét ở Mường Tè", "Lực lượng vũ trang huyện diễn tập phòng chống lũ quét.", day.AddDays(-30));
        await WaitUntilIndexedAsync(factory);

        // "quân khu" and the byline are in most articles; "lũ quét" in one.
        var (_, page) = await SearchAsync(client, "Quân khu lũ quét");
        Assert.Equal(SlugOf(factory, relevant), ResultSlugs(page).First());

        var (_, byline) = await SearchAsync(client, "Hoàng Minh Khuê phòng chống lũ quét");
        Assert.Equal([SlugOf(factory, relevant)], ResultSlugs(byline).Take(1));

        // Asked for the common words alone, they are all required and every article that has them is found.
        var (_, common) = await SearchAsync(client, "Bản tin Quân khu");
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(common.QuerySelector(".search-count")!.Text(), "[0-9]+").Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(count, 50, 81);
        Assert.Equal("Bản tin Quân khu số 50", common.QuerySelector(".search-result h2")!.Text());
    }
}

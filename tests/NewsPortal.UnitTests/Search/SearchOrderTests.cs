using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPortal.Web.Options;
using NewsPortal.Web.Services.Search;

namespace NewsPortal.UnitTests.Search;

/// <summary>
/// The index ranks the articles where the query is in the title or the lead (scored) before those
/// where it is only in the body (newest first), counts them all, and pages through that one order.
/// </summary>
public sealed class SearchOrderTests : IDisposable
{
    private static readonly DateTime Day = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "newsportal-order-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;

    public SearchOrderTests()
    {
        _index = new SearchIndex(Microsoft.Extensions.Options.Options.Create(new SearchOptions { IndexPath = _path }), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, NullLogger<SearchIndex>.Instance);
        var articles = new List<IndexedArticle>();
        // 1–3: the phrase in the title (newest is 3); 4–5: in the lead; 6–30: only in the body, dated
        // so that the body-only ones are the newest of all; 31–40: without the phrase.
        for (var id = 1; id <= 40; id++)
        {
            var title = id <= 3 ? $"Lũ quét ở bản số {id}" : $"Tin địa phương số {id}";
            var lead = id is 4 or 5 ? "Người dân kể về lũ quét đêm qua." : "Tin ngắn trong ngày.";
            var body = id <= 30 ? "Đơn vị đã giúp dân sau trận lũ quét." : "Đơn vị tăng gia sản xuất.";
            articles.Add(new IndexedArticle(id, 1, title, lead, body, null, [], 1, Day.AddHours(id)));
        }

        _index.Apply(articles, [], Day.AddDays(3), complete: true);
    }

    private SearchHits Find(int skip, int take) =>
        _index.Search(new SearchRequest(SearchQuery.Parse("lũ quét", _index.Analyzer, []), null, null, null, Day.AddDays(10), skip, take));

    [Fact]
    public void TitleThenLeadThenBodyOnlyNewestFirstAndEveryMatchCounted()
    {
        var all = Find(0, 40);

        Assert.Equal(30, all.Total);
        int[] expected = [3, 2, 1, 5, 4, .. Enumerable.Range(6, 25).Reverse()];
        Assert.Equal(expected, all.ArticleIds);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 2)]
    [InlineData(0, 3)]
    [InlineData(0, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 10)]
    [InlineData(20, 10)]
    [InlineData(28, 10)]
    public void PagesFollowTheSameOrder(int skip, int take)
    {
        var page = Find(skip, take);

        Assert.Equal(30, page.Total);
        Assert.Equal(Find(0, 40).ArticleIds.Skip(skip).Take(take), page.ArticleIds);
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_path, recursive: true);
    }
}

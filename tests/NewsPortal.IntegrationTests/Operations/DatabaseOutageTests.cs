using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Operations;

/// <summary>When the database goes away, pages answer 503 with Retry-After, in Vietnamese.</summary>
public sealed class DatabaseOutageTests : IClassFixture<PostgreSqlFactory>
{
    private readonly PostgreSqlFactory _factory;

    public DatabaseOutageTests(PostgreSqlFactory factory) => _factory = factory;

    [Fact]
    public async Task PagesAnswer503WithRetryAfterWhileTheDatabaseIsDown()
    {
        var client = _factory.CreateClient();
        // Cache the home page after the start-up seed's repeated eviction, not before it.
        await Task.Delay(NewsPortal.Web.Infrastructure.Caching.OutputCachePageInvalidator.Repeat + TimeSpan.FromMilliseconds(500));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);

        await _factory.Cluster!.StopAsync();

        // A page already in the output cache is still served: readers keep reading.
        var cached = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.NotNull(cached.Headers.Age);

        // One that is not answers 503.
        foreach (var url in new[] { "/?trang=1", "/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021", "/chuyen-muc/cai-cach-hanh-chinh" })
        {
            var (response, page) = await client.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter!.Delta);
            Assert.Equal("Hệ thống tạm thời gián đoạn", page.QuerySelector("h1")!.Text());
            Assert.DoesNotContain("Npgsql", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }
}

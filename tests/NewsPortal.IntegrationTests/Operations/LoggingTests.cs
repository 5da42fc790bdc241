using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Operations;

public sealed class LoggingTests : IClassFixture<SqliteFactory>
{
    private readonly SqliteFactory _factory;

    public LoggingTests(SqliteFactory factory) => _factory = factory;

    [Fact]
    public async Task RequestsAreLoggedToTheFileWithoutPersonalData()
    {
        var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021?email=ban.doc%40example.vn&ten=Nguyen");
        request.Headers.Add("X-Forwarded-For", "198.18.0.77");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/khong-co?email=an%40example.vn", UriKind.Relative))).StatusCode);

        var logs = await WaitForLogsAsync("responded 404");

        Assert.Contains("HTTP GET /bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021 responded 200", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("example.vn", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("email=", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("198.18.0.77", logs, StringComparison.Ordinal);
        // The seeded commenters' addresses are in the database, never in the log.
        Assert.DoesNotContain("203.0.113.10", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("hai.nguyen", logs, StringComparison.Ordinal);
    }

    private async Task<string> WaitForLogsAsync(string expected)
    {
        for (var i = 0; i < 50; i++)
        {
            var logs = _factory.ReadLogs();
            if (logs.Contains(expected, StringComparison.Ordinal))
            {
                return logs;
            }

            await Task.Delay(100);
        }

        return _factory.ReadLogs();
    }
}

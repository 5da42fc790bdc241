using System.Net;
using Microsoft.AspNetCore.Http;
using NewsPortal.Web;
using Serilog.Events;
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
        using var missing = new HttpRequestMessage(HttpMethod.Get, "/khong-co?email=an%40example.vn");
        missing.Headers.Add("X-Forwarded-For", "198.18.0.78");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(missing)).StatusCode);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/bai-viet/khong-co/binh-luan?email=an%40example.vn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "an@example.vn" }),
        };
        post.Headers.Add("X-Forwarded-For", "198.18.0.79");
        await client.SendAsync(post);

        var logs = await WaitForLogsAsync("HTTP POST /bai-viet/khong-co/binh-luan responded");

        Assert.Contains("HTTP GET /khong-co responded 404", logs, StringComparison.Ordinal);
        Assert.Contains("HTTP POST /bai-viet/khong-co/binh-luan responded", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("example.vn", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("email=", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("198.18.0.7", logs, StringComparison.Ordinal);
        // The seeded commenters' addresses are in the database, never in the log.
        Assert.DoesNotContain("203.0.113.10", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("hai.nguyen", logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", 200, 3.0, false, LogEventLevel.Debug)]
    [InlineData("HEAD", 304, 1.0, false, LogEventLevel.Debug)]
    [InlineData("GET", 200, 750.0, false, LogEventLevel.Warning)]
    [InlineData("GET", 404, 2.0, false, LogEventLevel.Warning)]
    [InlineData("POST", 303, 4.0, false, LogEventLevel.Information)]
    [InlineData("POST", 429, 1.0, false, LogEventLevel.Warning)]
    [InlineData("GET", 503, 1.0, false, LogEventLevel.Error)]
    [InlineData("GET", 200, 1.0, true, LogEventLevel.Error)]
    public void AFastSuccessfulReadIsNotWrittenButEveryWriteErrorAndSlowReadIs(string method, int status, double milliseconds, bool failed, LogEventLevel expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Response.StatusCode = status;

        Assert.Equal(expected, NewsPortalServiceCollectionExtensions.RequestLogLevel(context, milliseconds, failed ? new InvalidOperationException() : null));
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

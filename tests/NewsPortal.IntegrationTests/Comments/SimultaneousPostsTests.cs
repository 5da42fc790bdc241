using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;

namespace NewsPortal.IntegrationTests.Comments;

/// <summary>
/// Comments posted at the same instant through the real form: the duplicate and flood checks hold
/// (one of a burst from one reader is stored), and nothing accepted is lost (a burst from many
/// readers is stored whole). On SQLite and on PostgreSQL, whose concurrency differs.
/// </summary>
public abstract class SimultaneousPostsTests<TFactory>(TFactory factory) where TFactory : NewsPortalFactory
{
    private const string Slug = "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";
    private const int Burst = 12;

    private async Task<string> FormTokenAsync()
    {
        using var client = factory.CreateClient();
        var (response, page) = await client.GetPageAsync("/bai-viet/" + Slug + "?lan=" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("form.comment-form input[name=FormToken]")!.GetAttribute("value")!;
    }

    private async Task<HttpStatusCode[]> PostAllAsync(IEnumerable<(string Email, string Body)> comments)
    {
        var token = await FormTokenAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var start = new SemaphoreSlim(0);
        var posts = comments.Select(async c =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/bai-viet/" + Slug + "/binh-luan", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["FormToken"] = token, ["Body"] = c.Body, ["Name"] = "Bạn đọc", ["Email"] = c.Email, ["Website"] = string.Empty, ["Phone"] = string.Empty,
                }),
            };
            request.Headers.Add("Origin", "http://localhost");
            await start.WaitAsync();
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }).ToList();
        start.Release(posts.Count);
        return await Task.WhenAll(posts);
    }

    private async Task<int> StoredAsync(string emailPrefix)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.Comments.CountAsync(c => c.AuthorEmail.StartsWith(emailPrefix));
    }

    [Fact]
    public async Task TheSameCommentSentManyTimesAtOnceIsStoredOnce()
    {
        var prefix = "cung-luc-" + Guid.NewGuid().ToString("N")[..8];
        var statuses = await PostAllAsync(Enumerable.Repeat((prefix + "@example.vn", "Gửi một lần nhưng bấm nút nhiều lần."), Burst));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.SeeOther));
        Assert.All(statuses.Where(s => s != HttpStatusCode.SeeOther), s => Assert.True(s is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.Equal(1, await StoredAsync(prefix));
    }

    [Fact]
    public async Task OneReaderFloodingAtOnceGetsOneCommentThrough()
    {
        var prefix = "don-dap-" + Guid.NewGuid().ToString("N")[..8];
        var statuses = await PostAllAsync(Enumerable.Range(1, Burst).Select(i => (prefix + "@example.vn", $"Bình luận thứ {i} gửi dồn dập.")));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.SeeOther));
        Assert.Equal(Burst - 1, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(1, await StoredAsync(prefix));
    }

    [Fact]
    public async Task ManyReadersAtOnceAreAllStored()
    {
        var prefix = "nhieu-" + Guid.NewGuid().ToString("N")[..8];
        var statuses = await PostAllAsync(Enumerable.Range(1, Burst).Select(i => ($"{prefix}-{i}@example.vn", $"Ý kiến của bạn đọc số {i}.")));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.SeeOther, s));
        Assert.Equal(Burst, await StoredAsync(prefix));
    }
}

public sealed class SimultaneousPostsSqliteTests(SqliteFactory factory)
    : SimultaneousPostsTests<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class SimultaneousPostsPostgreSqlTests(PostgreSqlFactory factory)
    : SimultaneousPostsTests<PostgreSqlFactory>(factory), IClassFixture<PostgreSqlFactory>;

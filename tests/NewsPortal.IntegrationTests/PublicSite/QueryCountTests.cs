using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Search;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using Xunit.Abstractions;

namespace NewsPortal.IntegrationTests.PublicSite;

/// <summary>
/// Every public page runs a fixed, small number of SQL commands, however many articles, tags and
/// comments there are (no N+1): counted per request by a command interceptor, with the output
/// cache off (<c>Caching:OutputCache=false</c>) so each request runs its queries.
/// </summary>
public sealed class QueryCountTests(ITestOutputHelper output)
{
    private const string Section = "cai-cach-hanh-chinh";
    private const string Article = "/bai-viet/" + SearchCorpus.FixtureSlug;

    /// <summary>Each page and the most commands it may run (docs/performance.md, "Queries").</summary>
    private static readonly (string Url, int Max)[] Pages =
    [
        ("/", 5),
        ("/chuyen-muc/" + Section, 3),
        ("/the/cchc", 4),
        ("/luu-tru/2022", 3),
        (Article, 6),
        ("/tim-kiem?q=CCHC", 3),
        ("/rss", 1),
        ("/chuyen-muc/" + Section + "/rss", 2),
    ];

    [Fact]
    public async Task EachPageRunsTheSameFewCommandsWithFewAndWithManyArticles()
    {
        await using var factory = new CountingFactory();
        var client = factory.CreateClient();
        await SearchCorpus.WaitUntilIndexedAsync(factory);
        var few = await CountAsync(factory, client);

        await AddManyAsync(factory);
        await SearchCorpus.WaitUntilIndexedAsync(factory);
        var many = await CountAsync(factory, client);

        foreach (var (url, max) in Pages)
        {
            output.WriteLine($"{url}: {few[url]} commands, then {many[url]}");
            Assert.True(few[url] > 0, $"{url} ran no command: the counter saw nothing");
            Assert.True(few[url] <= max, $"{url} ran {few[url]} commands; at most {max} expected");
            Assert.True(few[url] == many[url], $"{url} ran {few[url]} commands on the seeded site and {many[url]} with many more articles, tags and comments");
        }
    }

    [Fact]
    public async Task WithTheOutputCacheOffNothingIsServedFromIt()
    {
        await using var factory = new CountingFactory();
        var client = factory.CreateClient();
        await client.GetAsync(new Uri("/", UriKind.Relative));
        var again = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null(again.Headers.Age);
        Assert.Null(again.Headers.ETag);
    }

    /// <summary>The commands of the second request of each page (the first one fills per-node caches: the glossary).</summary>
    private static async Task<Dictionary<string, int>> CountAsync(CountingFactory factory, HttpClient client)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (url, _) in Pages)
        {
            var uri = new Uri(url, UriKind.Relative);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(uri)).StatusCode);
            factory.Commands.Clear();
            var response = await client.GetAsync(uri);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            counts[url] = factory.Commands.TryGetValue(url, out var n) ? n : 0;
        }

        return counts;
    }

    /// <summary>
    /// Thirty more articles in the section and under the tag (three pages of each list), each with
    /// three more tags; twelve approved comments on the article (replies among them) and four more tags.
    /// </summary>
    private static async Task AddManyAsync(CountingFactory factory)
    {
        var ids = new List<int>();
        for (var i = 1; i <= 30; i++)
        {
            ids.Add(await TestArticles.AddAsync(factory, $"Bài kiểm thử số lượng truy vấn {i}", $"bai-kiem-thu-truy-van-{i}", Section,
                publishedAtUtc: new DateTime(2022, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i)));
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var cchc = await db.Tags.SingleAsync(t => t.Slug == "cchc");
        var extra = Enumerable.Range(1, 4).Select(i => new Tag($"Thẻ kiểm thử {i}", $"the-kiem-thu-{i}")).ToList();
        db.Tags.AddRange(extra);
        foreach (var article in await db.Articles.Include(a => a.Tags).Where(a => ids.Contains(a.Id)).ToListAsync())
        {
            article.Tags.Add(cchc);
            article.Tags.Add(extra[0]);
            article.Tags.Add(extra[1]);
        }

        var fixture = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Slug == SearchCorpus.FixtureSlug);
        foreach (var tag in extra)
        {
            fixture.Tags.Add(tag);
        }

        await db.SaveChangesAsync();
        for (var i = 1; i <= 6; i++)
        {
            var comment = new Comment(fixture.Id, null, $"Bạn đọc {i}", $"ban-doc-{i}@example.vn", null, $"Ý kiến số {i} về bài viết.", "192.0.2.1", now.AddMinutes(-60 + i));
            comment.Approve(now);
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            var reply = new Comment(fixture.Id, comment.Id, $"Bạn đọc trả lời {i}", $"tra-loi-{i}@example.vn", null, $"Trả lời ý kiến số {i}.", "192.0.2.2", now.AddMinutes(-30 + i), depth: 2);
            reply.Approve(now);
            db.Comments.Add(reply);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The seeded site with the output cache off and every SQL command counted by the request's address.</summary>
    private sealed class CountingFactory : SqliteFactory
    {
        public ConcurrentDictionary<string, int> Commands => Counter.Commands;

        private CommandCounter Counter { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Caching:OutputCache"] = "false",
            ["Scheduling:Enabled"] = "false",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(sp =>
            {
                Counter.Requests = sp.GetRequiredService<IHttpContextAccessor>();
                return Counter;
            }));
        }
    }

    /// <summary>Counts the commands run on behalf of a request (background work has no request and is not counted).</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        public ConcurrentDictionary<string, int> Commands { get; } = new(StringComparer.Ordinal);

        public IHttpContextAccessor? Requests { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count();
            return base.ReaderExecuting(command, eventData, result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count();
            return base.ScalarExecuting(command, eventData, result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count();
            return base.NonQueryExecuting(command, eventData, result);
        }

        private void Count()
        {
            if (Requests?.HttpContext?.Request is { } request)
            {
                Commands.AddOrUpdate(request.Path + request.QueryString, 1, static (_, n) => n + 1);
            }
        }
    }
}

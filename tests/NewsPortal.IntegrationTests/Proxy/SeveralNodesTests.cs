using System.Net;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Admin;
using NewsPortal.IntegrationTests.Articles;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Services.Glossary;
using StackExchange.Redis;

namespace NewsPortal.IntegrationTests.Proxy;

/// <summary>
/// One web node of several on one SQLite file. With <paramref name="redis"/>, the app's own
/// Redis:Configuration; without, a key ring in this node's own folder (as two machines would have).
/// </summary>
public sealed class NodeFactory(string databaseFile, string? redis) : SqliteFactory
{
    protected override string ConnectionString => $"Data Source={databaseFile}";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:SignInPermitLimit"] = "100000",
        ["Redis:Configuration"] = redis,
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (redis is null)
        {
            builder.ConfigureServices(services =>
                services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(WorkDirectory, "keys"))));
        }
    }
}

/// <summary>Two portal instances on one database: a sign-in on one works on the other only with the shared key ring.</summary>
public sealed class SeveralNodesTests : IDisposable
{
    private const string RedisMissing = "redis-server is not installed at " + RedisServer.Executable + "; ./test.sh installs it (apt-get install -y redis-server).";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "np-tests", "nodes-" + Guid.NewGuid().ToString("N")[..12]);

    public SeveralNodesTests() => Directory.CreateDirectory(_directory);

    private string DatabaseFile => Path.Combine(_directory, "newsportal.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Node A migrates and seeds; node B starts on the same database.</summary>
    private (NodeFactory A, NodeFactory B) StartNodes(string? redis)
    {
        var a = new NodeFactory(DatabaseFile, redis);
        _ = a.Services;
        var b = new NodeFactory(DatabaseFile, redis);
        _ = b.Services;
        return (a, b);
    }

    /// <summary>Signs an editor in on <paramref name="node"/> through the sign-in page; returns the Cookie header a browser would send next.</summary>
    private static async Task<string> SignInAsync(NodeFactory node, StaffAccount editor)
    {
        using var browser = node.CreateBrowser();
        var response = await browser.SubmitPasswordAsync(editor.Email, editor.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var cookies = response.Headers.GetValues("Set-Cookie")
            .Select(header => header.Split(';', 2)[0])
            .Where(pair => pair.StartsWith("np.auth", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(cookies);
        return string.Join("; ", cookies);
    }

    private static async Task<HttpResponseMessage> DashboardAsync(NodeFactory node, string cookie)
    {
        using var client = node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    [SkippableFact]
    public async Task WithRedisASignInOnOneNodeWorksOnTheOther()
    {
        Skip.IfNot(RedisServer.IsAvailable, RedisMissing);
        await using var redis = await RedisServer.StartAsync();
        var (a, b) = StartNodes(redis.ConnectionString);
        await using var nodeA = a;
        await using var nodeB = b;
        var editor = await nodeA.CreateStaffAsync(Roles.Editor);

        var cookie = await SignInAsync(nodeA, editor);
        var onA = await DashboardAsync(nodeA, cookie);
        var onB = await DashboardAsync(nodeB, cookie);

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        Assert.Contains("<h1>Bảng tin</h1>", await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The key ring is in Redis, not in a folder both nodes happen to share on this machine.
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.True(await connection.GetDatabase().ListLengthAsync(RedisKeys.DataProtectionKeys) > 0);
    }

    [SkippableFact]
    public async Task WithRedisTheOutputCacheStoreIsSharedAndAnEvictionOnOneNodeIsSeenByTheOther()
    {
        Skip.IfNot(RedisServer.IsAvailable, RedisMissing);
        await using var redis = await RedisServer.StartAsync();
        var (a, b) = StartNodes(redis.ConnectionString);
        await using var nodeA = a;
        await using var nodeB = b;
        var storeA = nodeA.Services.GetRequiredService<IOutputCacheStore>();
        var storeB = nodeB.Services.GetRequiredService<IOutputCacheStore>();
        var page = Encoding.UTF8.GetBytes("<h1>Bài viết</h1>");

        await storeA.SetAsync("trang-bai-viet", page, ["bai-viet-1"], TimeSpan.FromMinutes(5), CancellationToken.None);
        // The store adds the tags fire-and-forget; a round trip on node A's connection makes sure Redis
        // has them before node B's eviction (on another connection) looks for them.
        Assert.Equal(page, await storeA.GetAsync("trang-bai-viet", CancellationToken.None));
        var seenOnB = await storeB.GetAsync("trang-bai-viet", CancellationToken.None);
        await storeB.EvictByTagAsync("bai-viet-1", CancellationToken.None);
        var afterEviction = await storeA.GetAsync("trang-bai-viet", CancellationToken.None);

        Assert.Equal(page, seenOnB);
        Assert.Null(afterEviction);
    }

    /// <summary>
    /// A glossary change on node A evicts every article page from the shared store, but node B
    /// re-reads the glossary only up to <see cref="AbbreviationGlossary.MaxAge"/> later: a page it
    /// renders meanwhile is stored for every node without the new entry. Node A evicts the
    /// article pages again once every node has re-read it, so that page does not stay for the
    /// cache's hour.
    /// </summary>
    [SkippableFact]
    public async Task WithRedisAGlossaryChangeOnOneNodeReachesThePagesTheOtherNodeRenderedWithItsOldGlossary()
    {
        Skip.IfNot(RedisServer.IsAvailable, RedisMissing);
        await using var redis = await RedisServer.StartAsync();
        var (a, b) = StartNodes(redis.ConnectionString);
        await using var nodeA = a;
        await using var nodeB = b;
        using var readerA = nodeA.CreateClient();
        using var readerB = nodeB.CreateClient();
        const string Article = "/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";
        async Task<string?> ExpansionOfQk2(HttpClient reader)
        {
            var (response, page) = await reader.GetPageAsync(Article);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return page.QuerySelectorAll(".article-lead abbr").SingleOrDefault(e => e.TextContent == "QK2")?.GetAttribute("title");
        }

        Assert.Null(await ExpansionOfQk2(readerB)); // node B has read the glossary (and the page is cached)
        using var editor = await nodeA.SignInAsync(await nodeA.CreateStaffAsync(Roles.Editor));
        var added = await editor.PostFormAsync("/admin/tu-viet-tat/tao", "/admin/tu-viet-tat/tao", ("Input.ShortForm", "QK2"), ("Input.Expansion", "Quân khu 2"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        // Within its glossary's age node B renders the page without QK2, into the shared store.
        Assert.Null(await ExpansionOfQk2(readerB));

        // Node B's copy of the glossary ages out; node A's second eviction comes after that.
        nodeB.Clock.Advance(AbbreviationGlossary.MaxAge);
        nodeA.Clock.Advance(AbbreviationGlossary.MaxAge + OutputCachePageInvalidator.Repeat);
        string? onB = null;
        for (var attempt = 0; attempt < 50 && onB is null; attempt++)
        {
            await Task.Delay(100);
            onB = await ExpansionOfQk2(readerB);
        }

        Assert.Equal("Quân khu 2", onB);
        Assert.Equal("Quân khu 2", await ExpansionOfQk2(readerA));
    }

    /// <summary>
    /// The eviction after a save runs once the change is committed. While Redis does not answer
    /// (paused here, as during a restart or a network blip) the save still succeeds, and the
    /// eviction is retried until Redis answers again, so the page cached before the change goes.
    /// </summary>
    [SkippableFact]
    public async Task WithRedisNotAnsweringASaveSucceedsAndItsEvictionIsRetriedUntilRedisAnswersAgain()
    {
        Skip.IfNot(RedisServer.IsAvailable, RedisMissing);
        await using var redis = await RedisServer.StartAsync();
        await using var node = new NodeFactory(DatabaseFile, redis.ConnectionString + ",asyncTimeout=200,syncTimeout=200");
        using var reader = node.CreateClient();
        const string Slug = "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";
        const string NewTitle = "Tiêu đề đổi khi Redis không trả lời";
        async Task<(bool Cached, string Html)> GetAsync()
        {
            var response = await reader.GetAsync(new Uri("/bai-viet/" + Slug, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
        }

        // Cached (the seeding's evictions are repeated a second later, later still on a busy machine).
        var cached = false;
        for (var attempt = 0; attempt < 50 && !cached; attempt++)
        {
            cached = (await GetAsync()).Cached;
            await Task.Delay(cached ? 0 : 200);
        }

        Assert.True(cached, "The article page never came from the cache.");

        // Redis holds every command for 6 s: the first eviction and its repeat a second later both time out.
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        await admin.GetDatabase().ExecuteAsync("CLIENT", "PAUSE", "6000", "ALL");
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var article = await db.Articles.SingleAsync(a => a.Slug == Slug);
            article.Rename(NewTitle, Slug);
            await db.SaveChangesAsync(); // no exception although the eviction failed
        }

        Assert.Equal(NewTitle, await node.QueryAsync(db => db.Articles.Where(a => a.Slug == Slug).Select(a => a.Title).SingleAsync()));
        var shown = false;
        for (var attempt = 0; attempt < 100 && !shown; attempt++)
        {
            await Task.Delay(200);
            shown = (await GetAsync()).Html.Contains(NewTitle, StringComparison.Ordinal);
        }

        Assert.True(shown, "The page cached before the change was still served 20 s after it: its eviction was not retried.");
    }

    [Fact]
    public async Task WithoutRedisEachNodeHasItsOwnKeysAndRefusesTheOthersCookie()
    {
        var (a, b) = StartNodes(redis: null);
        await using var nodeA = a;
        await using var nodeB = b;
        var editor = await nodeA.CreateStaffAsync(Roles.Editor);

        var cookie = await SignInAsync(nodeA, editor);
        var onA = await DashboardAsync(nodeA, cookie);
        var onB = await DashboardAsync(nodeB, cookie);

        Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, onB.StatusCode);
        Assert.Equal(AdminClient.SignInPath, new Uri(new Uri("http://localhost"), onB.Headers.Location!).AbsolutePath);
        Assert.Empty(nodeB.Services.GetServices<IConnectionMultiplexer>());
    }

    [SkippableFact]
    public async Task ANodeIsNotReadyWhileItsRedisDoesNotAnswer()
    {
        Skip.IfNot(RedisServer.IsAvailable, RedisMissing);
        await using var redis = await RedisServer.StartAsync();
        await using var node = new NodeFactory(DatabaseFile, redis.ConnectionString + ",asyncTimeout=500,syncTimeout=500");
        using var client = node.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        await redis.DisposeAsync(); // stopped here, while the node runs
        var status = HttpStatusCode.OK;
        for (var attempt = 0; attempt < 50 && status == HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(200);
            status = (await client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode;
        }

        // Not ready (take it out of the upstream), but alive: nothing to restart.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ANodeStartedWhileRedisIsDownAnswers503NotAnErrorWhereItNeedsTheKeyRing()
    {
        // Nothing listens on port 1: the key ring cannot be read.
        await using var node = new NodeFactory(DatabaseFile, "127.0.0.1:1,abortConnect=false,connectTimeout=500,asyncTimeout=500,syncTimeout=500");
        using var client = node.CreateClient(new() { AllowAutoRedirect = false });

        var signIn = await client.GetAsync(new Uri(AdminClient.SignInPath, UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        Assert.NotNull(signIn.Headers.RetryAfter);
        Assert.Contains("<h1", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}

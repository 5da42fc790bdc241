using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Proxy;

/// <summary>
/// The app behind a proxy at 10.0.0.5 (listed in Proxy:KnownProxies) and the 10.1.0.0/16 network
/// (Proxy:KnownNetworks). The test server has no real peer, so a test names the address the
/// request comes from with the X-Test-Peer-Ip header, set before the app's pipeline runs.
/// </summary>
public class ProxiedFactory : SqliteFactory
{
    public const string PeerHeader = "X-Test-Peer-Ip";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Proxy:KnownProxies:0"] = "10.0.0.5",
        ["Proxy:KnownNetworks:0"] = "10.1.0.0/16",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerStartupFilter>());
    }

    private sealed class PeerStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var ip) && IPAddress.TryParse(ip.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The same, with two sign-in attempts per client address and minute.</summary>
public sealed class RateLimitedProxiedFactory : ProxiedFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Security:SignInPermitLimit"] = "2",
    };
}

/// <summary>The sign-in limit counts per forwarded client, not per proxy.</summary>
public sealed class ForwardedSignInLimitTests(RateLimitedProxiedFactory factory) : IClassFixture<RateLimitedProxiedFactory>
{
    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<HttpStatusCode> AttemptAsync(string peer, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/dang-nhap", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "khach@example.vn", ["Password"] = "sai-mat-khau-roi-nhe" }),
        };
        request.Headers.Add(ProxiedFactory.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        return (await _client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task EachClientBehindTheProxyHasItsOwnAllowance()
    {
        var first = new[] { await AttemptAsync("10.0.0.5", "198.51.100.80"), await AttemptAsync("10.0.0.5", "198.51.100.80") };
        var third = await AttemptAsync("10.0.0.5", "198.51.100.80");
        var otherClient = await AttemptAsync("10.0.0.5", "198.51.100.81");
        // An untrusted peer cannot reset its allowance by naming another address each time.
        var spoofed = new[]
        {
            await AttemptAsync("203.0.113.20", "198.51.100.90"),
            await AttemptAsync("203.0.113.20", "198.51.100.91"),
            await AttemptAsync("203.0.113.20", "198.51.100.92"),
        };

        Assert.All(first, status => Assert.NotEqual(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, third);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherClient);
        Assert.Equal(HttpStatusCode.TooManyRequests, spoofed[2]);
    }
}

/// <summary>X-Forwarded-For and X-Forwarded-Proto are believed from the configured proxies only.</summary>
public sealed class ForwardedHeadersTests(ProxiedFactory factory) : IClassFixture<ProxiedFactory>
{
    private const string Slug = "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";
    private const string TrustedProxy = "10.0.0.5";
    private const string BannedRange = "192.0.2.0/24";

    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Reads the article's form token, waits like a person, posts a comment through the given peer.</summary>
    private async Task<HttpResponseMessage> PostCommentAsync(string email, string peer, string? forwardedFor, string? forwardedProto = null, string origin = "http://localhost")
    {
        var (page, document) = await _client.GetPageAsync("/bai-viet/" + Slug);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = document.QuerySelector("form.comment-form input[name=FormToken]")!.GetAttribute("value")!;
        factory.Clock.Advance(TimeSpan.FromSeconds(20));

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/bai-viet/" + Slug + "/binh-luan", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["FormToken"] = token,
                ["Body"] = "Qua máy chủ trung gian " + Unique("x"),
                ["Name"] = "Trần Thị Bình",
                ["Email"] = email,
                ["Website"] = string.Empty,
                ["Phone"] = string.Empty,
            }),
        };
        request.Headers.Add("Origin", origin);
        request.Headers.Add(ProxiedFactory.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", forwardedProto);
        }

        return await _client.SendAsync(request);
    }

    private async Task<string?> StoredIpAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.Comments.AsNoTracking().Where(c => c.AuthorEmail == email).Select(c => c.IpAddress).SingleAsync();
    }

    private async Task BanAsync(string range)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        if (!await db.CommentBans.AnyAsync(b => b.Value == range))
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.CommentBans.Add(new CommentBan(CommentBanKind.IpRange, range, null, "Spam", "admin", now));
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task ATrustedProxysForwardedAddressIsTheCommentersAddress()
    {
        var email = Unique("qua-proxy") + "@example.vn";

        // nginx appends the address it saw to what the client sent; only the last one is believed.
        var response = await PostCommentAsync(email, TrustedProxy, "198.51.100.1, 198.51.100.23");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("198.51.100.23", await StoredIpAsync(email));
    }

    [Fact]
    public async Task AProxyInAKnownNetworkAndLoopbackAreTrusted()
    {
        var fromNetwork = Unique("mang") + "@example.vn";
        var fromLoopback = Unique("loopback") + "@example.vn";

        Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(fromNetwork, "10.1.7.9", "198.51.100.31")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(fromLoopback, "127.0.0.1", "198.51.100.32")).StatusCode);

        Assert.Equal("198.51.100.31", await StoredIpAsync(fromNetwork));
        Assert.Equal("198.51.100.32", await StoredIpAsync(fromLoopback));
    }

    [Fact]
    public async Task ABanOnTheForwardedAddressApplies()
    {
        await BanAsync(BannedRange);

        var response = await PostCommentAsync(Unique("bi-cam") + "@example.vn", TrustedProxy, "192.0.2.44");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Bạn không được phép gửi bình luận trên trang này.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUntrustedPeersForwardedHeadersAreIgnored()
    {
        await BanAsync(BannedRange);
        var email = Unique("gia-mao") + "@example.vn";

        // A banned client cannot escape its ban, nor pin a comment on someone else, by sending the header itself.
        var banned = await PostCommentAsync(Unique("van-cam") + "@example.vn", "192.0.2.45", "198.51.100.50");
        var spoofing = await PostCommentAsync(email, "203.0.113.9", "192.0.2.46");

        Assert.Equal(HttpStatusCode.Forbidden, banned.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, spoofing.StatusCode);
        Assert.Equal("203.0.113.9", await StoredIpAsync(email));
    }

    [Fact]
    public async Task TheForwardedSchemeCountsForTheOriginCheckOnlyFromATrustedProxy()
    {
        // TLS ends at nginx: the browser's Origin is https, the app hears http.
        var trusted = await PostCommentAsync(Unique("https") + "@example.vn", TrustedProxy, "198.51.100.60", "https", origin: "https://localhost");
        var untrusted = await PostCommentAsync(Unique("https-gia") + "@example.vn", "203.0.113.10", "198.51.100.61", "https", origin: "https://localhost");
        var plainWithoutProto = await PostCommentAsync(Unique("khong-proto") + "@example.vn", TrustedProxy, "198.51.100.62", origin: "https://localhost");

        Assert.Equal(HttpStatusCode.SeeOther, trusted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, untrusted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, plainWithoutProto.StatusCode);
    }

    [Theory]
    [InlineData("not-an-address", null)]
    [InlineData("198.51.100.70, , ;;", "javascript:")]
    [InlineData("[::1", "ftp")]
    [InlineData("999.999.999.999", "https, http, https")]
    public async Task MalformedForwardedHeadersAreNeverAnError(string forwardedFor, string? forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/bai-viet/" + Slug, UriKind.Relative));
        request.Headers.Add(ProxiedFactory.PeerHeader, TrustedProxy);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", forwardedProto);
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>A proxy or Redis setting that cannot be read stops the start with the reason.</summary>
public sealed class ProxySettingsTests
{
    private sealed class MisconfiguredFactory(string key, string value) : SqliteFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [key] = value };
    }

    [Theory]
    [InlineData("Proxy:KnownProxies:0", "nginx.local", "Proxy:KnownProxies")]
    [InlineData("Proxy:KnownNetworks:0", "10.0.0.0/99", "Proxy:KnownNetworks")]
    public async Task AnUnreadableProxySettingStopsTheStart(string key, string value, string named)
    {
        await using var factory = new MisconfiguredFactory(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(value, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableRedisSettingStopsTheStartWithoutShowingItsPassword()
    {
        await using var factory = new MisconfiguredFactory("Redis:Configuration", "127.0.0.1:6379,password=bi-mat-redis,khong-co=1");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Redis:Configuration", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("khong-co", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("bi-mat-redis", error.ToString(), StringComparison.Ordinal);
    }
}

using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// The output-cache policy of public pages: GET and HEAD from readers who are not signed in, 200
/// responses that set no cookie, kept until an eviction by tag (<see cref="PageTags"/>) or an hour
/// at most. Every stored page gets an ETag, so a reader's browser revalidates with a 304.
/// Pages are stored as sent: compression runs inside the cache, so a page is compressed once when it
/// is rendered and kept once per encoding a client is given (Brotli, gzip, none), not compressed
/// again for every reader.
/// With <paramref name="enabled"/> false (<c>Caching:OutputCache</c>) nothing is looked up or stored.
/// </summary>
public sealed class PublicPagePolicy(bool enabled = true) : IOutputCachePolicy
{
    public const string Name = "public-page";

    /// <summary>Below the comment form token's 24 h life, so a cached form can always be sent.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    /// <summary>The staff sign-in cookie (chunked ones are named after it with C1, C2…).</summary>
    public const string SignInCookieName = "np.auth";

    private const string EncodingKey = "content-encoding";

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var request = http.Request;
        var cacheable = enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            // The output cache runs before authentication: the cookie and the header are what say
            // a request may be someone's (the user is checked too, for a host that orders it otherwise).
            && http.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey("Authorization")
            && !request.Cookies.Keys.Any(k => k.StartsWith(SignInCookieName, StringComparison.Ordinal))
            // A commenter's own pending comment (a signed link) is theirs alone.
            && !request.Query.ContainsKey("cho-duyet");

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        // The encoding the compression middleware will choose for this request, by the same rules.
        var compression = http.RequestServices.GetService<IResponseCompressionProvider>();
        context.CacheVaryByRules.VaryByValues[EncodingKey] =
            compression is not null && compression.CheckRequestAcceptsCompression(http)
                ? compression.GetCompressionProvider(http)?.EncodingName ?? "identity"
                : "identity";
        context.ResponseExpirationTimeSpan = MaxAge;
        context.Tags.Add(PageTags.Public);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0
            || response.Headers.CacheControl.ToString().Contains("no-store", StringComparison.OrdinalIgnoreCase)
            || response.Headers.CacheControl.ToString().Contains("private", StringComparison.OrdinalIgnoreCase))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

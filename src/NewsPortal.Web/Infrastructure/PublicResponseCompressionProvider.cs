using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// Brotli or gzip for public responses only. BREACH recovers a secret from a compressed response's
/// length when the same response also reflects text the attacker chose: the Admin area's pages
/// carry antiforgery tokens beside echoed form values, so nothing under <c>/admin</c> is compressed,
/// nor any response that sets a cookie (sign-in, the sliding renewal of the staff cookie). Public
/// pages hold no per-visitor secret (docs/operations.md).
/// </summary>
public sealed class PublicResponseCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    public override bool ShouldCompressResponse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase)
            || context.Response.Headers.SetCookie.Count > 0)
        {
            return false;
        }

        return base.ShouldCompressResponse(context);
    }
}

using System.Text.RegularExpressions;
using NewsPortal.Web.Services;

namespace NewsPortal.Web.Infrastructure.Caching;

/// <summary>
/// Counts a view of every article page answered 200, served from the output cache or not (the
/// controller does not run for a cached page). Sits in front of the output cache.
/// </summary>
public static partial class ArticleViewCounting
{
    public static IApplicationBuilder UseArticleViewCounting(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var counter = app.ApplicationServices.GetRequiredService<ViewCounter>();
        return app.Use(async (context, next) =>
        {
            await next(context);
            if (HttpMethods.IsGet(context.Request.Method)
                && context.Response.StatusCode == StatusCodes.Status200OK
                && ArticlePath().Match(context.Request.Path.Value ?? string.Empty) is { Success: true } match)
            {
                counter.Count(match.Groups[1].Value);
            }
        });
    }

    [GeneratedRegex("^/bai-viet/([a-z0-9-]{1,200})$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticlePath();
}

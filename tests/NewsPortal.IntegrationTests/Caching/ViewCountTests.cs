using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Services;

namespace NewsPortal.IntegrationTests.Caching;

/// <summary>Every view of an article page is counted, served from the output cache or not, and stored.</summary>
public sealed class ViewCountTests
{
    private const string Slug = "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";

    [Fact]
    public async Task ViewsOfCachedPagesAreCountedAndStoredInOneFlush()
    {
        await using var factory = new SqliteFactory();
        var client = factory.CreateClient();
        var flusher = factory.Services.GetServices<IHostedService>().OfType<ViewCountFlusher>().Single();
        await flusher.FlushAsync(CancellationToken.None);
        var before = await ViewsAsync(factory);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/bai-viet/" + Slug, UriKind.Relative))).StatusCode);
        }

        // A missing article is not counted.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/bai-viet/khong-co-bai-nay", UriKind.Relative))).StatusCode);
        await flusher.FlushAsync(CancellationToken.None);

        Assert.Equal(before + 3, await ViewsAsync(factory));
    }

    private static async Task<long> ViewsAsync(SqliteFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.Articles.Where(a => a.Slug == Slug).Select(a => a.ViewCount).SingleAsync();
    }
}

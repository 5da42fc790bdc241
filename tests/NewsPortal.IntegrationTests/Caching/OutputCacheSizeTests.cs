using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Caching;

/// <summary>The in-memory page cache is bounded by configuration (64 MiB unless set).</summary>
public sealed class OutputCacheSizeTests
{
    [Theory]
    [InlineData(null, 64L * 1024 * 1024)]
    [InlineData("8", 8L * 1024 * 1024)]
    public async Task TheSizeLimitComesFromCaching(string? megabytes, long expected)
    {
        await using var factory = new SqliteFactory();
        var host = megabytes is null ? factory : factory.WithWebHostBuilder(b => b.UseSetting("Caching:OutputCacheSizeMegabytes", megabytes));

        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<OutputCacheOptions>>().Value.SizeLimit);
    }
}

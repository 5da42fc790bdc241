using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Operations;

public sealed class ErrorPageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task AnUnexpectedFaultShowsTheFriendly500PageWithoutDetails()
    {
        await using var faulty = new FaultyHomeFactory();
        var client = faulty.CreateClient();

        var (response, page) = await client.GetPageAsync(FaultyHomeFactory.FaultPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Đã xảy ra lỗi", page.QuerySelector("h1")!.Text());
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("hỏng có chủ ý", html, StringComparison.Ordinal);
        Assert.Null(response.Headers.RetryAfter);
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("PUT", "/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021")]
    [InlineData("DELETE", "/chuyen-muc/cai-cach-hanh-chinh")]
    public async Task UnsupportedMethodsAnswer405(string method, string url)
    {
        var client = factory.CreateClient();

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("Lỗi 405", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The real app plus one path, at the end of its pipeline, that faults.</summary>
    private sealed class FaultyHomeFactory : SqliteFactory
    {
        public const string FaultPath = "/hong-co-chu-y";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FaultFilter>());
        }

        private sealed class FaultFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((context, following) => context.Request.Path == FaultPath
                    ? throw new InvalidOperationException("hỏng có chủ ý")
                    : following(context));
            };
        }
    }
}

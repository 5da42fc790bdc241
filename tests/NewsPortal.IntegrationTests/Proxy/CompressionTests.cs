using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Proxy;

/// <summary>Brotli and gzip for public text responses, as a browser asks for them; never for the Admin area.</summary>
public sealed partial class CompressionTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    private const string Article = "/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";

    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    public static TheoryData<string> PublicTextResponses => ["/", Article, "/chuyen-muc/cai-cach-hanh-chinh", "/rss", "/atom", "/sitemap.xml", "/tim-kiem?q=cải+cách", "/khong-co-trang-nay"];

    private async Task<HttpResponseMessage> GetAsync(string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        return await _client.SendAsync(request);
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        await using var input = new MemoryStream(bytes);
        await using Stream decoded = encoding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            null => input,
            _ => throw new InvalidOperationException("Unexpected Content-Encoding " + encoding),
        };
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>The comment form's token is encrypted afresh for each response; everything else must match.</summary>
    private static string WithoutFormToken(string html) => FormToken().Replace(html, "name=\"FormToken\" value=\"…\"");

    [GeneratedRegex("name=\"FormToken\" value=\"[^\"]*\"")]
    private static partial Regex FormToken();

    [Theory]
    [MemberData(nameof(PublicTextResponses))]
    public async Task BrotliAndGzipGiveTheSameBodyAsPlain(string url)
    {
        var plain = await GetAsync(url, null);
        var brotli = await GetAsync(url, "br");
        var gzip = await GetAsync(url, "gzip");
        var browser = await GetAsync(url, "gzip, deflate, br, zstd");

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], browser.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", brotli.Headers.Vary);
        Assert.Equal(plain.StatusCode, brotli.StatusCode);
        Assert.Equal(plain.StatusCode, gzip.StatusCode);
        var expected = WithoutFormToken(await DecodeAsync(plain));
        Assert.True(expected.Length > 100, "the plain body is a real page");
        Assert.Equal(expected, WithoutFormToken(await DecodeAsync(brotli)));
        Assert.Equal(expected, WithoutFormToken(await DecodeAsync(gzip)));
        Assert.Equal(expected, WithoutFormToken(await DecodeAsync(browser)));
        Assert.True((await brotli.Content.ReadAsByteArrayAsync()).Length < (await plain.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("br;q=0, gzip;q=0")]
    [InlineData("compress, x-unknown")]
    [InlineData(";;;, q=abc")]
    public async Task NoCompressionWhenNoneIsAcceptable(string acceptEncoding)
    {
        var response = await GetAsync(Article, acceptEncoding);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAdminAreaIsNeverCompressed()
    {
        // The sign-in page carries an antiforgery token and sets its cookie: BREACH's target.
        var signIn = await GetAsync("/admin/dang-nhap", "br, gzip");
        var redirect = await GetAsync("/admin", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Empty(signIn.Content.Headers.ContentEncoding);
        Assert.Contains("__RequestVerificationToken", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(redirect.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task TheStylesheetAndScriptComeCompressed()
    {
        var (_, page) = await _client.GetPageAsync("/");
        var css = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var js = page.QuerySelector("script[src]")!.GetAttribute("src")!;

        foreach (var url in new[] { css, js })
        {
            var plain = await GetAsync(url, null);
            var gzip = await GetAsync(url, "gzip");
            var brotli = await GetAsync(url, "br");

            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
            Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
            var expected = await DecodeAsync(plain);
            Assert.Equal(expected, await DecodeAsync(gzip));
            Assert.Equal(expected, await DecodeAsync(brotli));
        }
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Browser;

/// <summary>The real app on Kestrel, read by Debian's Chromium through Playwright.</summary>
[Collection(Chromium.Collection)]
public sealed partial class ReaderBrowserTests : IClassFixture<KestrelSqliteFactory>
{
    public const string ChromiumPath = Chromium.Path;


    private readonly KestrelSqliteFactory _factory;

    public ReaderBrowserTests(KestrelSqliteFactory factory) => _factory = factory;

    /// <summary>Where screenshots go; CI keeps this folder as the test artifact.</summary>
    public static string ArtifactDirectory =>
        Environment.GetEnvironmentVariable("NEWSPORTAL_TEST_ARTIFACTS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "artifacts");

    [SkippableFact]
    public async Task AReaderOpensTheSeedArticleAndTheDateLineTicks()
    {
        Skip.IfNot(File.Exists(ChromiumPath), $"Chromium is not installed at {ChromiumPath}; ./test.sh installs it (apt-get install -y chromium).");

        var baseUrl = _factory.StartKestrel();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 412, Height = 915 }, // a phone, as most readers use
            Locale = "vi-VN",
            TimezoneId = "Europe/Paris", // the reader's own zone must not change the UTC+7 date line
        });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(baseUrl + "/");
        await page.Locator(".lead-story h2 a").ClickAsync();
        await Chromium.WaitForPageAsync(page, new Regex("/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021$"));

        Assert.Equal("Bộ Quốc phòng tổng kết công tác cải cách hành chính và xây dựng Chính phủ điện tử năm 2021", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Ngày đăng: 04/01/2022", await page.Locator(".article-date").InnerTextAsync());
        Assert.Equal("Toàn cảnh hội nghị tại điểm cầu Quân khu.", await page.Locator("figure figcaption").InnerTextAsync());
        Assert.Equal("Tin, ảnh: VĂN DƯƠNG", await page.Locator(".byline").InnerTextAsync());

        // The photo really loaded and decoded.
        var photo = page.Locator("figure img");
        await photo.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('figure img'); return i.complete && i.naturalWidth > 0; }");
        // On a phone the browser takes a resized copy from srcset, not the full photo.
        Assert.Contains("/media/w", await photo.EvaluateAsync<string>("i => i.currentSrc"), StringComparison.Ordinal);

        // What the reader sees comes in the original order, top to bottom.
        var tops = new List<double>();
        foreach (var selector in new[] { "h1", ".article-date", ".article-lead", "figure figcaption", ".byline" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            tops.Add(box.Y);
        }

        Assert.Equal(tops.Order(), tops);

        // The header's date line is in Vietnam time and ticks every second.
        var clock = page.Locator("#dong-ho");
        var first = await clock.InnerTextAsync();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        Assert.Matches(DateLine(), first);
        await page.WaitForFunctionAsync("t => document.getElementById('dong-ho').textContent !== t", first, new PageWaitForFunctionOptions { Timeout = 5000, PollingInterval = 100 });
        var second = await clock.InnerTextAsync();
        Assert.Matches(DateLine(), second);
        Assert.NotEqual(first, second);
        var expected = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        Assert.Contains($"Năm {expected:yyyy}", second, StringComparison.Ordinal);
        Assert.Contains($"Ngày {expected:dd} Tháng {expected:MM}", second, StringComparison.Ordinal);

        Directory.CreateDirectory(ArtifactDirectory);
        var shot = Path.Combine(ArtifactDirectory, "seed-article.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        Assert.True(new FileInfo(shot).Length > 10_000);
        Assert.Empty(errors);
    }

    [GeneratedRegex("^(Thứ hai|Thứ ba|Thứ tư|Thứ năm|Thứ sáu|Thứ bảy|Chủ nhật) Ngày \\d{2} Tháng \\d{2} Năm \\d{4}, \\d{2}:\\d{2}:\\d{2}$")]
    private static partial Regex DateLine();
}

/// <summary>The app on a real Kestrel port (a browser needs a socket), with the real clock.</summary>
public sealed class KestrelSqliteFactory : SqliteFactory
{
    private string? _address;

    protected override bool PinClock => false;

    public string StartKestrel()
    {
        if (_address is null)
        {
            UseKestrel(0);
            StartServer();
            _address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .First()
                .Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
                .Replace("localhost", "127.0.0.1", StringComparison.Ordinal)
                .TrimEnd('/');
        }

        return _address;
    }
}

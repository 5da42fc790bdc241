using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, launched the one way that works on this machine: no sandbox
/// (root), and none of the background connections a closed network refuses.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>Browser tests run one at a time: several Chromiums at once starve a 2-core machine.</summary>
    public const string Collection = "Chromium";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path, Headless = true, Args = Args });
    }

    /// <summary>
    /// Waits until <paramref name="page"/> is at an address matching <paramref name="url"/> and its
    /// document has loaded. Not <c>IPage.WaitForURLAsync</c>: after a click that navigates, it can
    /// miss the load event it waits for and time out on a page that has long loaded
    /// (microsoft/playwright-dotnet#3364; it failed CI twice). The address and
    /// <c>document.readyState</c> are polled instead, which no event timing can defeat.
    /// </summary>
    public static async Task WaitForPageAsync(IPage page, Regex url, float timeout = 30_000)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = timeout });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = timeout, PollingInterval = 50 });
    }
}

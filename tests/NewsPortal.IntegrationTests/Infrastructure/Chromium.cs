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
}

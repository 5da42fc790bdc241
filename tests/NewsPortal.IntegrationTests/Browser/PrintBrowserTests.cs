using Microsoft.Playwright;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Browser;

/// <summary>Printing an article in Chromium: the print button works and paper shows the article alone.</summary>
[Collection(Chromium.Collection)]
public sealed class PrintBrowserTests(KestrelSqliteFactory factory) : IClassFixture<KestrelSqliteFactory>
{
    private const string SeedUrl = "/bai-viet/bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";

    [SkippableFact]
    public async Task ThePrintButtonPrintsAndPaperShowsTheArticleAlone()
    {
        Skip.IfNot(File.Exists(Chromium.Path), $"Chromium is not installed at {Chromium.Path}; ./test.sh installs it (apt-get install -y chromium).");

        var baseUrl = factory.StartKestrel();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(baseUrl + SeedUrl);

        // On screen: the script has revealed the button; clicking it asks the browser to print.
        var button = page.Locator("button[data-print]");
        Assert.True(await button.IsVisibleAsync());
        Assert.Equal("In bài viết", await button.InnerTextAsync());
        await page.EvaluateAsync("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }");
        await button.ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));
        Assert.True(await page.Locator(".site-header").IsVisibleAsync());
        Assert.False(await page.Locator(".print-source").IsVisibleAsync());

        // On paper: the article, without header, navigation, comments, form, related list or buttons.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Microsoft.Playwright.Media.Print });
        foreach (var hidden in new[] { ".site-header", ".site-nav", ".site-footer", "#binh-luan", ".comment-form", ".related", ".article-tools", "button[data-print]" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), hidden + " should not print");
        }

        foreach (var shown in new[] { "h1", ".article-date", ".article-lead", ".article-body", "figure img", ".byline", ".print-source" })
        {
            Assert.True(await page.Locator(shown).First.IsVisibleAsync(), shown + " should print");
        }

        Assert.Contains("/bai-viet/bo-quoc-phong-tong-ket", await page.Locator(".print-source").InnerTextAsync(), StringComparison.Ordinal);
        // The photo fits the page width.
        var widths = await page.EvaluateAsync<double[]>("() => [document.querySelector('figure img').getBoundingClientRect().width, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"photo {widths[0]}px wider than the page {widths[1]}px");
        Assert.Empty(errors);
    }
}

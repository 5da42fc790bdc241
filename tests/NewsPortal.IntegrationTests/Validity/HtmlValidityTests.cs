using System.Net;
using NewsPortal.IntegrationTests.Browser;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.Validity;

/// <summary>
/// Fetches every checked page from the real app (WebApplicationFactory on SQLite), writes it to a
/// file and runs the W3C Nu HTML Checker once over all of them (one JVM: it is slow to start), with
/// a deliberately broken canary page in the same run; the site's stylesheet is checked beside it.
/// </summary>
public sealed class VnuFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string CanaryFile = "canary.html";
    public const string StylesheetFile = "site.css";

    private readonly SqliteFactory _factory = new();
    private Task<VnuReport>? _report;

    public string? MissingReason { get; } = Vnu.MissingReason();

    /// <summary>The pages and the checker's messages, made on first use and shared by every test of the class.</summary>
    public Task<VnuReport> ReportAsync() => _report ??= RunAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<VnuReport> RunAsync()
    {
        // Kept beside the screenshots (TestResults/artifacts in CI), so a failure's page can be read.
        var directory = Path.Combine(ReaderBrowserTests.ArtifactDirectory, "vnu");
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var pages = new Dictionary<string, FetchedPage>(StringComparer.Ordinal);
        foreach (var page in await CheckedPages.ResolveAsync(client))
        {
            using var response = await client.GetAsync(new Uri(page.Path, UriKind.Relative));
            pages[page.Name] = new FetchedPage(page, response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        pages[CheckedPages.CommentErrors] = await PostEmptyCommentAsync(client);

        var files = new List<string>();
        foreach (var (name, page) in pages)
        {
            if (CheckedPages.SkipReason(page.Page, page.Status) is null)
            {
                files.Add(Path.Combine(directory, name + ".html"));
                await File.WriteAllTextAsync(files[^1], page.Html);
            }
        }

        files.Add(Path.Combine(directory, CanaryFile));
        await File.WriteAllTextAsync(files[^1], Canary);
        var stylesheet = Path.Combine(directory, StylesheetFile);
        File.Copy(Path.Combine(WebRoot(), "css", "site.css"), stylesheet);

        // The pages in one JVM; the stylesheet in a second one beside it.
        var html = Vnu.CheckAsync(files);
        var css = Vnu.CheckAsync([stylesheet], asCss: true);
        return new VnuReport(pages, [.. await html, .. await css]);
    }

    /// <summary>The comment form sent empty, as a reader who pressed "Gửi bình luận" too soon: a 400 with the field errors.</summary>
    private async Task<FetchedPage> PostEmptyCommentAsync(HttpClient client)
    {
        var (_, article) = await client.GetPageAsync(CheckedPages.ArticleUrl);
        var token = article.QuerySelector("form.comment-form input[name=FormToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The article page has no comment form.");
        _factory.Clock.Advance(TimeSpan.FromSeconds(30)); // past the minimum time to fill the form
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(CheckedPages.ArticleUrl + "/binh-luan", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["FormToken"] = token,
                ["Body"] = string.Empty,
                ["Name"] = string.Empty,
                ["Email"] = "khong-phai-email",
                ["Website"] = string.Empty,
            }),
        };
        request.Headers.Add("Origin", "http://localhost");
        using var response = await client.SendAsync(request);
        var page = new CheckedPage(CheckedPages.CommentErrors, "POST " + CheckedPages.ArticleUrl + "/binh-luan", HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        if (!html.Contains("field-error", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The empty comment was answered {(int)response.StatusCode} without field errors.");
        }

        return new FetchedPage(page, response.StatusCode, html);
    }

    private static string WebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "NewsPortal.Web", "wwwroot");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/NewsPortal.Web/wwwroot was not found above the test binaries.");
    }

    /// <summary>Known errors on known lines, to show that the run finds errors and reads where they are.</summary>
    private const string Canary = """
        <!DOCTYPE html>
        <html lang="vi">
        <head><title>Canary</title></head>
        <body>
        <p><div>Khối trong đoạn</div></p>
        <img src="/anh.jpg">
        </body>
        </html>
        """;
}

public sealed record FetchedPage(CheckedPage Page, HttpStatusCode Status, string Html);

public sealed record VnuReport(IReadOnlyDictionary<string, FetchedPage> Pages, IReadOnlyList<VnuMessage> Messages)
{
    public IReadOnlyList<VnuMessage> For(string file) => Messages.Where(m => m.File == file).ToList();
}

/// <summary>Issue 5: the W3C Nu HTML Checker finds no error on the public pages.</summary>
public sealed class HtmlValidityTests(VnuFixture fixture) : IClassFixture<VnuFixture>
{
    public static TheoryData<string> Pages => CheckedPages.Names;

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public async Task PageHasNoHtmlErrors(string name)
    {
        Skip.If(fixture.MissingReason is not null, fixture.MissingReason);
        var report = await fixture.ReportAsync();
        var page = report.Pages[name];
        var skip = CheckedPages.SkipReason(page.Page, page.Status);
        Skip.If(skip is not null, skip);

        Assert.True(page.Status == page.Page.Status, $"{page.Page.Path} answered {(int)page.Status}, expected {(int)page.Page.Status}.");
        var errors = report.For(name + ".html").Where(m => m.IsError).ToList();
        Assert.True(errors.Count == 0, $"The Nu HTML Checker found {errors.Count} error(s) on {name} ({page.Page.Path}):\n"
            + string.Join('\n', errors.Select(e => "  - " + e)));
    }

    [SkippableFact]
    public async Task StylesheetHasNoCssErrors()
    {
        Skip.If(fixture.MissingReason is not null, fixture.MissingReason);
        var report = await fixture.ReportAsync();

        var errors = report.For(VnuFixture.StylesheetFile).Where(m => m.IsError).ToList();
        Assert.True(errors.Count == 0, $"The Nu HTML Checker found {errors.Count} CSS error(s) in wwwroot/css/site.css:\n"
            + string.Join('\n', errors.Select(e => "  - " + e)));
    }

    /// <summary>The same run reports a broken page's errors with their lines: the checks above can fail.</summary>
    [SkippableFact]
    public async Task TheCheckerReportsTheCanarysErrors()
    {
        Skip.If(fixture.MissingReason is not null, fixture.MissingReason);
        var report = await fixture.ReportAsync();

        var errors = report.For(VnuFixture.CanaryFile).Where(m => m.IsError).ToList();
        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("“p”", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 6 && e.Message.Contains("“alt”", StringComparison.Ordinal) && e.Extract!.Contains("anh.jpg", StringComparison.Ordinal));
    }
}

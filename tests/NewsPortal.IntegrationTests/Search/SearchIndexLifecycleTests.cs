using System.Diagnostics;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Articles;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Search;
using Xunit.Abstractions;
using static NewsPortal.IntegrationTests.Search.SearchCorpus;

namespace NewsPortal.IntegrationTests.Search;

/// <summary>The index follows publishing, editing and unpublishing: on the node, on other nodes, after a restart.</summary>
public sealed class SearchIndexLifecycleTests(ITestOutputHelper output)
{
    /// <summary>"Within seconds": a node's pass runs every 2 s, and at once after its own saves.</summary>
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PublishingEditingAndUnpublishingShowInSearchWithinSeconds()
    {
        await using var factory = new ArticleSqliteFactory();
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Lò Văn Pọm");
        var reader = factory.CreateClient();
        await WaitUntilIndexedAsync(factory);

        var id = await editor.CreateArticleAsync("Nghiệm thu công trình nước sạch Tà Xùa", "Công trình cấp nước cho bản Tà Xùa đã được nghiệm thu.");
        Assert.Empty(ResultSlugs((await SearchAsync(reader, "Tà Xùa")).Page));

        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        var slug = SlugOf(factory, id);
        output.WriteLine($"published → found in {await UntilAsync(reader, "Tà Xùa", page => ResultSlugs(page).Contains(slug))}");

        var edit = await editor.SaveAsync(id, new Dictionary<string, string> { ["Title"] = "Nghiệm thu công trình nước sạch Háng Đồng", ["Body"] = "Công trình cấp nước cho bản Háng Đồng đã được nghiệm thu." });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal("Nghiệm thu công trình nước sạch Háng Đồng", (await factory.ArticleAsync(id))!.Title);
        await WaitUntilIndexedAsync(factory);
        output.WriteLine($"edited → new words found in {await UntilAsync(reader, "Háng Đồng", page => ResultSlugs(page).Contains(SlugOf(factory, id)))}");
        Assert.DoesNotContain(SlugOf(factory, id), ResultSlugs((await SearchAsync(reader, "Tà Xùa")).Page));

        var editedSlug = SlugOf(factory, id);
        await editor.StepOkAsync(id, "go-bai", "Đã gỡ bài.");
        output.WriteLine($"unpublished → gone in {await UntilAsync(reader, "Háng Đồng", page => !ResultSlugs(page).Contains(editedSlug))}");
    }

    [Fact]
    public async Task AChangeOnOneNodeIsFoundOnTheOtherWithinSeconds()
    {
        await using var first = new ArticlePostgreSqlFactory();
        await first.InitializeAsync();
        _ = first.Services;
        await using var second = new SecondPostgreSqlInstance(first);
        await second.InitializeAsync();
        using var editor = await ArticleTestClient.SignInNewAsync(first, Roles.Editor, "Vàng Thị Mai");
        var readerOnSecond = second.CreateClient();
        await WaitUntilIndexedAsync(second);

        var id = await editor.CreateArticleAsync("Khai trương điểm bưu điện văn hóa xã Nậm Pồ", "Điểm bưu điện văn hóa xã Nậm Pồ nhận hồ sơ dịch vụ công.");
        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        var slug = SlugOf(first, id);
        output.WriteLine($"published on node 1 → found on node 2 in {await UntilAsync(readerOnSecond, "Nậm Pồ", page => ResultSlugs(page).Contains(slug))}");

        await editor.StepOkAsync(id, "go-bai", "Đã gỡ bài.");
        output.WriteLine($"unpublished on node 1 → gone on node 2 in {await UntilAsync(readerOnSecond, "Nậm Pồ", page => !ResultSlugs(page).Contains(slug))}");
    }

    [Fact]
    public async Task ARestartedNodeKeepsItsIndexAndCatchesUpWithWhatChangedWhileItWasDown()
    {
        var root = Path.Combine(Path.GetTempPath(), "np-tests", "restart-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            var database = $"Data Source={Path.Combine(root, "newsportal.db")}";
            var indexPath = Path.Combine(root, "node-index");
            int gone;
            await using (var node = new FixedPathFactory(database, indexPath))
            {
                _ = node.CreateClient();
                await WaitUntilIndexedAsync(node);
                gone = await AddAsync(node, "Lễ hội Lồng Tồng bản Phiêng Lúông", "Lễ hội xuống đồng đầu năm.", new DateTime(2021, 2, 1, 0, 0, 0, DateTimeKind.Utc));
                await WaitUntilIndexedAsync(node);
                Assert.Contains(SlugOf(node, gone), ResultSlugs((await SearchAsync(node.CreateClient(), "Phiêng Lúông")).Page));
            }

            // While the node is down, another node (its own index) changes the database.
            int added;
            await using (var other = new FixedPathFactory(database, Path.Combine(root, "other-index")))
            {
                _ = other.CreateClient();
                added = await AddAsync(other, "Hội thi văn nghệ bản Phiêng Lúông", "Các đội văn nghệ thi tài.", new DateTime(2021, 3, 1, 0, 0, 0, DateTimeKind.Utc));
                await ChangeAsync(other, gone, (article, now) => article.Unpublish(now));
            }

            await using var restarted = new FixedPathFactory(database, indexPath);
            var reader = restarted.CreateClient();
            await UntilAsync(reader, "Phiêng Lúông", page => ResultSlugs(page).SequenceEqual([SlugOf(restarted, added)]));
            Assert.DoesNotContain("Search index rebuilt", restarted.ReadLogs(), StringComparison.Ordinal);
            Assert.True(restarted.Services.GetRequiredService<SearchIndex>().Count >= 31);
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<string> UntilAsync(HttpClient reader, string query, Func<IHtmlDocument, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var (_, page) = await SearchAsync(reader, query);
            if (condition(page))
            {
                return $"{watch.Elapsed.TotalSeconds:F2} s";
            }

            Assert.True(watch.Elapsed < WithinSeconds, $"Search for “{query}” did not show the change within {WithinSeconds.TotalSeconds} s; results: {string.Join(", ", ResultSlugs(page))}");
            await Task.Delay(100);
        }
    }

    private sealed class FixedPathFactory(string database, string indexPath) : SqliteFactory
    {
        protected override string ConnectionString => database;

        public override string SearchIndexPath => indexPath;

        protected override IReadOnlyDictionary<string, string?> Settings => ArticleTestSettings.Values;
    }
}

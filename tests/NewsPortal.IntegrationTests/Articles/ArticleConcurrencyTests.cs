using System.Net;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>
/// Two editors on one article: a save made on an older version never overwrites a newer one;
/// the later editor gets the conflict page to merge. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class ArticleConcurrencyTests<TFactory>(TFactory factory)
    where TFactory : NewsPortal.IntegrationTests.Infrastructure.NewsPortalFactory
{
    [Fact]
    public async Task TheSecondSaveOnTheSameVersionGetsTheConflictPageAndMerges()
    {
        using var first = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Nguyễn Văn Thành");
        using var second = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Lê Thị Uyên");
        var id = await first.CreateArticleAsync("Hội thao quốc phòng khối cơ quan", "Các đơn vị tham gia hội thao đầy đủ.", "Sapo hội thao.");

        // Both open the editor on the same version.
        var firstEditor = await first.OpenEditorAsync(id);
        var secondEditor = await second.OpenEditorAsync(id);
        Assert.Equal(firstEditor.Version, secondEditor.Version);
        var opened = firstEditor.Version;

        var firstSave = await first.PostAsync(firstEditor.Url, firstEditor.With(new Dictionary<string, string>
        {
            ["Title"] = "Hội thao quốc phòng khối cơ quan Quân khu năm 2022",
        }), firstEditor.Token);
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        var secondSave = await second.PostAsync(secondEditor.Url, secondEditor.With(new Dictionary<string, string>
        {
            ["Body"] = "Các đơn vị tham gia hội thao đầy đủ, đạt thành tích cao.",
        }), secondEditor.Token);

        Assert.Equal(HttpStatusCode.Conflict, secondSave.StatusCode);
        var page = Html.Parse(await secondSave.Content.ReadAsStringAsync());
        Assert.Equal("Bài viết đã được người khác lưu trước", page.QuerySelector("h1")!.Text());
        Assert.Contains(first.UserName, page.QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
        Assert.Contains("chưa được lưu", page.QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
        // The saved version (the first editor's title) is shown, with both editors' changes marked.
        Assert.Contains(page.QuerySelectorAll("strong"), s => s.Text() == "Hội thao quốc phòng khối cơ quan Quân khu năm 2022");
        var diff = page.QuerySelector(".diff")!;
        Assert.Contains(diff.QuerySelectorAll("del"), d => d.Text().Contains("Quân khu năm 2022", StringComparison.Ordinal));
        Assert.Contains(diff.QuerySelectorAll("ins"), i => i.Text().Contains("đạt thành tích cao", StringComparison.Ordinal));
        // The merge form starts from the second editor's text and carries the new version.
        var merge = page.QuerySelectorAll("form").Single(f => f.GetAttribute("action") == $"/admin/bai-viet/{id}/sua");
        var mergeFields = ArticleTestClient.FieldsOf(merge);
        Assert.Equal((opened + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), mergeFields["Version"]);
        Assert.Equal("Các đơn vị tham gia hội thao đầy đủ, đạt thành tích cao.", mergeFields["Body"]);
        Assert.Equal("Hội thao quốc phòng khối cơ quan", mergeFields["Title"]);
        // Nothing was written by the refused save.
        var stored = (await factory.ArticleAsync(id))!;
        Assert.Equal("Hội thao quốc phòng khối cơ quan Quân khu năm 2022", stored.Title);
        Assert.Equal("Các đơn vị tham gia hội thao đầy đủ.", stored.BodyMarkdown);

        // The second editor takes the first one's title into the merge and saves.
        mergeFields["Title"] = "Hội thao quốc phòng khối cơ quan Quân khu năm 2022";
        var merged = await second.PostAsync($"/admin/bai-viet/{id}/sua", mergeFields, ArticleTestClient.TokenOf(page, $"/admin/bai-viet/{id}/sua"));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal("Đã lưu.", await second.FlashAsync(merged));

        stored = (await factory.ArticleAsync(id))!;
        Assert.Equal("Hội thao quốc phòng khối cơ quan Quân khu năm 2022", stored.Title);
        Assert.Equal("Các đơn vị tham gia hội thao đầy đủ, đạt thành tích cao.", stored.BodyMarkdown);
        Assert.Equal(opened + 2, stored.Version);
        var revisions = await factory.RevisionsAsync(id);
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal((first.UserName, "Hội thao quốc phòng khối cơ quan Quân khu năm 2022", "Các đơn vị tham gia hội thao đầy đủ."), (revisions[1].UserName, revisions[1].Title, revisions[1].BodyMarkdown));
        Assert.Equal(second.UserName, revisions[2].UserName);
    }

    [Fact]
    public async Task OfTwentySimultaneousSavesOnOneVersionExactlyOneWins()
    {
        const int Saves = 20;
        using var owner = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Trịnh Văn Vinh");
        var id = await owner.CreateArticleAsync("Bài viết nhiều người sửa cùng lúc");
        var editors = new List<ArticleTestClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                editors.Add(await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, $"Biên tập viên {i + 1}"));
            }

            // Everyone opens the editor first (same version), then all save at once.
            var opened = new List<(ArticleTestClient Client, EditorPage Editor, string Title)>();
            for (var n = 0; n < Saves; n++)
            {
                var client = editors[n % editors.Count];
                opened.Add((client, await client.OpenEditorAsync(id), $"Tiêu đề phiên bản số {n + 1}"));
            }

            Assert.Single(opened.Select(o => o.Editor.Version).Distinct());
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var saves = opened.Select(async o =>
            {
                await start.Task;
                var response = await o.Client.PostAsync(o.Editor.Url, o.Editor.With(new Dictionary<string, string> { ["Title"] = o.Title }), o.Editor.Token);
                return (o.Title, response.StatusCode);
            }).ToList();
            start.SetResult();
            var results = await Task.WhenAll(saves);

            var winners = results.Where(r => r.StatusCode == HttpStatusCode.Redirect).ToList();
            Assert.Single(winners);
            Assert.Equal(Saves - 1, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
            var stored = (await factory.ArticleAsync(id))!;
            Assert.Equal(winners[0].Title, stored.Title);
            Assert.Equal(opened[0].Editor.Version + 1, stored.Version);
            var revisions = await factory.RevisionsAsync(id);
            Assert.Equal(2, revisions.Count);
            Assert.Equal(winners[0].Title, revisions[^1].Title);
        }
        finally
        {
            editors.ForEach(e => e.Dispose());
        }
    }
}

public sealed class SqliteArticleConcurrencyTests(ArticleSqliteFactory factory)
    : ArticleConcurrencyTests<ArticleSqliteFactory>(factory), IClassFixture<ArticleSqliteFactory>;

public sealed class PostgreSqlArticleConcurrencyTests(ArticlePostgreSqlFactory factory)
    : ArticleConcurrencyTests<ArticlePostgreSqlFactory>(factory), IClassFixture<ArticlePostgreSqlFactory>;

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsPortal.IntegrationTests.Admin;
using NewsPortal.IntegrationTests.Articles;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Comments;

namespace NewsPortal.IntegrationTests.Moderation;

/// <summary>Notes which articles' cached pages the app asked to drop (and drops them, through the real one when given).</summary>
public sealed class RecordingInvalidator : ICachedPageInvalidator
{
    /// <summary>The app's own invalidator, so pages are still evicted while the calls are recorded.</summary>
    public ICachedPageInvalidator? Inner { get; set; }

    public ConcurrentQueue<int> Articles { get; } = new();

    /// <summary>How many times every article page was dropped at once (a glossary change).</summary>
    public int AllArticles => _allArticles;

    private int _allArticles;

    public Task InvalidateArticleAsync(int articleId, CancellationToken cancellationToken)
    {
        Articles.Enqueue(articleId);
        return Inner?.InvalidateArticleAsync(articleId, cancellationToken) ?? Task.CompletedTask;
    }

    public Task InvalidateAllArticlesAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _allArticles);
        return Inner?.InvalidateAllArticlesAsync(cancellationToken) ?? Task.CompletedTask;
    }
}

/// <summary>The Admin host with a recorder in front of the cached-page invalidation.</summary>
public class RecordingInvalidatorFactory : AdminFactory
{
    public RecordingInvalidator Invalidator { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<ICachedPageInvalidator>();
            services.AddSingleton<ICachedPageInvalidator>(sp =>
            {
                Invalidator.Inner = sp.GetRequiredService<NewsPortal.Web.Infrastructure.Caching.OutputCachePageInvalidator>();
                return Invalidator;
            });
        });
    }
}

public sealed class ModerationCacheFactory : RecordingInvalidatorFactory;

/// <summary>
/// Every action that changes what the public sees asks for the article's cached pages to be
/// dropped (issue 6 plugs the output cache in behind <see cref="ICachedPageInvalidator"/>).
/// </summary>
public sealed class CachedPageInvalidationTests(ModerationCacheFactory factory) : IClassFixture<ModerationCacheFactory>
{
    [Fact]
    public async Task PublicChangesClearTheArticlesCachedPagesAndOthersDoNot()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var article = await factory.QueryAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var (first, second) = await factory.QueryAsync(async db =>
        {
            var a = new Comment(article, null, "Bạn đọc", "a@example.vn", null, "Một", "203.0.113.1", now);
            var b = new Comment(article, null, "Bạn đọc", "b@example.vn", null, "Hai", "203.0.113.2", now);
            db.Comments.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        var client = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Moderator));
        var token = await client.AntiforgeryTokenAsync();

        async Task PostAsync(string url, params (string, string)[] fields)
        {
            using var content = new FormUrlEncodedContent(fields.Append((AdminClient.TokenField, token)).Select(f => KeyValuePair.Create(f.Item1, f.Item2)));
            await client.PostAsync(new Uri(url, UriKind.Relative), content);
        }

        await PostAsync($"/admin/binh-luan/{second}/spam");
        Assert.Empty(factory.Invalidator.Articles);

        await PostAsync($"/admin/binh-luan/{first}/duyet");
        Assert.Equal([article], factory.Invalidator.Articles);

        await PostAsync($"/admin/binh-luan/{first}/tra-loi", ("noiDung", "Cảm ơn bạn."));
        await PostAsync($"/admin/binh-luan/{first}/sua", ("AuthorName", "Bạn đọc"), ("Body", "Một, đã sửa"));
        await PostAsync($"/admin/binh-luan/{first}/bo-duyet");
        Assert.Equal([article, article, article, article], factory.Invalidator.Articles);
        Assert.Equal(CommentStatus.Pending, await factory.QueryAsync(db => db.Comments.Where(c => c.Id == first).Select(c => c.Status).SingleAsync()));
    }
}

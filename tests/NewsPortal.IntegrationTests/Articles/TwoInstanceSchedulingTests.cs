using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>
/// Two instances of the app behind a load balancer share one PostgreSQL database, and both run
/// the scheduler. Every due article must be published once, by one of them, with one audit entry.
/// </summary>
public sealed class TwoInstanceSchedulingTests(ArticlePostgreSqlFactory first) : IClassFixture<ArticlePostgreSqlFactory>
{
    private const int Articles = 20;

    [Fact]
    public async Task TwoInstancesPublishEachDueArticleExactlyOnce()
    {
        // The first instance migrates and seeds the database before the second one starts on it.
        _ = first.Services;
        await using var second = new SecondPostgreSqlInstance(first);
        await second.InitializeAsync();
        using var editorOnFirst = await ArticleTestClient.SignInNewAsync(first, Roles.Editor, "Đặng Văn Tâm");
        using var editorOnSecond = await ArticleTestClient.SignInNewAsync(second, Roles.Editor, "Đặng Thị Thu");
        var due = ToMinute(VietnamClock.ToLocal(first.Clock.GetUtcNow().UtcDateTime).AddMinutes(10));
        var ids = new List<int>();
        for (var n = 1; n <= Articles; n++)
        {
            // Half are written on each instance: they share one database.
            var editor = n % 2 == 0 ? editorOnFirst : editorOnSecond;
            var id = await editor.CreateArticleAsync($"Tin nhanh số {n} phát hành cùng lúc");
            await editor.StepOkAsync(id, "len-lich", "Đã lên lịch xuất bản.", atVietnamTime: due);
            ids.Add(id);
        }

        Assert.Equal(Articles, await first.QueryAsync(db => db.Articles.CountAsync(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Scheduled)));
        Assert.Equal(Articles, await second.QueryAsync(db => db.Articles.CountAsync(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Scheduled)));

        first.Clock.Advance(TimeSpan.FromMinutes(15));
        second.Clock.Advance(TimeSpan.FromMinutes(15));
        var schedulers = new NewsPortal.IntegrationTests.Infrastructure.NewsPortalFactory[] { first, second }.Select(f => f.Services.GetRequiredService<ArticleScheduler>()).ToList();

        var total = 0;
        for (var round = 0; round < 4; round++)
        {
            // Two passes on each instance at once, as overlapping timer ticks would.
            var results = await Task.WhenAll(schedulers.Concat(schedulers).Select(s => Task.Run(() => s.RunOnceAsync(CancellationToken.None))));
            total += results.Sum();
        }

        Assert.Equal(Articles, total);
        var expected = VietnamClock.ToUtc(due);
        var published = await first.QueryAsync(db => db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync());
        Assert.All(published, a =>
        {
            Assert.Equal(ArticleStatus.Published, a.Status);
            Assert.Equal(expected, a.PublishedAtUtc);
        });
        var keys = ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var entries = await first.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "article.publish" && e.TargetType == "article" && keys.Contains(e.TargetId!)).ToListAsync());
        Assert.Equal(keys.Order(StringComparer.Ordinal), entries.Select(e => e.TargetId!).Order(StringComparer.Ordinal));
        Assert.All(entries, e => Assert.Equal("hệ thống", e.UserName));
        // Each article's version moved on once for the publish: no second write overwrote the first.
        Assert.All(published, a => Assert.Equal(2, a.Version));
    }

    private static DateTime ToMinute(DateTime time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, time.Kind);
}

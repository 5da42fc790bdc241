using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>
/// Publishing and taking down at a set time. The form takes Vietnam local time; the scheduler's
/// pass is run by the test after moving the app's clock (its timer is off in these hosts). The
/// clock only moves forward, so every test reads the current time first.
/// </summary>
public sealed class ArticleSchedulingTests(ArticleSqliteFactory factory) : IClassFixture<ArticleSqliteFactory>
{
    private ArticleScheduler Scheduler => factory.Services.GetRequiredService<ArticleScheduler>();

    private DateTime UtcNow => factory.Clock.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task AScheduledArticleGoesPublicAtItsTimeWithThatTimeAsItsPublishTime()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Phan Văn Minh");
        var id = await editor.CreateArticleAsync("Lễ ra quân huấn luyện năm 2022 của Lữ đoàn Công binh");
        var slug = (await factory.ArticleAsync(id))!.Slug;
        var local = ToMinute(VietnamClock.ToLocal(UtcNow).AddMinutes(10));
        var expectedUtc = VietnamClock.ToUtc(local);

        await editor.StepOkAsync(id, "len-lich", "Đã lên lịch xuất bản.", atVietnamTime: local);

        var scheduled = (await factory.ArticleAsync(id))!;
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
        Assert.Equal(expectedUtc, scheduled.ScheduledAtUtc);
        Assert.Equal(local.AddHours(-7), scheduled.ScheduledAtUtc); // Vietnam is UTC+7
        Assert.Null(scheduled.PublishedAtUtc);
        var (_, editorPage) = await editor.GetPageAsync($"/admin/bai-viet/{id}/sua");
        Assert.Equal("Đã lên lịch", editorPage.QuerySelector("#trang-thai")!.Text());
        Assert.Contains($"xuất bản lúc {VietnameseDate.DateTime(local)}", editorPage.QuerySelector("#trang-thai")!.ParentElement!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync(editor, slug));

        // A pass before the time changes nothing.
        Assert.Equal(0, await Scheduler.RunOnceAsync(CancellationToken.None));
        Assert.Equal(ArticleStatus.Scheduled, (await factory.ArticleAsync(id))!.Status);

        // The scheduler runs late, a minute or so after the time.
        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        var runAt = UtcNow;
        Assert.Equal(1, await Scheduler.RunOnceAsync(CancellationToken.None));

        var published = (await factory.ArticleAsync(id))!;
        Assert.Equal(ArticleStatus.Published, published.Status);
        Assert.Equal(expectedUtc, published.PublishedAtUtc);
        Assert.NotEqual(runAt, published.PublishedAtUtc);
        Assert.Null(published.ScheduledAtUtc);
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(editor, slug));
        var audit = await factory.AuditAsync(id);
        Assert.Equal([("article.create", editor.UserName), ("article.schedule", editor.UserName), ("article.publish", "hệ thống")], audit.Select(e => (e.Action, e.UserName)));
        Assert.Contains($"lúc {VietnameseDate.DateTime(local)}", audit[1].Summary, StringComparison.Ordinal);
        Assert.Null(audit[2].UserId);
        Assert.Equal(runAt, audit[2].AtUtc);

        // Nothing left to do.
        Assert.Equal(0, await Scheduler.RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AfterDowntimeOnePassPublishesEveryOverdueArticleAtItsOwnTime()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Quách Thị Ngọc");
        var now = VietnamClock.ToLocal(UtcNow);
        var times = new[] { ToMinute(now.AddMinutes(20)), ToMinute(now.AddHours(2)), ToMinute(now.AddHours(5)) };
        var ids = new List<int>();
        foreach (var (at, n) in times.Select((t, i) => (t, i + 1)))
        {
            var id = await editor.CreateArticleAsync($"Bản tin sáng số {n} của Đài truyền thanh Quân khu");
            await editor.StepOkAsync(id, "len-lich", "Đã lên lịch xuất bản.", atVietnamTime: at);
            ids.Add(id);
        }

        // The site was down for a day.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(3, await Scheduler.RunOnceAsync(CancellationToken.None));

        for (var i = 0; i < ids.Count; i++)
        {
            var article = (await factory.ArticleAsync(ids[i]))!;
            Assert.Equal(ArticleStatus.Published, article.Status);
            Assert.Equal(VietnamClock.ToUtc(times[i]), article.PublishedAtUtc);
            Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(editor, article.Slug));
            Assert.Single(await factory.AuditAsync(ids[i]), e => e.Action == "article.publish" && e.UserName == "hệ thống");
        }

        // The home page lists them newest first, by their scheduled times.
        var (_, home) = await editor.GetPageAsync("/");
        var hrefs = home.QuerySelectorAll(".home-main .card-list a").Select(a => a.GetAttribute("href")).ToList();
        var slugs = await factory.QueryAsync(db => db.Articles.Where(a => ids.Contains(a.Id)).OrderByDescending(a => a.PublishedAtUtc).Select(a => "/bai-viet/" + a.Slug).ToListAsync());
        Assert.Equal(slugs, hrefs.Where(h => h is not null && slugs.Contains(h)).Distinct());
    }

    [Fact]
    public async Task AScheduledTakeDownUnpublishesALiveArticle()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Mai Văn Phúc");
        var id = await editor.CreateArticleAsync("Thông báo tuyển sinh quân sự năm 2022");
        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        var slug = (await factory.ArticleAsync(id))!.Slug;
        var down = ToMinute(VietnamClock.ToLocal(UtcNow).AddMinutes(30));

        await editor.StepOkAsync(id, "hen-go", "Đã cập nhật lịch gỡ bài.", atVietnamTime: down);

        var live = (await factory.ArticleAsync(id))!;
        Assert.Equal(ArticleStatus.Published, live.Status);
        Assert.Equal(VietnamClock.ToUtc(down), live.UnpublishAtUtc);
        var (_, editorPage) = await editor.GetPageAsync($"/admin/bai-viet/{id}/sua");
        Assert.Contains($"gỡ lúc {VietnameseDate.DateTime(down)}", editorPage.QuerySelector("#trang-thai")!.ParentElement!.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync(editor, slug));

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await Scheduler.RunOnceAsync(CancellationToken.None));

        var takenDown = (await factory.ArticleAsync(id))!;
        Assert.Equal(ArticleStatus.Unpublished, takenDown.Status);
        Assert.Null(takenDown.UnpublishAtUtc);
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync(editor, slug));
        var entry = (await factory.AuditAsync(id)).Last();
        Assert.Equal(("article.unpublish", "hệ thống"), (entry.Action, entry.UserName));
    }

    [Fact]
    public async Task SchedulingInThePastIsRefused()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Hà Thị Quyên");
        var id = await editor.CreateArticleAsync("Bài viết lên lịch nhầm giờ");
        var now = VietnamClock.ToLocal(UtcNow);

        await editor.StepOkAsync(id, "len-lich", "Thời điểm lên lịch phải ở tương lai.", atVietnamTime: ToMinute(now.AddMinutes(-5)));
        await editor.StepOkAsync(id, "len-lich", "Thời điểm lên lịch phải ở tương lai.", atVietnamTime: ToMinute(now));

        var article = (await factory.ArticleAsync(id))!;
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.ScheduledAtUtc);

        await editor.StepOkAsync(id, "xuat-ban", "Đã xuất bản.");
        await editor.StepOkAsync(id, "hen-go", "Thời điểm gỡ bài phải ở tương lai.", atVietnamTime: ToMinute(now.AddHours(-1)));
        Assert.Null((await factory.ArticleAsync(id))!.UnpublishAtUtc);
    }

    [Fact]
    public async Task AScheduledTimeIsVietnamTimeNotUtc()
    {
        using var editor = await ArticleTestClient.SignInNewAsync(factory, Roles.Editor, "Lâm Văn Sơn");
        var id = await editor.CreateArticleAsync("Bài viết kiểm tra múi giờ");
        // Three hours ahead in UTC terms is four hours in the past in Vietnam.
        var utcClockReading = ToMinute(UtcNow.AddHours(3));

        await editor.StepOkAsync(id, "len-lich", "Thời điểm lên lịch phải ở tương lai.", atVietnamTime: utcClockReading);

        Assert.Equal(ArticleStatus.Draft, (await factory.ArticleAsync(id))!.Status);
    }

    private static DateTime ToMinute(DateTime time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, time.Kind);

    private static async Task<HttpStatusCode> PublicStatusAsync(ArticleTestClient client, string slug) =>
        (await client.Http.GetAsync(new Uri("/bai-viet/" + slug, UriKind.Relative))).StatusCode;
}

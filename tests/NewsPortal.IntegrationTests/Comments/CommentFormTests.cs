using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Comments;

/// <summary>The app on SQLite; a test sets the client's address with the X-Test-Client-Ip header.</summary>
public sealed class CommentSqliteFactory : SqliteFactory
{
    public const string ClientIpHeader = "X-Test-Client-Ip";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientIpStartupFilter>());
    }

    private sealed class ClientIpStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientIpHeader, out var ip) && IPAddress.TryParse(ip.ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A reader's comment through real HTTP: the page's form token, an Origin header, form-urlencoded.</summary>
public sealed class CommentFormTests(CommentSqliteFactory factory) : IClassFixture<CommentSqliteFactory>
{
    private const string Slug = "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";
    private const string Url = "/bai-viet/" + Slug;
    private const string Origin = "http://localhost";

    private readonly HttpClient _client = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<string> FormTokenAsync(string url = Url)
    {
        // A fresh render (an address the output cache has not seen): the token carries the time
        // the form was shown, and these tests move the clock.
        var (response, page) = await _client.GetPageAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lan=" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelector("form.comment-form input[name=FormToken]")!.GetAttribute("value")!;
    }

    private async Task<HttpResponseMessage> PostAsync(string slug, IDictionary<string, string> fields, string? origin = Origin, string? ip = null, string? referer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/bai-viet/" + slug + "/binh-luan", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (referer is not null)
        {
            request.Headers.Referrer = new Uri(referer);
        }

        if (ip is not null)
        {
            request.Headers.Add(CommentSqliteFactory.ClientIpHeader, ip);
        }

        return await _client.SendAsync(request);
    }

    private static Dictionary<string, string> Fields(string token, string email, string body, string name = "Nguyễn Văn An", string website = "") => new()
    {
        ["FormToken"] = token,
        ["Body"] = body,
        ["Name"] = name,
        ["Email"] = email,
        ["Website"] = website,
        ["Phone"] = string.Empty,
    };

    /// <summary>Reads the page, waits like a person, posts.</summary>
    private async Task<HttpResponseMessage> PostCommentAsync(string email, string body, string slug = Slug, string? ip = null, Action<Dictionary<string, string>>? change = null)
    {
        var token = await FormTokenAsync("/bai-viet/" + slug);
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        var fields = Fields(token, email, body);
        change?.Invoke(fields);
        return await PostAsync(slug, fields, ip: ip);
    }

    private async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> work)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await work(db);
    }

    private Task<Comment> CommentByEmailAsync(string email) =>
        WithDbAsync(db => db.Comments.AsNoTracking().OrderByDescending(c => c.Id).FirstAsync(c => c.AuthorEmail == email));

    private async Task ChangeSettingsAsync(Action<SiteSettings> change)
    {
        await WithDbAsync(async db =>
        {
            var settings = await db.SiteSettings.SingleAsync();
            change(settings);
            return await db.SaveChangesAsync();
        });
    }

    private static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) => Html.Parse(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task TheArticleShowsTheFormWithTheNoticeAndNoCookie()
    {
        var (response, page) = await _client.GetPageAsync(Url);

        Assert.False(response.Headers.Contains("Set-Cookie"));
        var respond = page.QuerySelector("#tra-loi")!;
        Assert.Equal("Trả lời", respond.QuerySelector("h3")!.Text());
        Assert.Equal("Thư điện tử của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *", respond.QuerySelector(".comment-notes")!.Text());
        var labels = respond.QuerySelectorAll("label").Select(l => l.Text()).ToList();
        Assert.Contains("Bình luận *", labels);
        Assert.Contains("Tên *", labels);
        Assert.Contains("Email *", labels);
        Assert.Contains("Trang web", labels);
        Assert.Contains("Để trống ô này", labels);
        var honeypot = respond.QuerySelector("input[name=Phone]")!;
        Assert.Equal("-1", honeypot.GetAttribute("tabindex"));
        Assert.Equal("off", honeypot.GetAttribute("autocomplete"));
        Assert.NotNull(respond.QuerySelector("input[type=checkbox]#comment-remember"));
        Assert.Null(respond.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(Url + "/binh-luan", respond.QuerySelector("form")!.GetAttribute("action"));
    }

    [Fact]
    public async Task AValidCommentIsStoredPendingInNfcAndOnlyItsAuthorSeesIt()
    {
        var email = Unique("an") + "@example.vn";
        var nfd = "Bài viết rất hữu ích, cảm ơn Ban biên tập.".Normalize(NormalizationForm.FormD);
        var response = await PostCommentAsync(email.ToUpperInvariant(), nfd, ip: "203.0.113.200");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var comment = await CommentByEmailAsync(email);
        Assert.Equal(CommentStatus.Pending, comment.Status);
        Assert.Equal(nfd.Normalize(NormalizationForm.FormC), comment.Body);
        Assert.Equal(email, comment.AuthorEmail);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(Url + "?cho-duyet=" + comment.Id + "&ma=", location, StringComparison.Ordinal);
        Assert.EndsWith("#binh-luan-" + comment.Id, location, StringComparison.Ordinal);

        var (own, ownPage) = await _client.GetPageAsync(location);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var mine = ownPage.QuerySelector("#binh-luan-" + comment.Id)!;
        Assert.Equal("Bình luận của bạn đang chờ kiểm duyệt.", mine.QuerySelector(".comment-pending")!.Text());
        Assert.DoesNotContain(email, ownPage.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("203.0.113.200", ownPage.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var (_, plain) = await _client.GetPageAsync(Url);
        Assert.Null(plain.QuerySelector("#binh-luan-" + comment.Id));
        var (_, forged) = await _client.GetPageAsync(Url + "?cho-duyet=" + comment.Id + "&ma=gia-mao");
        Assert.Null(forged.QuerySelector("#binh-luan-" + comment.Id));

        // Approval makes it public to everyone.
        await WithDbAsync(async db =>
        {
            var stored = await db.Comments.SingleAsync(c => c.Id == comment.Id);
            stored.Approve(factory.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });
        var (_, after) = await _client.GetPageAsync(Url);
        var shown = after.QuerySelector("#binh-luan-" + comment.Id)!;
        Assert.Null(shown.QuerySelector(".comment-pending"));
        Assert.Equal(nfd.Normalize(NormalizationForm.FormC), shown.QuerySelector(".comment-body")!.Text());

        var logs = factory.ReadLogs();
        // Written once the post's transaction is committed; ids and status only.
        Assert.Contains($"Comment {comment.Id} on article {comment.ArticleId} stored as \"Pending\"", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(email, logs, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("203.0.113.200", logs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Body", "", "Vui lòng nhập bình luận.")]
    [InlineData("Name", "", "Vui lòng nhập tên.")]
    [InlineData("Email", "", "Vui lòng nhập email.")]
    [InlineData("Email", "khong-phai-email", "Địa chỉ email không hợp lệ (ví dụ: ten@example.vn).")]
    [InlineData("Website", "javascript:alert(1)", "Trang web phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.")]
    [InlineData("Website", "ftp://example.vn/", "Trang web phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.")]
    [InlineData("Website", "www.example.vn", "Trang web phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://.")]
    public async Task EachInvalidFieldIsExplainedNextToItWithTheValuesKept(string field, string value, string message)
    {
        var email = Unique("loi") + "@example.vn";
        var response = await PostCommentAsync(email, "Nội dung " + Unique("x"), change: f => f[field] = value);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ReadAsync(response);
        var id = "comment-" + field.ToLowerInvariant();
        Assert.Equal(message, page.QuerySelector("#" + id + "-error")!.Text());
        Assert.Equal("true", page.QuerySelector("#" + id)!.GetAttribute("aria-invalid"));
        if (field != "Name")
        {
            Assert.Equal("Nguyễn Văn An", page.QuerySelector("#comment-name")!.GetAttribute("value"));
        }

        if (field != "Body")
        {
            Assert.StartsWith("Nội dung ", page.QuerySelector("#comment-body")!.TextContent, StringComparison.Ordinal);
        }

        Assert.False(await WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorEmail == email)));
    }

    [Fact]
    public async Task TooLongBodyAndNameAreRefused()
    {
        var email = Unique("dai") + "@example.vn";
        var response = await PostCommentAsync(email, new string('a', 5_001), change: f => f["Name"] = new string('b', 101));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ReadAsync(response);
        Assert.Equal("Bình luận dài tối đa 5.000 ký tự (bạn đã viết 5001).", page.QuerySelector("#comment-body-error")!.Text());
        Assert.Equal("Tên dài tối đa 100 ký tự.", page.QuerySelector("#comment-name-error")!.Text());
    }

    [Fact]
    public async Task TheHoneypotStoresSpamButAnswersLikeSuccess()
    {
        var email = Unique("robot") + "@example.vn";
        var response = await PostCommentAsync(email, "Mua ngay " + Unique("x"), change: f => f["Phone"] = "0901234567");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(CommentStatus.Spam, (await CommentByEmailAsync(email)).Status);
    }

    [Fact]
    public async Task AFormSentTooFastIsRefused()
    {
        var email = Unique("nhanh") + "@example.vn";
        var token = await FormTokenAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var response = await PostAsync(Slug, Fields(token, email, "Nhanh quá " + Unique("x")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ReadAsync(response);
        Assert.Equal("Bạn gửi bình luận quá nhanh. Vui lòng đợi vài giây rồi gửi lại.", page.QuerySelector(".form-error")!.Text());
        Assert.False(await WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorEmail == email)));
    }

    [Fact]
    public async Task AnExpiredOrForgedFormTokenIsRefused()
    {
        var email = Unique("cu") + "@example.vn";
        var token = await FormTokenAsync();
        factory.Clock.Advance(TimeSpan.FromHours(25));
        var expired = await PostAsync(Slug, Fields(token, email, "Cũ " + Unique("x")));
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Equal("Biểu mẫu bình luận đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang rồi gửi lại.", (await ReadAsync(expired)).QuerySelector(".form-error")!.Text());

        var forged = await PostAsync(Slug, Fields("CfDJ8" + Unique("gia-mao"), email, "Giả " + Unique("x")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(await WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorEmail == email)));
    }

    [Fact]
    public async Task AMissingOrForeignOriginIsForbidden()
    {
        var email = Unique("csrf") + "@example.vn";
        var token = await FormTokenAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Slug, Fields(token, email, "A " + Unique("x")), origin: "https://evil.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Slug, Fields(token, email, "B " + Unique("x")), origin: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(Slug, Fields(token, email, "C " + Unique("x")), origin: null, referer: "https://evil.example/bai-viet/x")).StatusCode);
        Assert.False(await WithDbAsync(db => db.Comments.AnyAsync(c => c.AuthorEmail == email)));

        // Without Origin, a Referer of this site will do.
        Assert.Equal(HttpStatusCode.SeeOther, (await PostAsync(Slug, Fields(token, email, "D " + Unique("x")), origin: null, referer: "http://localhost" + Url)).StatusCode);
    }

    [Fact]
    public async Task FloodControlAnswers429WithRetryAfterPerEmailAndPerAddress()
    {
        var email = Unique("lu") + "@example.vn";
        Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(email, "Một " + Unique("x"))).StatusCode);

        var token = await FormTokenAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await PostAsync(Slug, Fields(token, email, "Hai " + Unique("x")));
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("10", second.Headers.GetValues("Retry-After").Single());
        Assert.Contains("lang=\"vi\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ip = "198.51.100.77";
        Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(Unique("ip1") + "@example.vn", "Ba " + Unique("x"), ip: ip)).StatusCode);
        token = await FormTokenAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var fromSameAddress = await PostAsync(Slug, Fields(token, Unique("ip2") + "@example.vn", "Bốn " + Unique("x")), ip: ip);
        Assert.Equal(HttpStatusCode.TooManyRequests, fromSameAddress.StatusCode);
        Assert.True(fromSameAddress.Headers.RetryAfter is not null);
    }

    [Fact]
    public async Task ADuplicateCommentIsRefused()
    {
        var email = Unique("lap") + "@example.vn";
        var body = "Trùng lặp " + Unique("x");
        Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(email, body)).StatusCode);
        var again = await PostCommentAsync(email, body);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Bạn đã gửi bình luận này rồi.", (await ReadAsync(again)).QuerySelector(".form-error")!.Text());
        Assert.Equal(1, await WithDbAsync(db => db.Comments.CountAsync(c => c.AuthorEmail == email)));
    }

    [Fact]
    public async Task RulesBlockWordsHoldLinksAndWordsAndLetKnownAuthorsSkipTheQueue()
    {
        await ChangeSettingsAsync(s =>
        {
            s.CommentBlockWords = "casino\nbán thuốc";
            s.CommentHoldWords = "khiếu nại";
            s.CommentApprovedAuthorsSkipQueue = true;
        });
        try
        {
            var spammer = Unique("spam") + "@example.vn";
            Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(spammer, "Chơi CASINO trực tuyến " + Unique("x"))).StatusCode);
            var spam = await CommentByEmailAsync(spammer);
            Assert.Equal(CommentStatus.Spam, spam.Status);
            Assert.True(await WithDbAsync(db => db.CommentModerations.AnyAsync(m => m.CommentId == spam.Id && m.Action == "rule" && m.ToStatus == CommentStatus.Spam)));

            // A known author: an earlier approved comment.
            var known = Unique("quen") + "@example.vn";
            Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(known, "Lần đầu " + Unique("x"))).StatusCode);
            var first = await CommentByEmailAsync(known);
            Assert.Equal(CommentStatus.Pending, first.Status);
            await WithDbAsync(async db =>
            {
                (await db.Comments.SingleAsync(c => c.Id == first.Id)).Approve(factory.Clock.GetUtcNow().UtcDateTime);
                return await db.SaveChangesAsync();
            });

            Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(known, "Lần hai " + Unique("x"))).StatusCode);
            var second = await CommentByEmailAsync(known);
            Assert.Equal(CommentStatus.Approved, second.Status);
            Assert.True(await WithDbAsync(db => db.CommentModerations.AnyAsync(m => m.CommentId == second.Id && m.Action == "rule" && m.ToStatus == CommentStatus.Approved)));

            Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(known, "Xem https://a.example/1 và http://b.example/2 " + Unique("x"))).StatusCode);
            var links = await CommentByEmailAsync(known);
            Assert.Equal(CommentStatus.Pending, links.Status);
            Assert.True(await WithDbAsync(db => db.CommentModerations.AnyAsync(m => m.CommentId == links.Id && m.Action == "rule" && m.ToStatus == CommentStatus.Pending)));

            Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(known, "Tôi muốn Khiếu Nại " + Unique("x"))).StatusCode);
            Assert.Equal(CommentStatus.Pending, (await CommentByEmailAsync(known)).Status);

            // Off (the default): even a known author waits.
            await ChangeSettingsAsync(s => s.CommentApprovedAuthorsSkipQueue = false);
            Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(known, "Lần năm " + Unique("x"))).StatusCode);
            Assert.Equal(CommentStatus.Pending, (await CommentByEmailAsync(known)).Status);
        }
        finally
        {
            await ChangeSettingsAsync(s =>
            {
                s.CommentBlockWords = string.Empty;
                s.CommentHoldWords = string.Empty;
                s.CommentApprovedAuthorsSkipQueue = false;
            });
        }
    }

    [Fact]
    public async Task BannedEmailsAndAddressRangesAreForbidden()
    {
        var banned = Unique("cam") + "@example.vn";
        await WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.CommentBans.Add(new CommentBan(CommentBanKind.Email, banned.ToUpperInvariant(), now.AddDays(30), "Spam", "admin", now));
            db.CommentBans.Add(new CommentBan(CommentBanKind.IpRange, "192.0.2.0/24", null, "Spam", "admin", now));
            db.CommentBans.Add(new CommentBan(CommentBanKind.IpRange, "2001:db8:cafe::/48", null, "Spam", "admin", now));
            db.CommentBans.Add(new CommentBan(CommentBanKind.IpRange, "100.64.0.0/10", now.AddDays(-1), "Hết hạn", "admin", now.AddDays(-10)));
            return await db.SaveChangesAsync();
        });

        var byEmail = await PostCommentAsync(banned, "Bị cấm " + Unique("x"));
        Assert.Equal(HttpStatusCode.Forbidden, byEmail.StatusCode);
        Assert.Equal("Bạn không được phép gửi bình luận trên trang này.", (await ReadAsync(byEmail)).QuerySelector(".form-error")!.Text());

        Assert.Equal(HttpStatusCode.Forbidden, (await PostCommentAsync(Unique("v4") + "@example.vn", "IPv4 " + Unique("x"), ip: "192.0.2.55")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostCommentAsync(Unique("v6") + "@example.vn", "IPv6 " + Unique("x"), ip: "2001:db8:cafe:1::9")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(Unique("het") + "@example.vn", "Hết hạn " + Unique("x"), ip: "100.64.1.1")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(Unique("ok") + "@example.vn", "Ngoài dải " + Unique("x"), ip: "192.0.3.1")).StatusCode);
    }

    [Fact]
    public async Task ClosedCommentsShowTheNoticeAndRefusePosts()
    {
        var slug = await WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.Slug != Slug).OrderBy(a => a.Id).Select(a => a.Slug).FirstAsync());
        var token = await FormTokenAsync("/bai-viet/" + slug);
        await SetModeAsync(slug, CommentsMode.Closed);
        try
        {
            var (_, page) = await _client.GetPageAsync("/bai-viet/" + slug);
            Assert.Equal("Bình luận đã đóng.", page.QuerySelector(".comments-closed")!.Text());
            Assert.Null(page.QuerySelector("form.comment-form"));
            Assert.Null(page.QuerySelector(".comment-reply-link"));
            factory.Clock.Advance(TimeSpan.FromSeconds(20));
            var posted = await PostAsync(slug, Fields(token, Unique("dong") + "@example.vn", "Đóng " + Unique("x")));
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);

            // Default mode with the close-after-days setting: published months ago, so closed.
            await SetModeAsync(slug, CommentsMode.SiteDefault);
            await ChangeSettingsAsync(s => s.CommentsCloseAfterDays = 14);
            var (_, old) = await _client.GetPageAsync("/bai-viet/" + slug);
            Assert.Equal("Bình luận đã đóng.", old.QuerySelector(".comments-closed")!.Text());

            // An article set to Open stays open whatever the setting.
            await SetModeAsync(slug, CommentsMode.Open);
            var (_, open) = await _client.GetPageAsync("/bai-viet/" + slug);
            Assert.NotNull(open.QuerySelector("form.comment-form"));
        }
        finally
        {
            await ChangeSettingsAsync(s => s.CommentsCloseAfterDays = 0);
            await SetModeAsync(slug, CommentsMode.SiteDefault);
        }
    }

    private Task<int> SetModeAsync(string slug, CommentsMode mode) => WithDbAsync(async db =>
    {
        (await db.Articles.SingleAsync(a => a.Slug == slug)).SetCommentsMode(mode, factory.Clock.GetUtcNow().UtcDateTime);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task RepliesNestAfterApprovalUpToTheConfiguredDepth()
    {
        var slug = await WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.Slug != Slug).OrderByDescending(a => a.Id).Select(a => a.Slug).FirstAsync());
        await ChangeSettingsAsync(s => s.CommentThreadDepth = 2);
        try
        {
            var topEmail = Unique("goc") + "@example.vn";
            Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(topEmail, "Gốc " + Unique("x"), slug)).StatusCode);
            var top = await CommentByEmailAsync(topEmail);
            await ApproveAsync(top.Id);

            var (_, withTop) = await _client.GetPageAsync("/bai-viet/" + slug);
            var link = withTop.QuerySelector("#binh-luan-" + top.Id + " .comment-reply-link")!;
            Assert.Equal("/bai-viet/" + slug + "?tra-loi=" + top.Id + "#tra-loi", link.GetAttribute("href"));
            var (_, replying) = await _client.GetPageAsync(link.GetAttribute("href")!.Split('#')[0]);
            Assert.Equal(top.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), replying.QuerySelector("#comment-parent")!.GetAttribute("value"));
            Assert.False(replying.QuerySelector(".cancel-reply")!.HasAttribute("hidden"));

            var replyEmail = Unique("tl") + "@example.vn";
            Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(replyEmail, "Trả lời " + Unique("x"), slug, change: f => f["ParentId"] = top.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).StatusCode);
            var reply = await CommentByEmailAsync(replyEmail);
            Assert.Equal(2, reply.Depth);
            Assert.Equal(top.Id, reply.ParentId);
            var (_, beforeApproval) = await _client.GetPageAsync("/bai-viet/" + slug);
            Assert.Null(beforeApproval.QuerySelector("#binh-luan-" + reply.Id));
            await ApproveAsync(reply.Id);

            var (_, page) = await _client.GetPageAsync("/bai-viet/" + slug);
            Assert.NotNull(page.QuerySelector("#binh-luan-" + top.Id + " > ol.comment-list > li#binh-luan-" + reply.Id));
            // At the maximum depth: no reply link, and a forged reply is refused.
            Assert.Null(page.QuerySelector("#binh-luan-" + reply.Id + " .comment-reply-link"));
            var tooDeep = await PostCommentAsync(Unique("sau") + "@example.vn", "Quá sâu " + Unique("x"), slug, change: f => f["ParentId"] = reply.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(HttpStatusCode.BadRequest, tooDeep.StatusCode);
            Assert.Equal("Không thể trả lời sâu hơn nữa trong chuỗi bình luận này.", (await ReadAsync(tooDeep)).QuerySelector("#comment-body-error")!.Text());
        }
        finally
        {
            await ChangeSettingsAsync(s => s.CommentThreadDepth = 5);
        }
    }

    private Task<int> ApproveAsync(int id) => WithDbAsync(async db =>
    {
        (await db.Comments.SingleAsync(c => c.Id == id)).Approve(factory.Clock.GetUtcNow().UtcDateTime);
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task CommentsArePagedByTopLevelThreads()
    {
        var slug = await WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published && a.Slug != Slug).OrderBy(a => a.Id).Skip(1).Select(a => a.Slug).FirstAsync());
        var articleId = await WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).FirstAsync());
        await WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            for (var i = 1; i <= 5; i++)
            {
                var c = new Comment(articleId, null, "Bạn đọc " + i, $"trang{i}@example.vn", null, "Trang " + i, null, now.AddMinutes(i));
                c.Approve(now);
                db.Comments.Add(c);
            }

            return await db.SaveChangesAsync();
        });
        await ChangeSettingsAsync(s => s.CommentsPerPage = 2);
        try
        {
            var (_, first) = await _client.GetPageAsync("/bai-viet/" + slug);
            Assert.Equal(["Trang 1", "Trang 2"], first.QuerySelectorAll("#binh-luan > ol > li > .comment-body").Select(b => b.Text()));
            Assert.Equal("/bai-viet/" + slug + "?trang-binh-luan=2#binh-luan", first.QuerySelector(".comment-pager a[rel=next]")!.GetAttribute("href"));
            var (_, third) = await _client.GetPageAsync("/bai-viet/" + slug + "?trang-binh-luan=3");
            Assert.Equal(["Trang 5"], third.QuerySelectorAll("#binh-luan > ol > li > .comment-body").Select(b => b.Text()));
            var (past, _) = await _client.GetPageAsync("/bai-viet/" + slug + "?trang-binh-luan=4");
            Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
            var (bad, _) = await _client.GetPageAsync("/bai-viet/" + slug + "?trang-binh-luan=0");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
        finally
        {
            await ChangeSettingsAsync(s => s.CommentsPerPage = 50);
        }
    }
}

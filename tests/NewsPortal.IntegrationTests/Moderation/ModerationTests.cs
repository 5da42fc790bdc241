using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.IntegrationTests.Admin;
using NewsPortal.IntegrationTests.Articles;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.IntegrationTests.Moderation;

/// <summary>
/// The moderation desk over real HTTP: a Moderator signs in, works the queue, and the public
/// article page shows exactly the approved comments. Comments are made directly in the database,
/// each test with a marker of its own so the tests of the class share one app without clashing.
/// </summary>
public sealed class ModerationTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    private const string Queue = "/admin/binh-luan";

    [Fact]
    public async Task TheQueueHasTabsWithCountsNewestFirstAndFilters()
    {
        var m = Marker();
        var (a1, _) = await ArticleAsync(0);
        var (a2, _) = await ArticleAsync(1);
        var oldest = await CreateAsync(a1, $"Cũ nhất {m}", name: "Nguyễn Văn An", email: $"an-{m}@example.vn", ip: "203.0.113.7", ageMinutes: 30);
        var middle = await CreateAsync(a2, $"Ở giữa {m}", name: "Trần Thị Bình", email: $"binh-{m}@example.vn", ip: "198.51.100.9", ageMinutes: 20);
        var newest = await CreateAsync(a1, $"Mới nhất {m}", name: "Lê Văn Cường", ageMinutes: 10);
        await CreateAsync(a1, $"Đã duyệt {m}", status: CommentStatus.Approved);
        await CreateAsync(a1, $"Rác quảng cáo {m}", status: CommentStatus.Spam);
        var client = await ModeratorAsync();

        var page = await PageAsync(client, $"{Queue}?q={m}");

        Assert.Equal("Chờ duyệt (3)", page.QuerySelector("a[data-tab=cho-duyet]")!.Text());
        Assert.Equal("Đã duyệt (1)", page.QuerySelector("a[data-tab=da-duyet]")!.Text());
        Assert.Equal("Spam (1)", page.QuerySelector("a[data-tab=spam]")!.Text());
        Assert.Equal("Thùng rác (0)", page.QuerySelector("a[data-tab=thung-rac]")!.Text());
        Assert.Equal([newest, middle, oldest], Ids(page));
        var row = page.QuerySelector($"#binh-luan-{middle}")!;
        Assert.Contains($"binh-{m}@example.vn", row.Text(), StringComparison.Ordinal);
        Assert.Contains("198.51.100.9", row.Text(), StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("a[href^='/bai-viet/']"));
        var local = VietnamClock.ToLocal(factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-20));
        Assert.Contains(local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), row.Text(), StringComparison.Ordinal);

        Assert.Equal([middle], Ids(await PageAsync(client, $"{Queue}?q={m}&tacGia=Bình")));
        Assert.Equal([oldest], Ids(await PageAsync(client, $"{Queue}?email=an-{m}")));
        Assert.Equal([middle], Ids(await PageAsync(client, $"{Queue}?q={m}&ip=198.51.100")));
        Assert.Equal([middle], Ids(await PageAsync(client, $"{Queue}?q={m}&baiViet={a2}")));
        var title = await factory.QueryAsync(db => db.Articles.Where(a => a.Id == a2).Select(a => a.Title).SingleAsync());
        Assert.Equal([middle], Ids(await PageAsync(client, $"{Queue}?q={m}&baiViet={Uri.EscapeDataString(title[..20])}")));
        Assert.Equal(["Đã duyệt " + m], (await PageAsync(client, $"{Queue}?trangThai=da-duyet&q={m}")).QuerySelectorAll("td.comment-body").Select(t => t.Text()));
    }

    [Fact]
    public async Task TheQueueIsPaged()
    {
        var m = Marker();
        var (article, _) = await ArticleAsync(2);
        for (var i = 0; i < 35; i++)
        {
            await CreateAsync(article, $"Trang {i} {m}", ageMinutes: 100 - i);
        }

        var client = await ModeratorAsync();
        var first = await PageAsync(client, $"{Queue}?q={m}");
        var second = await PageAsync(client, $"{Queue}?q={m}&trang=2");

        Assert.Equal(30, Ids(first).Count);
        Assert.Equal(5, Ids(second).Count);
        Assert.Equal($"Trang 34 {m}", first.QuerySelector("td.comment-body")!.Text());
        Assert.Equal("Trang 1 / 2", first.QuerySelector(".pager span")!.Text());
        Assert.NotNull(first.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task TheNavigationShowsThePendingCountToModeratorsOnly()
    {
        var (article, _) = await ArticleAsync(0);
        await CreateAsync(article, $"Chờ {Marker()}");
        var moderator = await ModeratorAsync();

        var page = await PageAsync(moderator, "/admin");
        var pending = await factory.QueryAsync(db => db.Comments.CountAsync(c => c.Status == CommentStatus.Pending));

        Assert.StartsWith(pending.ToString(CultureInfo.InvariantCulture), page.QuerySelector("nav a[href='/admin/binh-luan'] .pending-count")!.Text(), StringComparison.Ordinal);
        var author = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Author));
        Assert.Null((await PageAsync(author, "/admin")).QuerySelector("nav a[href='/admin/binh-luan']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(new Uri(Queue, UriKind.Relative))).StatusCode);
        var editor = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Editor));
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri(Queue, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.GetAsync(new Uri("/admin/binh-luan/du-lieu-ca-nhan", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task EachSingleActionMovesTheCommentRecordsItAndTheArticlePageFollows()
    {
        var m = Marker();
        var (article, slug) = await ArticleAsync(3);
        var id = await CreateAsync(article, $"Ý kiến bạn đọc {m}");
        var client = await ModeratorAsync();

        var steps = new (string Step, CommentStatus To, bool Public)[]
        {
            ("duyet", CommentStatus.Approved, true),
            ("bo-duyet", CommentStatus.Pending, false),
            ("spam", CommentStatus.Spam, false),
            ("khong-spam", CommentStatus.Pending, false),
            ("thung-rac", CommentStatus.Trash, false),
            ("khoi-phuc", CommentStatus.Pending, false),
            ("duyet", CommentStatus.Approved, true),
        };
        foreach (var (step, to, shown) in steps)
        {
            var response = await PostAsync(client, $"{Queue}/{id}/{step}", ("lyDo", $"Lý do {step}"), ("quayLai", $"{Queue}?q={m}"));
            Assert.Equal($"{Queue}?q={m}", response.Target());
            Assert.Equal(to, await StatusAsync(id));
            Assert.Equal(shown, await IsPublicAsync(slug, m));
        }

        var history = await factory.QueryAsync(db => db.CommentModerations.AsNoTracking().Where(h => h.CommentId == id).OrderBy(h => h.Id).ToListAsync());
        Assert.Equal(["approve", "unapprove", "spam", "notspam", "trash", "restore", "approve"], history.Select(h => h.Action));
        Assert.All(history, h => Assert.StartsWith("Moderator-", h.UserName, StringComparison.Ordinal));
        Assert.Equal(CommentStatus.Pending, history[0].FromStatus);
        Assert.Equal("Lý do khong-spam", history[3].Reason);
        var audit = await AuditAsync(id);
        Assert.Equal(["comment.approve", "comment.unapprove", "comment.spam", "comment.notspam", "comment.trash", "comment.restore", "comment.approve"], audit.Select(a => a.Action));

        var (_, page) = await client.GetPageAsync($"{Queue}/{id}/lich-su");
        Assert.Equal(7, page.QuerySelectorAll("table.history tbody tr").Length);
        Assert.Contains("Lý do spam", page.QuerySelector("table.history")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnActionThatDoesNotFitIsRefusedWithTheEntitysMessage()
    {
        var (article, _) = await ArticleAsync(0);
        var id = await CreateAsync(article, $"Đang chờ {Marker()}");
        var client = await ModeratorAsync();

        await PostAsync(client, $"{Queue}/{id}/khoi-phuc");
        var flash = (await PageAsync(client, Queue)).QuerySelector(".flash")!.Text();

        Assert.Contains("Chỉ khôi phục được bình luận trong thùng rác.", flash, StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Pending, await StatusAsync(id));
        Assert.Empty(await AuditAsync(id));
    }

    [Fact]
    public async Task BulkActionsMoveEveryTickedComment()
    {
        var m = Marker();
        var (article, slug) = await ArticleAsync(4);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await CreateAsync(article, $"Hàng loạt {i} {m}"));
        }

        var untouched = await CreateAsync(article, $"Không chọn {m}");
        var client = await ModeratorAsync();

        await BulkAsync(client, "duyet", ids, "Ý kiến xây dựng");
        Assert.Equal([CommentStatus.Approved, CommentStatus.Approved, CommentStatus.Approved], await StatusesAsync(ids));
        Assert.Equal(CommentStatus.Pending, await StatusAsync(untouched));
        Assert.True(await IsPublicAsync(slug, $"Hàng loạt 1 {m}"));
        Assert.False(await IsPublicAsync(slug, $"Không chọn {m}"));
        var reasons = await factory.QueryAsync(db => db.CommentModerations.Where(h => ids.Contains(h.CommentId)).Select(h => h.Reason).ToListAsync());
        Assert.Equal(["Ý kiến xây dựng", "Ý kiến xây dựng", "Ý kiến xây dựng"], reasons);

        foreach (var (step, to) in new[] { ("bo-duyet", CommentStatus.Pending), ("spam", CommentStatus.Spam), ("khong-spam", CommentStatus.Pending), ("thung-rac", CommentStatus.Trash), ("khoi-phuc", CommentStatus.Pending), ("thung-rac", CommentStatus.Trash) })
        {
            await BulkAsync(client, step, ids, null);
            Assert.Equal([to, to, to], await StatusesAsync(ids));
        }

        Assert.False(await IsPublicAsync(slug, $"Hàng loạt 1 {m}"));
        foreach (var id in ids)
        {
            Assert.Equal(7, (await AuditAsync(id)).Count);
        }

        await BulkAsync(client, "xoa", [.. ids, untouched], null);
        Assert.Equal(0, await factory.QueryAsync(db => db.Comments.CountAsync(c => ids.Contains(c.Id))));
        Assert.Equal(CommentStatus.Pending, await StatusAsync(untouched));
        Assert.Contains("Chỉ xóa vĩnh viễn được bình luận trong mục spam hoặc thùng rác.", (await PageAsync(client, Queue)).QuerySelector(".flash")!.Text(), StringComparison.Ordinal);
        foreach (var id in ids)
        {
            Assert.Equal("comment.delete", (await AuditAsync(id))[^1].Action);
        }
    }

    [Fact]
    public async Task DeleteForGoodOnlyFromSpamOrTrash()
    {
        var m = Marker();
        var (article, _) = await ArticleAsync(0);
        var approved = await CreateAsync(article, $"Đã duyệt {m}", status: CommentStatus.Approved);
        var spam = await CreateAsync(article, $"Spam {m}", status: CommentStatus.Spam);
        var client = await ModeratorAsync();

        await PostAsync(client, $"{Queue}/{approved}/xoa");
        await PostAsync(client, $"{Queue}/{spam}/xoa");

        Assert.Equal(CommentStatus.Approved, await StatusAsync(approved));
        Assert.False(await factory.QueryAsync(db => db.Comments.AnyAsync(c => c.Id == spam)));
    }

    [Fact]
    public async Task AThreadInTheTrashIsDeletedInOneBulkActionAndSpamIsNotAnsweredPublicly()
    {
        var m = Marker();
        var (article, _) = await ArticleAsync(0);
        var parent = await CreateAsync(article, $"Gốc {m}", status: CommentStatus.Trash);
        var reply = await factory.QueryAsync(async db =>
        {
            var c = new Comment(article, parent, "Bạn đọc khác", "khac@example.vn", null, $"Trả lời {m}", null, factory.Clock.GetUtcNow().UtcDateTime, depth: 2);
            c.Trash(factory.Clock.GetUtcNow().UtcDateTime);
            db.Comments.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var spam = await CreateAsync(article, $"Quảng cáo {m}", status: CommentStatus.Spam);
        var client = await ModeratorAsync();

        await PostAsync(client, $"{Queue}/{parent}/xoa");
        Assert.Contains("Bình luận này còn có trả lời: hãy xóa các trả lời trước.", (await PageAsync(client, Queue)).QuerySelector(".flash")!.Text(), StringComparison.Ordinal);
        await BulkAsync(client, "xoa", [parent, reply], null);
        Assert.False(await factory.QueryAsync(db => db.Comments.AnyAsync(c => c.Id == parent || c.Id == reply)));

        await PostAsync(client, $"{Queue}/{spam}/tra-loi", ("noiDung", $"Không nên đăng {m}"));
        Assert.Contains("Không trả lời được bình luận trong mục spam hoặc thùng rác.", (await PageAsync(client, Queue)).QuerySelector(".flash")!.Text(), StringComparison.Ordinal);
        Assert.False(await factory.QueryAsync(db => db.Comments.AnyAsync(c => c.ParentId == spam)));
    }

    [Fact]
    public async Task AModeratorEditsACommentAndRepliesAsTheEditorialOffice()
    {
        var m = Marker();
        var (article, slug) = await ArticleAsync(5);
        var id = await CreateAsync(article, $"Viết sai chính tả {m}", status: CommentStatus.Approved);
        var client = await ModeratorAsync();

        var saved = await client.PostFormAsync($"{Queue}/{id}/sua", "#sua-binh-luan", ("AuthorName", "Phạm Thị Dung"), ("AuthorUrl", "https://example.vn"), ("Body", $"Đã sửa chính tả {m}"));
        Assert.Equal($"{Queue}/{id}/sua", saved.Target());
        var comment = await factory.QueryAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("Phạm Thị Dung", "https://example.vn", $"Đã sửa chính tả {m}"), (comment.AuthorName, comment.AuthorUrl, comment.Body));
        Assert.True(await IsPublicAsync(slug, $"Đã sửa chính tả {m}"));

        var replied = await client.PostFormAsync($"{Queue}/{id}/sua", "#tra-loi", ("noiDung", $"Cảm ơn bạn đã góp ý {m}"));
        Assert.Equal($"{Queue}/{id}/sua", replied.Target());
        var reply = await factory.QueryAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.ParentId == id));
        Assert.True(reply.IsStaffReply);
        Assert.Equal(CommentStatus.Approved, reply.Status);
        Assert.Equal(comment.Depth + 1, reply.Depth);
        var (_, page) = await Anonymous().GetPageAsync($"/bai-viet/{slug}");
        var staff = page.QuerySelector($"#binh-luan-{id} li.comment-staff")!;
        Assert.Contains($"Cảm ơn bạn đã góp ý {m}", staff.Text(), StringComparison.Ordinal);
        Assert.Equal("Ban biên tập", staff.QuerySelector(".badge")!.Text());

        var actions = await factory.QueryAsync(db => db.CommentModerations.Where(h => h.CommentId == id || h.CommentId == reply.Id).OrderBy(h => h.Id).Select(h => h.Action).ToListAsync());
        Assert.Equal(["edit", "reply"], actions);
        Assert.Equal("comment.edit", (await AuditAsync(id))[^1].Action);
        Assert.Equal("comment.reply", (await AuditAsync(reply.Id))[^1].Action);
    }

    [Fact]
    public async Task HostileCommentTextIsShownEncodedInTheQueue()
    {
        var m = Marker();
        var (article, _) = await ArticleAsync(0);
        var hostile = $"<script>alert('{m}')</script><img src=x onerror=\"alert('{m}')\"> {m}";
        var id = await CreateAsync(article, hostile, name: "<b onmouseover=alert(1)>Kẻ xấu</b>");
        var client = await ModeratorAsync();

        var response = await client.GetAsync(new Uri($"{Queue}?q={m}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains(m, StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("[onerror], [onmouseover]"));
        Assert.Equal(hostile, page.QuerySelector($"#binh-luan-{id} td.comment-body")!.Text());
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var (_, edit) = await client.GetPageAsync($"{Queue}/{id}/sua");
        Assert.DoesNotContain(edit.QuerySelectorAll("script"), s => s.TextContent.Contains(m, StringComparison.Ordinal));
        Assert.Equal(hostile, edit.QuerySelector("textarea#Body")!.TextContent);
    }

    [Fact]
    public async Task AnAdministratorExportsTheCommentsOfOneAddressOnly()
    {
        var m = Marker();
        var (article, slug) = await ArticleAsync(6);
        var email = $"xuat-{m}@example.vn";
        var mine = new[]
        {
            await CreateAsync(article, $"Thứ nhất {m}", email: email, ip: "203.0.113.50", status: CommentStatus.Approved),
            await CreateAsync(article, $"Thứ hai {m}", email: email.ToUpperInvariant(), ip: "203.0.113.51"),
        };
        await CreateAsync(article, $"Của người khác {m}", email: $"khac-{m}@example.vn");
        var admin = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Administrator));

        var response = await admin.PostFormAsync("/admin/binh-luan/du-lieu-ca-nhan", "#xuat-du-lieu", ("email", email.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(mine, items.Select(i => i.GetProperty("id").GetInt32()));
        Assert.All(items, i => Assert.Equal(email, i.GetProperty("email").GetString()));
        Assert.Equal($"Thứ nhất {m}", items[0].GetProperty("text").GetString());
        Assert.Equal("203.0.113.50", items[0].GetProperty("ipAddress").GetString());
        Assert.Equal("Đã duyệt", items[0].GetProperty("status").GetString());
        Assert.EndsWith($"/bai-viet/{slug}", items[0].GetProperty("articleUrl").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(items[0].GetProperty("articleTitle").GetString()));
        var audit = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "comment.data.export").ToListAsync());
        Assert.NotEmpty(audit);
        Assert.All(audit, a => Assert.DoesNotContain("@", a.Summary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAdministratorErasesAnAddressAndNoTraceOfItRemains()
    {
        var m = Marker();
        var (article, slug) = await ArticleAsync(7);
        var email = $"xoa-{m}@example.vn";
        const string ip = "192.0.2.77";
        var approved = await CreateAsync(article, $"Sẽ ẩn danh {m}", name: "Hoàng Văn Em", email: email, ip: ip, status: CommentStatus.Approved, url: "https://ca-nhan.example.vn");
        var pending = await CreateAsync(article, $"Cũng ẩn danh {m}", name: "Hoàng Văn Em", email: email, ip: ip);
        var admin = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Administrator));

        var response = await admin.PostFormAsync("/admin/binh-luan/du-lieu-ca-nhan", "#xoa-du-lieu", ("email", email));

        Assert.Equal("/admin/binh-luan/du-lieu-ca-nhan", response.Target());
        var rows = await factory.QueryAsync(db => db.Comments.AsNoTracking().Where(c => c.Id == approved || c.Id == pending).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, c => Assert.Equal(("Bạn đọc", (string?)null, (string?)null), (c.AuthorName, c.AuthorUrl, c.IpAddress)));
        Assert.All(rows, c => Assert.NotEqual(email, c.AuthorEmail));
        Assert.False(await factory.QueryAsync(db => db.Comments.AnyAsync(c => c.AuthorEmail == email || c.IpAddress == ip || c.AuthorName == "Hoàng Văn Em")));
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Summary.Contains(email) || a.Summary.Contains(ip) || (a.TargetId != null && a.TargetId.Contains(email)))));
        Assert.False(await factory.QueryAsync(db => db.CommentModerations.AnyAsync(h => h.Reason != null && (h.Reason.Contains(email) || h.Reason.Contains(ip)))));
        var audit = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "comment.data.erase").OrderBy(a => a.Id).ToListAsync());
        Assert.Contains("2 bình luận", audit[^1].Summary, StringComparison.Ordinal);

        var (_, page) = await Anonymous().GetPageAsync($"/bai-viet/{slug}");
        var shown = page.QuerySelector($"#binh-luan-{approved}")!;
        Assert.Equal("Bạn đọc", shown.QuerySelector(".comment-author")!.Text());
        Assert.Contains($"Sẽ ẩn danh {m}", shown.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("Hoàng Văn Em", page.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Vui lòng nhập địa chỉ email.")]
    [InlineData("khong-phai-email", "Địa chỉ email không hợp lệ.")]
    public async Task AnEmptyOrInvalidAddressIsRefused(string email, string message)
    {
        var admin = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Administrator));
        foreach (var form in new[] { "#xuat-du-lieu", "#xoa-du-lieu" })
        {
            var response = await admin.PostFormAsync("/admin/binh-luan/du-lieu-ca-nhan", form, ("email", email));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal([message], page.Errors());
        }
    }

    private static string Marker() => "m" + Guid.NewGuid().ToString("N")[..10];

    private static List<int> Ids(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("tr[data-id]").Select(r => int.Parse(r.GetAttribute("data-id")!, CultureInfo.InvariantCulture))];

    private HttpClient Anonymous() => factory.CreateBrowser();

    private async Task<HttpClient> ModeratorAsync() => await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Moderator));

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var (response, page) = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var token = await client.AntiforgeryTokenAsync();
        using var content = new FormUrlEncodedContent(fields.Append((Name: AdminClient.TokenField, Value: token)).Select(f => KeyValuePair.Create(f.Name, f.Value)));
        var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static Task<HttpResponseMessage> BulkAsync(HttpClient client, string step, IEnumerable<int> ids, string? reason) =>
        PostAsync(client, $"{Queue}/thao-tac", [.. ids.Select(i => ("ids", i.ToString(CultureInfo.InvariantCulture))), ("hanhDong", step), ("lyDo", reason ?? string.Empty)]);

    /// <summary>The <paramref name="index"/>th public article and its slug.</summary>
    private Task<(int Id, string Slug)> ArticleAsync(int index)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        return factory.QueryAsync(async db =>
        {
            var article = await db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now)
                .OrderBy(a => a.Id).Skip(index).Select(a => new { a.Id, a.Slug }).FirstAsync();
            return (article.Id, article.Slug);
        });
    }

    private Task<int> CreateAsync(int articleId, string body, string name = "Bạn đọc kiểm thử", string? email = null, string? ip = "203.0.113.1", CommentStatus status = CommentStatus.Pending, int ageMinutes = 1, string? url = null)
    {
        var created = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-ageMinutes);
        return factory.QueryAsync(async db =>
        {
            var comment = new Comment(articleId, null, name, email ?? $"{Guid.NewGuid():N}@example.vn", url, body, ip, created);
            switch (status)
            {
                case CommentStatus.Approved: comment.Approve(created); break;
                case CommentStatus.Spam: comment.MarkSpam(created); break;
                case CommentStatus.Trash: comment.Trash(created); break;
            }

            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });
    }

    private Task<CommentStatus> StatusAsync(int id) =>
        factory.QueryAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    private async Task<List<CommentStatus>> StatusesAsync(IEnumerable<int> ids)
    {
        var result = new List<CommentStatus>();
        foreach (var id in ids)
        {
            result.Add(await StatusAsync(id));
        }

        return result;
    }

    private Task<List<AuditEntry>> AuditAsync(int id)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        return factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.TargetType == "comment" && a.TargetId == key).OrderBy(a => a.Id).ToListAsync());
    }

    private async Task<bool> IsPublicAsync(string slug, string text)
    {
        var (response, page) = await Anonymous().GetPageAsync($"/bai-viet/{slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page.QuerySelectorAll("#binh-luan .comment-body").Any(b => b.Text().Contains(text, StringComparison.Ordinal));
    }
}

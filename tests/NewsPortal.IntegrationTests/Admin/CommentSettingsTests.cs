using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Admin;

/// <summary>
/// An Administrator changes the comment rules and bans through the real pages, and a reader's
/// next comment through the real comment form follows them.
/// </summary>
public sealed class CommentSettingsTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    private const string SettingsPath = "/admin/cai-dat/binh-luan";
    private const string BansPath = "/admin/cai-dat/chan";
    private const string Slug = "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021";

    private readonly HttpClient _reader = factory.CreateClient(new() { AllowAutoRedirect = false });

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<HttpClient> AdministratorAsync() => await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Administrator));

    /// <summary>Everything the settings form holds, as a browser would send it, with <paramref name="changes"/> typed over it.</summary>
    private static async Task<HttpResponseMessage> SubmitSettingsAsync(HttpClient admin, params (string Name, string Value)[] changes)
    {
        var (_, page) = await admin.GetPageAsync(SettingsPath);
        var form = page.QuerySelectorAll("form").Single(f => f.GetAttribute("action") == SettingsPath);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (element is IHtmlInputElement { Type: "checkbox" } box)
            {
                if (box.IsChecked)
                {
                    fields.Add(KeyValuePair.Create(name, box.Value));
                }

                continue;
            }

            var value = changes.FirstOrDefault(c => c.Name == name).Value
                ?? (element is IHtmlTextAreaElement area ? area.Value : element.GetAttribute("value") ?? string.Empty);
            fields.Add(KeyValuePair.Create(name, value));
        }

        using var content = new FormUrlEncodedContent(fields);
        return await admin.PostAsync(new Uri(SettingsPath, UriKind.Relative), content);
    }

    /// <summary>A reader reads the article, waits like a person, and sends the comment form.</summary>
    private async Task<HttpResponseMessage> PostCommentAsync(string email, string body)
    {
        var (response, page) = await _reader.GetPageAsync("/bai-viet/" + Slug);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = page.QuerySelector("form.comment-form input[name=FormToken]")!.GetAttribute("value")!;
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/bai-viet/" + Slug + "/binh-luan", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["FormToken"] = token,
                ["Body"] = body,
                ["Name"] = "Trần Thị Bình",
                ["Email"] = email,
                ["Website"] = string.Empty,
                ["Phone"] = string.Empty,
            }),
        };
        request.Headers.Add("Origin", "http://localhost");
        return await _reader.SendAsync(request);
    }

    private async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    [Fact]
    public async Task ABlockWordAddedThroughTheFormSendsAMatchingCommentToSpam()
    {
        var admin = await AdministratorAsync();
        var word = Unique("quangcao");
        var (_, before) = await admin.GetPageAsync(SettingsPath);
        var oldDepth = before.QuerySelector("input[name=CommentThreadDepth]")!.GetAttribute("value");

        var saved = await SubmitSettingsAsync(admin, ("CommentBlockWords", "sòng bạc\r\n  " + word + "  \r\n\r\n"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(SettingsPath, saved.Target());
        var (_, after) = await admin.GetPageAsync(SettingsPath);
        Assert.Equal("Đã lưu quy tắc bình luận.", after.QuerySelector(".flash")!.Text());
        Assert.Equal(oldDepth, after.QuerySelector("input[name=CommentThreadDepth]")!.GetAttribute("value"));
        var settings = await WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());
        Assert.Equal("sòng bạc\n" + word, settings.CommentBlockWords);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "settings.comments")));

        var email = Unique("doc-gia") + "@example.vn";
        var posted = await PostCommentAsync(email, "Mời ghé " + word.ToUpperInvariant() + " nhé.");

        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        var comment = await WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.AuthorEmail == email));
        Assert.Equal(CommentStatus.Spam, comment.Status);
    }

    [Fact]
    public async Task AFormSavedFromAStaleVersionIsRefused()
    {
        var admin = await AdministratorAsync();
        var (_, stale) = await admin.GetPageAsync(SettingsPath);
        var staleVersion = stale.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitSettingsAsync(admin, ("CommentsPerPage", "40"))).StatusCode);

        var refused = await SubmitSettingsAsync(admin, ("Version", staleVersion), ("CommentsPerPage", "30"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Người khác vừa lưu cài đặt này.", Html.Parse(await refused.Content.ReadAsStringAsync()).Errors()[0], StringComparison.Ordinal);
        Assert.Equal(40, (await WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync())).CommentsPerPage);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitSettingsAsync(admin, ("CommentsPerPage", "50"))).StatusCode);
    }

    [Fact]
    public async Task InvalidRulesAndBansAreRefusedWithVietnameseMessagesNextToTheFields()
    {
        var admin = await AdministratorAsync();
        var before = await WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());

        var refused = await SubmitSettingsAsync(admin, ("CommentThreadDepth", "11"), ("CommentFloodSeconds", "-1"), ("CommentsPerPage", "0"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Độ sâu trả lời phải từ 1 đến 10.", FieldError(page, "CommentThreadDepth"));
        Assert.Equal("Số giây giữa hai bình luận phải từ 0 đến 3600.", FieldError(page, "CommentFloodSeconds"));
        Assert.Equal("Số bình luận mỗi trang phải từ 5 đến 500.", FieldError(page, "CommentsPerPage"));
        Assert.Equal("11", page.QuerySelector("input[name=CommentThreadDepth]")!.GetAttribute("value"));
        var after = await WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());
        Assert.Equal(before.Version, after.Version);

        var unreadable = await SubmitSettingsAsync(admin, ("CommentMinFillSeconds", "ba"), ("CommentHoldLinkCount", string.Empty));
        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        var unreadablePage = Html.Parse(await unreadable.Content.ReadAsStringAsync());
        Assert.Equal("Giá trị “ba” không hợp lệ cho “Thời gian điền biểu mẫu tối thiểu (giây)”.", FieldError(unreadablePage, "CommentMinFillSeconds"));
        Assert.Equal("Vui lòng nhập giá trị.", FieldError(unreadablePage, "CommentHoldLinkCount"));

        foreach (var (value, message) in new[]
        {
            ("10.0.0.0/33", "Không phải email hay dải địa chỉ IP hợp lệ (ví dụ 203.0.113.0/24 hoặc 2001:db8::/32)."),
            ("khong-phai-ip", "Không phải email hay dải địa chỉ IP hợp lệ (ví dụ 203.0.113.0/24 hoặc 2001:db8::/32)."),
            ("a@", "Email không hợp lệ."),
            (string.Empty, "Vui lòng nhập email hoặc dải địa chỉ IP."),
        })
        {
            var response = await admin.PostFormAsync(BansPath, BansPath, ("Input.Value", value), ("Input.Reason", "Thử"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(message, FieldError(Html.Parse(await response.Content.ReadAsStringAsync()), "Input.Value"));
        }

        var past = await admin.PostFormAsync(BansPath, BansPath, ("Input.Value", "198.51.100.0/24"), ("Input.ExpiresOn", "2000-01-01"));
        Assert.Equal("Ngày hết hạn phải ở tương lai.", FieldError(Html.Parse(await past.Content.ReadAsStringAsync()), "Input.ExpiresOn"));
        Assert.False(await WithDbAsync(db => db.CommentBans.AnyAsync(b => b.Reason == "Thử" || b.Value == "198.51.100.0/24")));
    }

    [Fact]
    public async Task AnEmailBanAddedThroughThePageRefusesThatEmailUntilItIsRemoved()
    {
        var admin = await AdministratorAsync();
        var email = Unique("phien") + "@example.vn";
        var expires = factory.Clock.GetUtcNow().AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var added = await admin.PostFormAsync(BansPath, BansPath, ("Input.Value", email.ToUpperInvariant()), ("Input.ExpiresOn", expires), ("Input.Reason", "Quấy rối"));
        var range = await admin.PostFormAsync(BansPath, BansPath, ("Input.Value", "2001:db8:beef::/48"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, range.StatusCode);
        var (_, list) = await admin.GetPageAsync(BansPath);
        var row = list.QuerySelectorAll("table.bans tbody tr").Single(r => r.Text().Contains(email, StringComparison.Ordinal));
        Assert.Contains("Đang chặn", row.Text(), StringComparison.Ordinal);
        Assert.Contains("Quấy rối", row.Text(), StringComparison.Ordinal);
        Assert.Contains(list.QuerySelectorAll("table.bans tbody tr"), r => r.Text().Contains("2001:db8:beef::/48", StringComparison.Ordinal));
        var banAudit = await WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "ban.add").Select(a => a.Summary).ToListAsync());
        Assert.Contains(banAudit, s => s.Contains(email, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostCommentAsync(email, "Bị chặn " + Unique("x"))).StatusCode);

        var id = row.QuerySelector("input[name=id]")!.GetAttribute("value")!;
        var removed = await admin.PostFormAsync(BansPath, "#bo-chan-" + id);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ban.remove" && a.TargetId == id)));
        Assert.Equal(HttpStatusCode.SeeOther, (await PostCommentAsync(email, "Hết bị chặn " + Unique("x"))).StatusCode);
    }

    [Fact]
    public async Task ExpiredBansAreListedAsExpired()
    {
        await WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.CommentBans.Add(new CommentBan(CommentBanKind.IpRange, "100.64.0.0/10", now.AddDays(-1), "Cũ", "admin", now.AddDays(-10)));
            return await db.SaveChangesAsync();
        });
        var admin = await AdministratorAsync();

        var (_, list) = await admin.GetPageAsync(BansPath);

        var row = list.QuerySelectorAll("table.bans tbody tr").Single(r => r.Text().Contains("100.64.0.0/10", StringComparison.Ordinal));
        Assert.Contains("Đã hết hạn", row.Text(), StringComparison.Ordinal);
    }

    private static string? FieldError(IParentNode page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.Text();
}

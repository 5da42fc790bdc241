using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Admin;

namespace NewsPortal.IntegrationTests.Admin;

/// <summary>
/// Who may use which Admin route: every route the app has (found in its endpoint list, so a new
/// one cannot slip by untested), for a visitor who is not signed in and for each role.
/// docs/roles.md is the same matrix for people.
/// </summary>
public sealed partial class RoleMatrixTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    public const string Anonymous = "Anonymous";

    private const Who Staff = Who.Administrator | Who.Editor | Who.Author | Who.Moderator;
    private const Who Writers = Who.Administrator | Who.Editor | Who.Author;
    private const Who Publishers = Who.Administrator | Who.Editor;
    private const Who Administrators = Who.Administrator;
    private const Who Moderators = Who.Administrator | Who.Editor | Who.Moderator;
    private const Who Everyone = Staff | Who.Anonymous;

    /// <summary>
    /// Who may use each route. {id} is, for article routes, an article somebody else wrote (an
    /// Author may read it but not change it); for user routes, another account; for comment
    /// routes, a reader's comment.
    /// </summary>
    private static readonly Dictionary<string, Who> Allowed = new(StringComparer.Ordinal)
    {
        ["GET admin"] = Staff,
        ["GET admin/dang-nhap"] = Everyone,
        ["POST admin/dang-nhap"] = Everyone,
        ["GET admin/dang-nhap/hai-buoc"] = Everyone,
        ["POST admin/dang-nhap/hai-buoc"] = Everyone,
        ["GET admin/dang-nhap/ma-khoi-phuc"] = Everyone,
        ["POST admin/dang-nhap/ma-khoi-phuc"] = Everyone,
        ["POST admin/dang-xuat"] = Staff,
        ["GET admin/tai-khoan/mat-khau"] = Staff,
        ["POST admin/tai-khoan/mat-khau"] = Staff,
        ["GET admin/tai-khoan/hai-buoc"] = Staff,
        ["POST admin/tai-khoan/hai-buoc"] = Staff,
        ["POST admin/tai-khoan/hai-buoc/ma-khoi-phuc"] = Staff,
        ["POST admin/tai-khoan/hai-buoc/tat"] = Staff,
        ["GET admin/bai-viet"] = Writers,
        ["GET admin/bai-viet/tao"] = Writers,
        ["POST admin/bai-viet/tao"] = Writers,
        ["POST admin/bai-viet/xem-truoc"] = Writers,
        ["GET admin/bai-viet/{id}/sua"] = Writers,
        ["POST admin/bai-viet/{id}/sua"] = Publishers,
        ["POST admin/bai-viet/{id}/tu-dong-luu"] = Publishers,
        ["POST admin/bai-viet/{id}/gui-duyet"] = Publishers,
        ["POST admin/bai-viet/{id}/tra-lai"] = Publishers,
        ["POST admin/bai-viet/{id}/len-lich"] = Publishers,
        ["POST admin/bai-viet/{id}/xuat-ban"] = Publishers,
        ["POST admin/bai-viet/{id}/hen-go"] = Publishers,
        ["POST admin/bai-viet/{id}/go-bai"] = Publishers,
        ["POST admin/bai-viet/{id}/thung-rac"] = Publishers,
        ["POST admin/bai-viet/{id}/khoi-phuc"] = Publishers,
        ["POST admin/bai-viet/{id}/xoa"] = Publishers,
        ["GET admin/bai-viet/{id}/phien-ban"] = Writers,
        ["GET admin/bai-viet/{id}/phien-ban/so-sanh"] = Writers,
        ["POST admin/bai-viet/{id}/phien-ban/{number}/khoi-phuc"] = Publishers,
        ["GET admin/thu-vien-anh"] = Writers,
        ["GET admin/thu-vien-anh/tai-len"] = Writers,
        ["POST admin/thu-vien-anh/tai-len"] = Writers,
        ["GET admin/nguoi-dung"] = Administrators,
        ["GET admin/nguoi-dung/tao"] = Administrators,
        ["POST admin/nguoi-dung/tao"] = Administrators,
        ["GET admin/nguoi-dung/{id}"] = Administrators,
        ["POST admin/nguoi-dung/{id}"] = Administrators,
        ["POST admin/nguoi-dung/{id}/vo-hieu-hoa"] = Administrators,
        ["POST admin/nguoi-dung/{id}/kich-hoat"] = Administrators,
        ["GET admin/nhat-ky"] = Administrators,
        ["GET admin/binh-luan"] = Moderators,
        ["POST admin/binh-luan/thao-tac"] = Moderators,
        ["POST admin/binh-luan/{id}/duyet"] = Moderators,
        ["POST admin/binh-luan/{id}/bo-duyet"] = Moderators,
        ["POST admin/binh-luan/{id}/spam"] = Moderators,
        ["POST admin/binh-luan/{id}/khong-spam"] = Moderators,
        ["POST admin/binh-luan/{id}/thung-rac"] = Moderators,
        ["POST admin/binh-luan/{id}/khoi-phuc"] = Moderators,
        ["POST admin/binh-luan/{id}/xoa"] = Moderators,
        ["GET admin/binh-luan/{id}/sua"] = Moderators,
        ["POST admin/binh-luan/{id}/sua"] = Moderators,
        ["POST admin/binh-luan/{id}/tra-loi"] = Moderators,
        ["GET admin/binh-luan/{id}/lich-su"] = Moderators,
        ["GET admin/binh-luan/du-lieu-ca-nhan"] = Administrators,
        ["POST admin/binh-luan/du-lieu-ca-nhan/xuat"] = Administrators,
        ["POST admin/binh-luan/du-lieu-ca-nhan/xoa"] = Administrators,
        ["GET admin/cai-dat/binh-luan"] = Administrators,
        ["POST admin/cai-dat/binh-luan"] = Administrators,
        ["GET admin/cai-dat/chan"] = Administrators,
        ["POST admin/cai-dat/chan"] = Administrators,
        ["POST admin/cai-dat/chan/xoa"] = Administrators,
        ["GET admin/tu-viet-tat"] = Publishers,
        ["GET admin/tu-viet-tat/tao"] = Publishers,
        ["POST admin/tu-viet-tat/tao"] = Publishers,
        ["GET admin/tu-viet-tat/{id}/sua"] = Publishers,
        ["POST admin/tu-viet-tat/{id}/sua"] = Publishers,
        ["GET admin/tu-viet-tat/{id}/xoa"] = Publishers,
        ["POST admin/tu-viet-tat/{id}/xoa"] = Publishers,
    };

    /// <summary>Pages that, for everyone allowed, answer a redirect: the second sign-in step with no first step behind it.</summary>
    private static readonly Dictionary<string, string> Redirects = new(StringComparer.Ordinal)
    {
        ["GET admin/dang-nhap/hai-buoc"] = AdminClient.SignInPath,
        ["GET admin/dang-nhap/ma-khoi-phuc"] = AdminClient.SignInPath,
    };

    /// <summary>The query a page needs to show something.</summary>
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["GET admin/bai-viet/{id}/phien-ban/so-sanh"] = "?tu=1&den=1",
    };

    [Flags]
    private enum Who
    {
        None = 0,
        Administrator = 1,
        Editor = 2,
        Author = 4,
        Moderator = 8,
        Anonymous = 16,
    }

    public static TheoryData<string> Visitors => [Anonymous, Roles.Administrator, Roles.Editor, Roles.Author, Roles.Moderator];

    [Fact]
    public async Task TheMatrixCoversExactlyTheAdminRoutesTheAppHas()
    {
        var (articleId, userId, commentId) = await TargetsAsync();

        var keys = DiscoverRoutes(articleId, userId, commentId).Select(r => r.Key).ToList();

        Assert.Empty(keys.Except(Allowed.Keys));
        Assert.Empty(Allowed.Keys.Except(keys));
    }

    /// <summary>
    /// Pages: 200 where allowed (and every form on them carries its antiforgery token), 403 where
    /// not, the sign-in page (with the way back) for a visitor.
    /// Forms: where allowed, a post without the antiforgery token is refused with 400 (so nothing
    /// changes); where not, a post with a valid token is refused with 403, or sends a visitor to
    /// sign in. Never a 500.
    /// </summary>
    [Theory]
    [MemberData(nameof(Visitors))]
    public async Task EveryAdminRouteAnswersAsTheMatrixSays(string visitor)
    {
        var (articleId, userId, commentId) = await TargetsAsync();
        var who = Enum.Parse<Who>(visitor);
        HttpClient client;
        string? token = null;
        if (who == Who.Anonymous)
        {
            client = factory.CreateBrowser();
        }
        else
        {
            client = await factory.SignInAsync(await factory.CreateStaffAsync(visitor));
            token = await client.AntiforgeryTokenAsync();
        }

        var routes = DiscoverRoutes(articleId, userId, commentId).ToList();
        var failures = new List<string>();
        foreach (var route in routes)
        {
            if (!Allowed.TryGetValue(route.Key, out var allowed))
            {
                failures.Add($"{route.Key} is not in the matrix.");
                continue;
            }

            var url = route.Path + Queries.GetValueOrDefault(route.Key, string.Empty);
            var signIn = $"302 → {AdminClient.SignInPath}?ReturnUrl={url}";
            string expected;
            HttpResponseMessage response;
            if (route.Method == HttpMethod.Get.Method)
            {
                expected = allowed.HasFlag(who)
                    ? Redirects.TryGetValue(route.Key, out var to) ? $"302 → {to}" : "200"
                    : who == Who.Anonymous ? signIn : "403";
                response = await client.GetAsync(new Uri(url, UriKind.Relative));
            }
            else if (allowed.HasFlag(who))
            {
                expected = "400";
                using var content = new FormUrlEncodedContent(ArticleFields());
                response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
            }
            else
            {
                expected = who == Who.Anonymous ? signIn : "403";
                var fields = ArticleFields().ToList();
                if (token is not null)
                {
                    fields.Add(KeyValuePair.Create(AdminClient.TokenField, token));
                }

                using var content = new FormUrlEncodedContent(fields);
                response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
            }

            var actual = Describe(response);
            if (actual != expected)
            {
                failures.Add($"{route.Method} {url}: expected {expected}, got {actual}");
            }
            else if (response.StatusCode == HttpStatusCode.OK && route.Method == HttpMethod.Get.Method)
            {
                failures.AddRange(FormsWithoutToken(url, Html.Parse(await response.Content.ReadAsStringAsync())));
            }
        }

        Assert.True(routes.Count > 30, $"Only {routes.Count} admin routes were found.");
        Assert.True(failures.Count == 0, $"As {visitor}:\n" + string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/nguoi-dung")]
    public async Task AnAdministratorWithoutTwoFactorIsSentToSetItUpFirst(string path)
    {
        var admin = await factory.CreateStaffAsync(Roles.Administrator, twoFactor: false);
        var client = await factory.SignInAsync(admin);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AdminClient.TwoFactorSetupPath, response.Target());
        var (setup, page) = await client.GetPageAsync(AdminClient.TwoFactorSetupPath);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal("Quản trị viên phải bật xác thực hai bước trước khi sử dụng trang quản trị.", page.QuerySelector(".warning")!.Text());
    }

    [Fact]
    public async Task AnAuthorReadsAnotherWritersArticleButCannotSaveIt()
    {
        var (articleId, _, _) = await TargetsAsync();
        var client = await factory.SignInAsync(await factory.CreateStaffAsync(Roles.Author));

        var (response, page) = await client.GetPageAsync($"/admin/bai-viet/{articleId}/sua");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bạn không có quyền sửa bài viết này ở trạng thái hiện tại.", page.QuerySelectorAll(".warning").Select(p => p.Text()));
        Assert.True(page.QuerySelector("#bai-viet button[type=submit]")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task AnAuthorSubmitsTrashesAndRestoresTheirOwnDraftButCannotPublishOrDeleteIt()
    {
        var author = await factory.CreateStaffAsync(Roles.Author);
        var client = await factory.SignInAsync(author);
        var sectionId = await WithDbAsync(db => db.Sections.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());

        var created = await client.PostFormAsync("/admin/bai-viet/tao", "#bai-viet", ("Title", "Bài của tác giả kiểm thử quyền"), ("SectionId", $"{sectionId}"), ("Body", "Nội dung bài viết."));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Target()!;
        var id = int.Parse(editUrl.Split('/')[3], System.Globalization.CultureInfo.InvariantCulture);
        var (_, editor) = await client.GetPageAsync(editUrl);
        Assert.DoesNotContain("Bạn không có quyền sửa bài viết này ở trạng thái hiện tại.", editor.QuerySelectorAll(".warning").Select(p => p.Text()));
        Assert.Null(editor.QuerySelector($"form[action='/admin/bai-viet/{id}/xuat-ban']"));

        Assert.Equal(editUrl, (await client.PostFormAsync(editUrl, $"/admin/bai-viet/{id}/gui-duyet")).Target());
        Assert.Equal(ArticleStatus.PendingReview, await StatusOfAsync(id));

        var token = await client.AntiforgeryTokenAsync();
        foreach (var step in new[] { "xuat-ban", "len-lich", "tra-lai", "xoa" })
        {
            using var content = new FormUrlEncodedContent([KeyValuePair.Create(AdminClient.TokenField, token), KeyValuePair.Create("At", "2030-01-01T08:00")]);
            var refused = await client.PostAsync(new Uri($"/admin/bai-viet/{id}/{step}", UriKind.Relative), content);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{step}: {(int)refused.StatusCode}");
        }

        Assert.Equal(ArticleStatus.PendingReview, await StatusOfAsync(id));
        Assert.Equal(editUrl, (await client.PostFormAsync(editUrl, $"/admin/bai-viet/{id}/thung-rac")).Target());
        Assert.Equal(ArticleStatus.Trashed, await StatusOfAsync(id));
        Assert.Equal(editUrl, (await client.PostFormAsync(editUrl, $"/admin/bai-viet/{id}/khoi-phuc")).Target());
        Assert.Equal(ArticleStatus.Draft, await StatusOfAsync(id));
    }

    [Fact]
    public async Task DocsRolesListsEveryRouteOfTheMatrix()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var doc = await File.ReadAllTextAsync(Path.Combine(dir.FullName, "docs", "roles.md"));

        var missing = Allowed.Keys.Where(key => !doc.Contains($"`{key}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/roles.md does not list: " + string.Join(", ", missing));
    }

    /// <summary>Every form that posts must carry the antiforgery token, or its post answers 400.</summary>
    private static IEnumerable<string> FormsWithoutToken(string url, IHtmlDocument page) =>
        page.QuerySelectorAll("form")
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Where(f => f.QuerySelector($"input[name={AdminClient.TokenField}]") is null)
            .Select(f => $"GET {url}: the form posting to {f.GetAttribute("action")} has no antiforgery token.");

    /// <summary>Enough of an article's form that a save gets as far as the permission check.</summary>
    private static IEnumerable<KeyValuePair<string, string>> ArticleFields() =>
    [
        KeyValuePair.Create("Title", "Kiểm tra quyền"),
        KeyValuePair.Create("SectionId", "1"),
        KeyValuePair.Create("Body", "Nội dung."),
        KeyValuePair.Create("Version", "1"),
    ];

    private static string Describe(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
            ? $"302 → {Uri.UnescapeDataString(response.Target() ?? string.Empty)}"
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The app's Admin routes, one per method and, for {step}, per allowed value, with the route
    /// values filled in. The key is the route as the matrix names it.
    /// </summary>
    private IEnumerable<(string Method, string Key, string Path)> DiscoverRoutes(int articleId, string userId, int commentId)
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.Ordinal) == true);
        foreach (var endpoint in endpoints)
        {
            var raw = endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethod.Get.Method, HttpMethod.Post.Method];
            var variants = new List<(string Key, string Path)> { (string.Empty, string.Empty) };
            foreach (var segment in endpoint.RoutePattern.PathSegments)
            {
                variants = [.. variants.SelectMany(v => Fill(raw, segment, articleId, userId, commentId).Select(f => (Key: Join(v.Key, f.Key), Path: Join(v.Path, f.Value))))];
            }

            foreach (var method in methods)
            {
                foreach (var (key, path) in variants)
                {
                    yield return (method, $"{method} {key}", "/" + path);
                }
            }
        }

        static string Join(string left, string right) => left.Length == 0 ? right : left + "/" + right;
    }

    /// <summary>A segment's spellings in the key and values in the path; {step} is one per value its constraint allows.</summary>
    private static IEnumerable<(string Key, string Value)> Fill(string raw, RoutePatternPathSegment segment, int articleId, string userId, int commentId)
    {
        if (segment.Parts is [RoutePatternLiteralPart literal])
        {
            return [(literal.Content, literal.Content)];
        }

        if (segment.Parts is not [RoutePatternParameterPart parameter])
        {
            throw new InvalidOperationException($"The matrix test does not know how to fill the route {raw}.");
        }

        return parameter.Name switch
        {
            "step" => StepsOf(parameter).Select(s => (s, s)),
            "id" when raw.StartsWith("admin/bai-viet/", StringComparison.Ordinal) => [("{id}", articleId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            "id" when raw.StartsWith("admin/nguoi-dung/", StringComparison.Ordinal) => [("{id}", userId)],
            "id" when raw.StartsWith("admin/binh-luan/", StringComparison.Ordinal) => [("{id}", commentId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            // The glossary entry the migration seeds first (CCHC); nothing in this class deletes it.
            "id" when raw.StartsWith("admin/tu-viet-tat/", StringComparison.Ordinal) => [("{id}", "1")],
            "number" => [("{number}", "1")],
            _ => throw new InvalidOperationException($"The matrix test does not know what to put for {{{parameter.Name}}} in {raw}: teach it."),
        };
    }

    private static string[] StepsOf(RoutePatternParameterPart parameter)
    {
        foreach (var policy in parameter.ParameterPolicies)
        {
            var match = StepConstraint().Match(policy.Content ?? string.Empty);
            if (match.Success)
            {
                return match.Groups["steps"].Value.Split('|');
            }
        }

        throw new InvalidOperationException("The {step} parameter has no regex(^(a|b|…)$) constraint.");
    }

    [GeneratedRegex(@"^regex\(\^\((?<steps>[a-z|-]+)\)\$\)$")]
    private static partial Regex StepConstraint();

    /// <summary>Another person's article (with a first revision, for the revision pages), another account (the seeded Administrator), and a reader's comment.</summary>
    private async Task<(int ArticleId, string UserId, int CommentId)> TargetsAsync() => await WithDbAsync(async db =>
    {
        var article = await db.Articles.Where(a => a.AuthorId == null).OrderBy(a => a.Id).FirstAsync();
        if (!await db.ArticleRevisions.AnyAsync(r => r.ArticleId == article.Id))
        {
            db.ArticleRevisions.Add(new ArticleRevision(article, 1, string.Empty, AuditLog.System, "Phiên bản đầu", factory.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }

        var comment = await db.Comments.Where(c => c.ArticleId == article.Id).OrderBy(c => c.Id).FirstOrDefaultAsync();
        if (comment is null)
        {
            comment = new Comment(article.Id, null, "Bạn đọc kiểm thử quyền", "quyen@example.vn", null, "Bình luận để kiểm tra quyền.", "198.51.100.1", factory.Clock.GetUtcNow().UtcDateTime);
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
        }

        var admin = await db.Users.SingleAsync(u => u.Email == "admin@newsportal.local");
        return (article.Id, admin.Id, comment.Id);
    });

    private Task<ArticleStatus> StatusOfAsync(int id) =>
        WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }
}

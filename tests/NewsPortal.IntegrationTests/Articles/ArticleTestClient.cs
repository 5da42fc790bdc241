using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>
/// A member of the editorial office at a browser: a real account in a role, signed in through
/// the sign-in form, that reads each form page before posting it (taking the antiforgery token
/// from that page, as a browser does). Redirects are not followed, so tests see them.
/// </summary>
public sealed class ArticleTestClient : IDisposable
{
    public const string Password = "bien-tap-toa-soan-kiem-thu";

    private const string TokenField = "__RequestVerificationToken";
    private static int s_accounts;

    private readonly NewsPortalFactory _factory;

    private ArticleTestClient(NewsPortalFactory factory, HttpClient http, string userName, string userId, string displayName)
    {
        _factory = factory;
        Http = http;
        UserName = userName;
        UserId = userId;
        DisplayName = displayName;
    }

    public HttpClient Http { get; }

    /// <summary>The account's user name (also its e-mail): what revisions and the audit log record.</summary>
    public string UserName { get; }

    public string UserId { get; }

    public string DisplayName { get; }

    /// <summary>Creates an account in <paramref name="role"/> and signs it in on a new client.</summary>
    public static async Task<ArticleTestClient> SignInNewAsync(NewsPortalFactory factory, string role, string displayName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var number = Interlocked.Increment(ref s_accounts).ToString(CultureInfo.InvariantCulture);
        var userName = $"{role.ToLowerInvariant()}{number}.{Guid.NewGuid().ToString("N")[..6]}@toasoan.vn";
        string userId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser
            {
                UserName = userName,
                Email = userName,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            var added = await users.AddToRoleAsync(user, role);
            Assert.True(added.Succeeded, string.Join(" ", added.Errors.Select(e => e.Description)));
            userId = user.Id;
        }

        var client = new ArticleTestClient(factory, factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), userName, userId, displayName);
        await client.SignInAsync();
        return client;
    }

    /// <summary>Signs in through the form (again, e.g. after the clock moved past the session's end).</summary>
    public async Task SignInAsync()
    {
        var response = await PostFormAsync("/admin/dang-nhap", "/admin/dang-nhap", [new("Email", UserName), new("Password", Password)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {UserName} answered {(int)response.StatusCode}.");
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
    }

    public Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string url) => Http.GetPageAsync(url);

    /// <summary>GETs <paramref name="formPage"/>, takes its token and POSTs <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (response, page) = await GetPageAsync(formPage);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {formPage} answered {(int)response.StatusCode}.");
        return await PostAsync(action, fields, TokenOf(page, action));
    }

    public async Task<HttpResponseMessage> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields, string token)
    {
        using var content = new FormUrlEncodedContent(fields.Where(f => f.Key != TokenField).Append(new(TokenField, token)));
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>
    /// The token inside the form posting to <paramref name="action"/>; for the endpoints the
    /// editor's script posts to (no form of their own), the first token on the page.
    /// </summary>
    public static string TokenOf(IHtmlDocument page, string action)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => string.Equals(f.GetAttribute("action"), action, StringComparison.Ordinal));
        var input = form is null ? page.QuerySelector($"input[name={TokenField}]") : form.QuerySelector($"input[name={TokenField}]");
        Assert.True(input is not null, $"The page has no antiforgery token for {action}: {form?.OuterHtml ?? page.Body?.OuterHtml}");
        return input.GetAttribute("value")!;
    }

    /// <summary>The fields of the article form on a page, as a browser would post them.</summary>
    public static Dictionary<string, string> FieldsOf(IElement form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            fields[name] = element switch
            {
                IHtmlTextAreaElement textArea => textArea.Value,
                IHtmlSelectElement select => select.Value ?? string.Empty,
                IHtmlInputElement input => input.Value,
                _ => string.Empty,
            };
        }

        return fields;
    }

    /// <summary>Opens the editor of article <paramref name="id"/> (or the new-article form) and reads its form.</summary>
    public async Task<EditorPage> OpenEditorAsync(int? id = null)
    {
        var url = id is null ? "/admin/bai-viet/tao" : $"/admin/bai-viet/{id}/sua";
        var (response, page) = await GetPageAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}.");
        var form = page.QuerySelector("form#bai-viet");
        Assert.NotNull(form);
        return new EditorPage(url, page, FieldsOf(form), TokenOf(page, url));
    }

    /// <summary>Fills the new-article form (starting from its defaults) and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitNewAsync(IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var editor = await OpenEditorAsync();
        return await PostAsync(editor.Url, editor.With(changes), editor.Token);
    }

    /// <summary>Creates an article through the form and returns its id (from the redirect to its editor).</summary>
    public async Task<int> CreateArticleAsync(string title, string body = "Nội dung bài viết.", string lead = "Sapo của bài viết.", IReadOnlyDictionary<string, string>? more = null)
    {
        var changes = new Dictionary<string, string>(StringComparer.Ordinal) { ["Title"] = title, ["Body"] = body, ["Lead"] = lead };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            changes[key] = value;
        }

        var response = await SubmitNewAsync(changes);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Creating “{title}” answered {(int)response.StatusCode}: {await ErrorsAsync(response)}");
        return IdFromEditorUrl(response.Headers.Location!.OriginalString);
    }

    /// <summary>Opens the editor, applies <paramref name="changes"/> to its form and saves.</summary>
    public async Task<HttpResponseMessage> SaveAsync(int id, IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var editor = await OpenEditorAsync(id);
        return await PostAsync(editor.Url, editor.With(changes), editor.Token);
    }

    /// <summary>A workflow step (gui-duyet, xuat-ban, …) posted from the article's editor page.</summary>
    public Task<HttpResponseMessage> StepAsync(int id, string step, string? notes = null, DateTime? atVietnamTime = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (notes is not null)
        {
            fields.Add(new("Notes", notes));
        }

        if (atVietnamTime is { } at)
        {
            fields.Add(new("At", DateTimeLocal(at)));
        }

        return PostFormAsync($"/admin/bai-viet/{id}/sua", $"/admin/bai-viet/{id}/{step}", fields);
    }

    /// <summary>Runs a step that must succeed (redirect to the editor with the step's message).</summary>
    public async Task StepOkAsync(int id, string step, string expectedFlash, string? notes = null, DateTime? atVietnamTime = null)
    {
        var response = await StepAsync(id, step, notes, atVietnamTime);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedFlash, await FlashAsync(response));
    }

    /// <summary>Follows a redirect and returns the one-off message shown on the next page.</summary>
    public async Task<string?> FlashAsync(HttpResponseMessage redirect)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var (_, page) = await GetPageAsync(redirect.Headers.Location!.OriginalString);
        return page.QuerySelector(".flash")?.Text();
    }

    /// <summary>The status shown on the editor page ("Bản nháp", "Chờ duyệt", …).</summary>
    public async Task<string> StatusShownAsync(int id)
    {
        var (_, page) = await GetPageAsync($"/admin/bai-viet/{id}/sua");
        return page.QuerySelector("#trang-thai")!.Text();
    }

    /// <summary>A datetime-local input's value: Vietnam local time to the minute.</summary>
    public static string DateTimeLocal(DateTime vietnamTime) => vietnamTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static int IdFromEditorUrl(string location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var parts = location.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(parts is ["admin", "bai-viet", _, "sua"], $"Not an editor address: {location}");
        return int.Parse(parts[2], CultureInfo.InvariantCulture);
    }

    /// <summary>The validation messages on a page that was answered instead of a redirect.</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        return string.Join(" | ", page.QuerySelectorAll(".field-error, .errors li, .error-code").Select(e => e.Text()).Where(t => t.Length > 0));
    }

    public override string ToString() => $"{UserName} ({DisplayName}) on {_factory.GetType().Name}";

    public void Dispose() => Http.Dispose();
}

/// <summary>The article editor as loaded: its address, the page, the form's fields and the token.</summary>
public sealed record EditorPage(string Url, IHtmlDocument Document, IReadOnlyDictionary<string, string> Fields, string Token)
{
    public int Version => int.Parse(Fields["Version"], CultureInfo.InvariantCulture);

    /// <summary>The form's fields with <paramref name="changes"/> applied.</summary>
    public Dictionary<string, string> With(IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var fields = new Dictionary<string, string>(Fields, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        return fields;
    }
}

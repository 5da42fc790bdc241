using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Admin;

/// <summary>
/// The app for the Admin tests. The sign-in rate limit (per client address, and every test
/// client has the same one) is lifted so that a class's many sign-ins don't answer 429; the
/// rate-limit test sets its own. The pinned clock moves on a millisecond each time it is read,
/// as a real one does: the security stamp is only checked again once time has passed since
/// the cookie was issued, so a clock that never moves would never notice a signed-out session.
/// </summary>
public class AdminFactory : SqliteFactory
{
    public AdminFactory() => Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Security:SignInPermitLimit"] = "100000",
    };
}

/// <summary>A member of staff created for one test; <see cref="AuthenticatorKey"/> is set when two-factor is on.</summary>
public sealed record StaffAccount(string Id, string Email, string Password, string? AuthenticatorKey);

/// <summary>Creates staff accounts directly and drives the Admin pages over real HTTP, as a browser would.</summary>
public static class AdminClient
{
    public const string SignInPath = "/admin/dang-nhap";
    public const string TwoFactorPath = "/admin/dang-nhap/hai-buoc";
    public const string RecoveryCodePath = "/admin/dang-nhap/ma-khoi-phuc";
    public const string TwoFactorSetupPath = "/admin/tai-khoan/hai-buoc";
    public const string ChangePasswordPath = "/admin/tai-khoan/mat-khau";

    /// <summary>A long passphrase that the common-password check accepts.</summary>
    public const string StaffPassword = "may-trang-bay-qua-doi-thong";

    public const string TokenField = "__RequestVerificationToken";

    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient CreateBrowser(this NewsPortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    /// <summary>
    /// A new account with one role and a unique e-mail address. Administrators get two-factor
    /// sign-in unless <paramref name="twoFactor"/> says otherwise (they can do nothing without it).
    /// </summary>
    public static async Task<StaffAccount> CreateStaffAsync(this NewsPortalFactory factory, string role, bool? twoFactor = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{role}-{Guid.NewGuid():N}@example.vn";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"Kiểm thử {role}",
            CreatedAtUtc = factory.Clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, StaffPassword));
        Check(await users.AddToRoleAsync(user, role));

        string? key = null;
        if (twoFactor ?? role == Roles.Administrator)
        {
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return new StaffAccount(user.Id, email, StaffPassword, key);
    }

    /// <summary>Ten fresh recovery codes for an account with two-factor on.</summary>
    public static async Task<IReadOnlyList<string>> CreateRecoveryCodesAsync(this NewsPortalFactory factory, StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(account);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(account.Id) ?? throw new InvalidOperationException($"No user {account.Id}.");
        return [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
    }

    public static async Task<ApplicationUser> FindUserAsync(this NewsPortalFactory factory, string id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"No user {id}.");
    }

    public static async Task<IReadOnlyList<string>> RolesOfAsync(this NewsPortalFactory factory, string id)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException($"No user {id}.");
        return [.. await users.GetRolesAsync(user)];
    }

    /// <summary>The audit entries about one account, oldest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(this NewsPortalFactory factory, string userId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(a => a.UserId == userId || a.TargetId == userId).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>The code the account's authenticator app shows now.</summary>
    public static string CurrentCode(this StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return CurrentCode(account.AuthenticatorKey ?? throw new InvalidOperationException($"{account.Email} has no authenticator key."));
    }

    /// <summary>
    /// The code an authenticator app shows now for a key (RFC 6238: HMAC-SHA1, 30-second steps,
    /// 6 digits). Identity checks the code against the system clock (the token providers in
    /// Microsoft.Extensions.Identity.Core do not use the app's TimeProvider), so the real time is
    /// used here, not the factory's pinned clock.
    /// </summary>
    public static string CurrentCode(string base32Key) => TotpCode(base32Key, TimeProvider.System.GetUtcNow());

    /// <summary>The RFC 6238 code for a base32 key (spaces and case ignored) at a moment.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6238 codes, as authenticator apps compute them, are HMAC-SHA1.")]
    public static string TotpCode(string base32Key, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0F;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7FFF_FFFF) % 1_000_000;
        return value.ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Posts the sign-in form (e-mail and password) as a reader would fill it in.</summary>
    public static Task<HttpResponseMessage> SubmitPasswordAsync(this HttpClient client, string email, string password, string? returnUrl = null)
    {
        var page = returnUrl is null ? SignInPath : $"{SignInPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        return client.PostFormAsync(page, SignInPath, ("Email", email), ("Password", password));
    }

    /// <summary>Signs in all the way (the authenticator code too, when two-factor is on) and checks it landed on the dashboard.</summary>
    public static async Task<HttpClient> SignInAsync(this NewsPortalFactory factory, StaffAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var client = factory.CreateBrowser();
        var response = await client.SubmitPasswordAsync(account.Email, account.Password);
        if (account.AuthenticatorKey is not null)
        {
            Assert.Equal(TwoFactorPath, response.Target());
            response = await client.PostFormAsync(TwoFactorPath, TwoFactorPath, ("Code", account.CurrentCode()));
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Target());
        return client;
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, finds the form (a CSS selector, or the form's action when it
    /// starts with "/"), and posts its hidden fields and <paramref name="fields"/> (which win over hidden
    /// ones of the same name) with the antiforgery token that form carries.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string formSelectorOrAction, params (string Name, string Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(formSelectorOrAction);
        var (response, page) = await client.GetPageAsync(pageUrl);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pageUrl} answered {(int)response.StatusCode} {response.Headers.Location}.");
        var form = formSelectorOrAction.StartsWith('/')
            ? page.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == formSelectorOrAction)
            : page.QuerySelector(formSelectorOrAction);
        Assert.True(form is not null, $"{pageUrl} has no form {formSelectorOrAction}.");
        var token = form.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"The form {formSelectorOrAction} on {pageUrl} carries no antiforgery token.");

        // What a browser sends: the form's hidden fields (such as ReturnUrl), then what was typed in.
        var typed = fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var hidden = form.QuerySelectorAll("input[type=hidden][name]")
            .Select(i => (Name: i.GetAttribute("name")!, Value: i.GetAttribute("value") ?? string.Empty))
            .Where(f => f.Name != TokenField && !typed.Contains(f.Name));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        using var content = new FormUrlEncodedContent(hidden.Concat(fields).Append((Name: TokenField, Value: token)).Select(f => KeyValuePair.Create(f.Name, f.Value)));
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Any antiforgery token the signed-in client may use (the sign-out form's, on its own account page).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var (_, page) = await client.GetPageAsync(ChangePasswordPath);
        var token = page.QuerySelector($"form[action='/admin/dang-xuat'] input[name={TokenField}]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "The account page has no sign-out form with an antiforgery token.");
        return token;
    }

    /// <summary>Where a redirect points, as a local path and query (the sign-in challenge answers with an absolute URL).</summary>
    public static string? Target(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        return location is null ? null : location.IsAbsoluteUri && location.Host == "localhost" ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>The messages shown next to a form: the summary and the per-field errors.</summary>
    public static IReadOnlyList<string> Errors(this IParentNode page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return [.. page.QuerySelectorAll(".errors li, .field-error").Select(e => e.Text()).Where(t => t.Length > 0)];
    }

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));

    private static byte[] FromBase32(string text)
    {
        var clean = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new byte[clean.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in clean)
        {
            var value = Base32Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 digit.");
            }

            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bytes[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        return bytes;
    }
}

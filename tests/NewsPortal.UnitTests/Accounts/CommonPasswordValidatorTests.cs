using System.Text;
using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Accounts;

namespace NewsPortal.UnitTests.Accounts;

public sealed class CommonPasswordValidatorTests
{
    private static readonly Lazy<string[]> ShippedList = new(ReadShippedList);

    private readonly CommonPasswordValidator _validator = new();

    // All of these are 12+ characters, so they pass the site's length rule and only this validator stops them.
    [Theory]
    [InlineData("qwertyuiop123")]
    [InlineData("1234567890qwe")]
    [InlineData("123456789abc")]
    [InlineData("matkhau123456")]
    [InlineData("matkhaucuatoi")]
    [InlineData("anhyeuem1234")]
    [InlineData("quandoinhandan")]
    [InlineData("quankhu2quankhu2")]
    [InlineData("vietnam123456")]
    [InlineData("hanoi1234567")]
    public async Task RefusesPasswordOnTheShippedList(string password)
    {
        Assert.Contains(password, ShippedList.Value);

        await AssertRefusedAsCommon(password);
    }

    [Theory]
    [InlineData("MatKhau123456")]
    [InlineData("QWERTYUIOP123")]
    [InlineData("VietNam123456")]
    public async Task RefusesListedPasswordWhateverItsCase(string password)
    {
        await AssertRefusedAsCommon(password);
    }

    [Fact]
    public async Task RefusesEveryShippedEntryOfTwelveOrMoreCharacters()
    {
        // Proves that the embedded resource is the shipped file, line for line.
        var longEntries = ShippedList.Value.Where(p => p.Length >= 12).ToList();
        Assert.True(longEntries.Count > 300, $"only {longEntries.Count} entries of 12+ characters");

        foreach (var password in longEntries)
        {
            var result = await Validate(password);
            Assert.True(HasCode(result, CommonPasswordValidator.CommonPasswordCode), $"“{password}” was accepted");
        }
    }

    [Fact]
    public void EmbeddedListHasTheShippedFileEntries()
    {
        Assert.Equal(ShippedList.Value.Length, CommonPasswordValidator.CommonPasswordCount);
    }

    [Theory]
    [InlineData("password12345678", "password")]
    [InlineData("iloveyou2024!!!", "iloveyou")]
    [InlineData("sunshine_123456", "sunshine")]
    [InlineData("Football 1234567", "football")]
    [InlineData("2024!!password!!", "password")]
    [InlineData("matkhau1234567890", "matkhau123456")]
    [InlineData("quandoinhandan1975!", "quandoinhandan")]
    public async Task RefusesListedPasswordPaddedWithDigitsOrPunctuation(string password, string listed)
    {
        Assert.Contains(listed, ShippedList.Value);
        Assert.DoesNotContain(password.ToLowerInvariant(), ShippedList.Value);

        await AssertRefusedAsCommon(password);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("000000000000")]
    [InlineData("............")]
    [InlineData("123456789012")]
    [InlineData("098765432109")]
    [InlineData("abcdefghijkl")]
    [InlineData("lkjihgfedcba")]
    [InlineData("uvwxyzabcdef")]
    [InlineData("qwertyuiopqw")]
    [InlineData("asdfghjklasd")]
    [InlineData("mnbvcxzmnbvc")]
    [InlineData("abc123xyz789")]
    [InlineData("aaaabbbbcccc")]
    [InlineData("abcabcabcabc")]
    [InlineData("123412341234")]
    [InlineData("hoahoahoahoa")]
    [InlineData("passwordpassword")]
    public async Task RefusesRepeatsAndKeyboardOrAlphabetRuns(string password)
    {
        await AssertRefusedAsCommon(password);
    }

    [Fact]
    public async Task RefusesRepeatedVietnameseLetterTypedInNfd()
    {
        var password = new string('ă', 12).Normalize(NormalizationForm.FormD);
        Assert.Equal(24, password.Length);

        await AssertRefusedAsCommon(password);
    }

    [Fact]
    public async Task RefusesListedPasswordWrittenWithVietnameseMarksInNfd()
    {
        // macOS sends NFD; with the marks folded away this is "matkhaucuatoi", which is on the list.
        var password = "Mậtkhẩucủatôi".Normalize(NormalizationForm.FormD);

        await AssertRefusedAsCommon(password);
    }

    [Theory]
    [InlineData("Nguyenvanlan2024!")]
    [InlineData("toi la NGUYENVANLAN day")]
    [InlineData("mật khẩu của lan.nguyen")]
    [InlineData("lan.nguyen@example.vn là tôi")]
    public async Task RefusesPasswordContainingUserNameOrEmailName(string password)
    {
        var user = new ApplicationUser { UserName = "nguyenvanlan", Email = "lan.nguyen@example.vn" };

        var result = await _validator.ValidateAsync(null!, user, password);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.ContainsUserNameCode, error.Code);
        Assert.Equal("Mật khẩu không được chứa tên đăng nhập hoặc email.", error.Description);
    }

    [Fact]
    public async Task RefusesPasswordContainingUserNameWhenEitherSideIsNfd()
    {
        var user = new ApplicationUser { UserName = "Hoàngyến", Email = "hy@example.vn" };
        var nfdPassword = "hoàngyến của tôi 2024".Normalize(NormalizationForm.FormD);
        var nfdUser = new ApplicationUser { UserName = "Hoàngyến".Normalize(NormalizationForm.FormD) };

        Assert.True(HasCode(await _validator.ValidateAsync(null!, user, nfdPassword), CommonPasswordValidator.ContainsUserNameCode));
        Assert.True(HasCode(await _validator.ValidateAsync(null!, nfdUser, "hoàngyến của tôi 2024"), CommonPasswordValidator.ContainsUserNameCode));
    }

    [Fact]
    public async Task IgnoresUserNameAndEmailNameShorterThanFourCharacters()
    {
        var user = new ApplicationUser { UserName = "an", Email = "an@example.vn" };

        var result = await _validator.ValidateAsync(null!, user, "an ninh mạng là việc của mọi người");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task ReportsBothErrorsWhenPasswordIsCommonAndContainsUserName()
    {
        var user = new ApplicationUser { UserName = "sunshine", Email = "sun@example.vn" };

        var result = await _validator.ValidateAsync(null!, user, "sunshine12345678");

        string[] expected = [CommonPasswordValidator.CommonPasswordCode, CommonPasswordValidator.ContainsUserNameCode];
        Assert.Equal(expected, result.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("hoa sen nở trên đầm lầy")]
    [InlineData("correct horse battery staple")]
    [InlineData("Tôi thích đọc báo mỗi sáng")]
    [InlineData("mèo mướp ngủ trưa trên mái tôn")]
    [InlineData("Xk9#mQ2$vL7@pR")]
    [InlineData("bánh mì Hội An 1975")]
    public async Task AcceptsPassphrasesAndRandomPasswords(string password)
    {
        var result = await Validate(password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Code)));
    }

    [Theory]
    [InlineData("hoa sen nở trên đầm lầy")]
    [InlineData("Tôi thích đọc báo mỗi sáng")]
    public async Task AcceptsPassphraseTypedInNfd(string password)
    {
        var result = await Validate(password.Normalize(NormalizationForm.FormD));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task RejectionUsesTheVietnameseDescription()
    {
        var error = Assert.Single((await Validate("matkhau123456")).Errors);

        Assert.Equal("CommonPassword", error.Code);
        Assert.Equal("Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác (nên là một cụm từ dài).", error.Description);
    }

    [Fact]
    public async Task NullPasswordIsAnArgumentError()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _validator.ValidateAsync(null!, NewUser(), null));
    }

    [Fact]
    public void ShippedListHasMoreThanAThousandEntries()
    {
        Assert.True(ShippedList.Value.Length > 1000, $"{ShippedList.Value.Length} entries");
    }

    [Fact]
    public void ShippedListIsLowerCaseNfcAndAtLeastEightCharacters()
    {
        foreach (var password in ShippedList.Value)
        {
            Assert.True(password.Length >= 8, $"“{password}” is shorter than 8");
            Assert.Equal(password.ToLowerInvariant(), password);
            Assert.True(password.IsNormalized(NormalizationForm.FormC), $"“{password}” is not NFC");
            Assert.Equal(password.Trim(), password);
        }
    }

    [Fact]
    public void ShippedListIsSortedWithoutDuplicates()
    {
        var list = ShippedList.Value;

        Assert.Equal(list.Length, list.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(list.Order(StringComparer.Ordinal), list);
    }

    [Fact]
    public void ShippedFileIsUtf8WithLfLineEndsAndAFinalNewline()
    {
        var bytes = File.ReadAllBytes(ShippedListPath());

        Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), "the file starts with a byte order mark");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.True(bytes.Length < 300 * 1024, $"{bytes.Length} bytes");
        _ = new UTF8Encoding(false, true).GetString(bytes); // throws on invalid UTF-8
    }

    private async Task AssertRefusedAsCommon(string password)
    {
        var result = await Validate(password);

        Assert.False(result.Succeeded, $"“{password}” was accepted");
        Assert.True(HasCode(result, CommonPasswordValidator.CommonPasswordCode), string.Join(" ", result.Errors.Select(e => e.Code)));
    }

    private Task<IdentityResult> Validate(string password) => _validator.ValidateAsync(null!, NewUser(), password);

    private static ApplicationUser NewUser() => new() { UserName = "bandoc01", Email = "bandoc01@example.vn" };

    private static bool HasCode(IdentityResult result, string code) =>
        result.Errors.Any(e => string.Equals(e.Code, code, StringComparison.Ordinal));

    private static string[] ReadShippedList() =>
        File.ReadAllText(ShippedListPath(), Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string ShippedListPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "src", "NewsPortal.Web", "Services", "Accounts", "common-passwords.txt");
    }
}

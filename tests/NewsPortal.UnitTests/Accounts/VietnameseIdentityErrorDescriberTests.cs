using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Services.Accounts;

namespace NewsPortal.UnitTests.Accounts;

public sealed class VietnameseIdentityErrorDescriberTests
{
    // Letters that only Vietnamese (among the site's languages) writes: any one of them marks a translated text.
    private static readonly SearchValues<char> VietnameseLetters =
        SearchValues.Create("àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ");

    private const string SampleText = "bandoc01";
    private const int SampleNumber = 12;

    private readonly IdentityErrorDescriber _english = new();
    private readonly VietnameseIdentityErrorDescriber _vietnamese = new();

    public static TheoryData<string> DescriberMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in BaseMethods())
        {
            data.Add(Signature(method));
        }

        return data;
    }

    [Fact]
    public void FindsEveryErrorMethodOfIdentity()
    {
        // Identity 10 has 22; fewer would mean the reflection below missed some.
        Assert.True(BaseMethods().Count >= 22, $"{BaseMethods().Count} methods found");
    }

    [Theory]
    [MemberData(nameof(DescriberMethods))]
    public void OverridesErrorMethod(string signature)
    {
        var method = BaseMethods().Single(m => string.Equals(Signature(m), signature, StringComparison.Ordinal));
        var parameterTypes = method.GetParameters().Select(p => p.ParameterType).ToArray();

        var implementation = typeof(VietnameseIdentityErrorDescriber).GetMethod(method.Name, parameterTypes);

        Assert.NotNull(implementation);
        Assert.Equal(typeof(VietnameseIdentityErrorDescriber), implementation.DeclaringType);
    }

    [Theory]
    [MemberData(nameof(DescriberMethods))]
    public void KeepsTheCodeAndDescribesInVietnamese(string signature)
    {
        var method = BaseMethods().Single(m => string.Equals(Signature(m), signature, StringComparison.Ordinal));
        var arguments = method.GetParameters().Select(p => SampleArgument(p.ParameterType)).ToArray();

        var english = (IdentityError)method.Invoke(_english, arguments)!;
        var vietnamese = (IdentityError)method.Invoke(_vietnamese, arguments)!;

        Assert.Equal(english.Code, vietnamese.Code);
        Assert.False(string.IsNullOrWhiteSpace(vietnamese.Description));
        Assert.NotEqual(english.Description, vietnamese.Description);
        Assert.True(vietnamese.Description.AsSpan().IndexOfAny(VietnameseLetters) >= 0, vietnamese.Description);
        Assert.True(vietnamese.Description.IsNormalized(NormalizationForm.FormC), "the text is not in NFC");
        foreach (var argument in arguments)
        {
            // The value the user typed (or the required count) must appear in the message, as in English.
            var shown = Convert.ToString(argument, CultureInfo.InvariantCulture)!;
            Assert.Contains(shown, vietnamese.Description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void MissingValueGetsAPromptInsteadOfEmptyQuotes(string? value)
    {
        var errors = new[]
        {
            _vietnamese.InvalidUserName(value),
            _vietnamese.InvalidEmail(value),
            _vietnamese.InvalidRoleName(value),
        };

        foreach (var error in errors)
        {
            Assert.DoesNotContain("“", error.Description, StringComparison.Ordinal);
            Assert.StartsWith("Vui lòng nhập", error.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PasswordTooShortNamesTheRequiredLength()
    {
        var error = _vietnamese.PasswordTooShort(12);

        Assert.Equal(nameof(IdentityErrorDescriber.PasswordTooShort), error.Code);
        Assert.Equal("Mật khẩu phải có ít nhất 12 ký tự.", error.Description);
    }

    [Fact]
    public void DuplicateEmailKeepsItsCodeForCallersThatBranchOnIt()
    {
        var error = _vietnamese.DuplicateEmail("lan@example.vn");

        Assert.Equal("DuplicateEmail", error.Code);
        Assert.Equal("Địa chỉ email “lan@example.vn” đã được dùng cho một tài khoản khác.", error.Description);
    }

    private static List<MethodInfo> BaseMethods() =>
        typeof(IdentityErrorDescriber)
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.IsVirtual && !m.IsFinal && m.ReturnType == typeof(IdentityError))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();

    private static string Signature(MethodInfo method) =>
        $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name))})";

    private static object SampleArgument(Type type) =>
        type == typeof(string) ? SampleText
        : type == typeof(int) ? SampleNumber
        : throw new NotSupportedException($"No sample value for a {type.Name} parameter: add one to the test.");
}

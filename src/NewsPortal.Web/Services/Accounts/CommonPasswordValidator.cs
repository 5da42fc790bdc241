using System.Text;
using Microsoft.AspNetCore.Identity;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Services.Accounts;

/// <summary>
/// Refuses passwords that are long enough but easy to guess: ones on a shipped list of common
/// passwords (also with digits or punctuation padded on), keyboard runs and repeats, and ones that
/// contain the user's own user name or e-mail name.
/// </summary>
/// <remarks>
/// NIST SP 800-63B asks for length over composition rules (so the site needs 12+ characters and
/// nothing else) and, in exchange, for a check against values known to be commonly used or
/// compromised: "matkhau123456" satisfies any length rule but falls to the first guesses of an attack.
/// Comparisons are on the password lower-cased in Unicode NFC, and again with Vietnamese marks
/// folded away, because a password typed on macOS arrives in NFD and "mậtkhẩu123456" is no
/// stronger than "matkhau123456". The password itself is only read, never changed.
/// </remarks>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    /// <summary>The error code for a common, padded-common or patterned password.</summary>
    public const string CommonPasswordCode = "CommonPassword";

    /// <summary>The error code for a password that contains the user name or e-mail name.</summary>
    public const string ContainsUserNameCode = "PasswordContainsUserName";

    internal const string CommonPasswordDescription =
        "Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác (nên là một cụm từ dài).";

    internal const string ContainsUserNameDescription = "Mật khẩu không được chứa tên đăng nhập hoặc email.";

    /// <summary>The list is found by this suffix, so it does not depend on the root namespace or folder.</summary>
    private const string ResourceSuffix = "common-passwords.txt";

    /// <summary>Shorter user names or e-mail names (such as "an") occur in ordinary words and phrases.</summary>
    private const int MinimumIdentifierLength = 4;

    /// <summary>A pattern piece shorter than this ("ab", "12") is just two characters, not a run.</summary>
    private const int MinimumRunLength = 3;

    /// <summary>A password that is a shorter unit repeated is only as strong as a unit below this length.</summary>
    private const int MinimumRepeatedUnitLength = 8;

    /// <summary>Rows that people type in order; each is also walked backwards and wraps around.</summary>
    private static readonly string[] KeySequences =
    [
        "abcdefghijklmnopqrstuvwxyz",
        "1234567890",
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
    ];

    /// <summary>Loaded on first use and kept for the life of the process: about 18,000 entries, read once.</summary>
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>How many passwords the embedded list holds; loads it if it is not loaded yet.</summary>
    internal static int CommonPasswordCount => CommonPasswords.Value.Count;

    /// <inheritdoc />
    /// <remarks>The <paramref name="manager"/> is not used, so it may be null in tests.</remarks>
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);

        var normalized = Normalize(password);
        var folded = VietnameseText.Fold(password);
        List<IdentityError>? errors = null;

        if (IsCommon(normalized) || (!string.Equals(folded, normalized, StringComparison.Ordinal) && IsCommon(folded)) || IsPattern(normalized))
        {
            errors = [new IdentityError { Code = CommonPasswordCode, Description = CommonPasswordDescription }];
        }

        if (ContainsIdentifier(user, normalized, folded))
        {
            errors ??= [];
            errors.Add(new IdentityError { Code = ContainsUserNameCode, Description = ContainsUserNameDescription });
        }

        return Task.FromResult(errors is null ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>
    /// True when <paramref name="normalized"/> is on the list as it is, after removing trailing
    /// digits, punctuation and symbols one at a time ("password12345678" → "password"), or with them
    /// removed from both ends ("2024!password!!").
    /// </summary>
    private static bool IsCommon(string normalized)
    {
        var list = CommonPasswords.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = normalized.AsSpan();
        if (list.Contains(span))
        {
            return true;
        }

        var end = span.Length;
        while (end > 0 && IsPadding(span[end - 1]))
        {
            end--;
            if (list.Contains(span[..end]))
            {
                return true;
            }
        }

        var start = 0;
        while (start < end && IsPadding(span[start]))
        {
            start++;
        }

        return start > 0 && list.Contains(span[start..end]);
    }

    /// <summary>
    /// True when the whole password is made of pieces that each are one character repeated or a
    /// run along a key row or the alphabet, each at least <see cref="MinimumRunLength"/> long
    /// ("aaaaaaaaaaaa", "123456789012", "abcdefghijkl", "abc123xyz789"), or is a short or common
    /// unit repeated ("abcabcabcabc", "passwordpassword").
    /// </summary>
    private static bool IsPattern(string normalized) =>
        normalized.Length > 0 && (IsMadeOfRuns(normalized) || IsWeakRepetition(normalized));

    /// <summary>
    /// Splits the password into runs in linear time: runLength[i] is the longest run that starts at i;
    /// covered[i] says whether the tail from i can be cut into runs of <see cref="MinimumRunLength"/>+.
    /// </summary>
    private static bool IsMadeOfRuns(string value)
    {
        var n = value.Length;
        var longest = new int[n];
        var current = new int[n];

        // One kind of step at a time (repeat, then each row forwards and backwards), longest run kept.
        for (var kind = 0; kind < 1 + (KeySequences.Length * 2); kind++)
        {
            current[n - 1] = 1;
            for (var i = n - 2; i >= 0; i--)
            {
                current[i] = IsStep(kind, value[i], value[i + 1]) ? current[i + 1] + 1 : 1;
            }

            for (var i = 0; i < n; i++)
            {
                longest[i] = Math.Max(longest[i], current[i]);
            }
        }

        // coveredFrom[j]: how many positions in j..n can start a covered tail (position n always can).
        var coveredFrom = new int[n + 2];
        coveredFrom[n] = 1;
        for (var i = n - 1; i >= 0; i--)
        {
            var covered = longest[i] >= MinimumRunLength
                && coveredFrom[i + MinimumRunLength] - coveredFrom[i + longest[i] + 1] > 0;
            coveredFrom[i] = coveredFrom[i + 1] + (covered ? 1 : 0);
        }

        return coveredFrom[0] - coveredFrom[1] > 0;
    }

    /// <summary>Kind 0 is the same character again; kinds 1.. are a row forwards, then backwards.</summary>
    private static bool IsStep(int kind, char from, char to)
    {
        if (kind == 0)
        {
            return from == to;
        }

        var sequence = KeySequences[(kind - 1) / 2];
        var direction = kind % 2 == 1 ? 1 : -1;
        var index = sequence.IndexOf(from, StringComparison.Ordinal);
        return index >= 0 && sequence[(index + direction + sequence.Length) % sequence.Length] == to;
    }

    /// <summary>True for a unit repeated two or more times when the unit is short, common or a pattern itself.</summary>
    private static bool IsWeakRepetition(string value)
    {
        for (var unit = 1; unit <= value.Length / 2; unit++)
        {
            if (value.Length % unit != 0 || !value.AsSpan(unit).SequenceEqual(value.AsSpan(0, value.Length - unit)))
            {
                continue;
            }

            // The smallest period is found first; a longer one would be made of it.
            var piece = value[..unit];
            return unit < MinimumRepeatedUnitLength || IsCommon(piece) || IsMadeOfRuns(piece);
        }

        return false;
    }

    /// <summary>
    /// True when the password contains the user name or the part of the e-mail address before
    /// the @, when either has <see cref="MinimumIdentifierLength"/>+ characters: the first things an
    /// attacker who knows the account tries.
    /// </summary>
    private static bool ContainsIdentifier(ApplicationUser user, string normalized, string folded)
    {
        var email = user.Email;
        var at = email?.LastIndexOf('@') ?? -1;
        string?[] identifiers = [user.UserName, at > 0 ? email![..at] : email];
        foreach (var identifier in identifiers)
        {
            if (string.IsNullOrWhiteSpace(identifier))
            {
                continue;
            }

            var name = Normalize(identifier.Trim());
            var foldedName = VietnameseText.Fold(identifier.Trim());
            if ((name.Length >= MinimumIdentifierLength && normalized.Contains(name, StringComparison.Ordinal))
                || (foldedName.Length >= MinimumIdentifierLength && folded.Contains(foldedName, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Digits, punctuation, symbols and spaces: what people add to a word to pass a rule.</summary>
    private static bool IsPadding(char c) =>
        char.IsDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsWhiteSpace(c);

    /// <summary>NFC, then lower case: the form the list is stored in.</summary>
    private static string Normalize(string value) => VietnameseText.Nfc(value)!.ToLowerInvariant();

    private static HashSet<string> Load()
    {
        var assembly = typeof(CommonPasswordValidator).Assembly;
        var name = Array.Find(assembly.GetManifestResourceNames(), n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"The embedded resource *{ResourceSuffix} is missing from {assembly.GetName().Name}: "
                + "add <EmbeddedResource Include=\"Services/Accounts/common-passwords.txt\" /> to the project.");

        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} could not be opened.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0)
            {
                passwords.Add(Normalize(entry));
            }
        }

        passwords.TrimExcess();
        return passwords;
    }
}

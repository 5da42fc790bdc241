using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Domain;

/// <summary>
/// One entry of the site's glossary of abbreviations (CCHC = cải cách hành chính). Search expands
/// them both ways and article pages mark the first use of each with <c>&lt;abbr&gt;</c>.
/// </summary>
public sealed class Abbreviation : IVersioned
{
    public const int ShortFormMaxLength = 20;
    public const int ExpansionMaxLength = 200;

    private Abbreviation()
    {
        ShortForm = string.Empty;
        Expansion = string.Empty;
    }

    public Abbreviation(string shortForm, string expansion)
        : this()
    {
        Change(shortForm, expansion);
    }

    public int Id { get; private set; }

    /// <summary>The abbreviation as written in articles, in capitals (CCHC, CPĐT).</summary>
    public string ShortForm { get; private set; }

    /// <summary>What it stands for, in lower case unless a proper name (cải cách hành chính, Bộ Quốc phòng).</summary>
    public string Expansion { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// The form two short forms are compared in to decide they are the same entry: NFC, then
    /// upper case (CCHC and cchc are one abbreviation; the database index alone is case-sensitive).
    /// </summary>
    public static string SameCaseKey(string value) =>
        (VietnameseText.Nfc(value) ?? string.Empty).ToUpperInvariant();

    public void Change(string shortForm, string expansion)
    {
        // NFC first, so the lengths are counted as stored (an NFD "cải" has four letters more).
        var shortTrimmed = Section.Require(VietnameseText.Nfc(shortForm) ?? string.Empty, ShortFormMaxLength, "Chữ viết tắt");
        if (shortTrimmed.Any(char.IsWhiteSpace) || !shortTrimmed.Any(char.IsLetter) || !shortTrimmed.All(c => char.IsLetterOrDigit(c) || c is '-' or '&' or '.'))
        {
            throw new DomainException("Chữ viết tắt chỉ gồm chữ cái và chữ số, không có dấu cách.");
        }

        var expansionTrimmed = Section.Require(VietnameseText.Nfc(expansion) ?? string.Empty, ExpansionMaxLength, "Nghĩa đầy đủ");
        if (string.Equals(SameCaseKey(expansionTrimmed), SameCaseKey(shortTrimmed), StringComparison.Ordinal))
        {
            throw new DomainException("Nghĩa đầy đủ phải khác chữ viết tắt.");
        }

        ShortForm = shortTrimmed;
        Expansion = expansionTrimmed;
    }

    /// <summary>The glossary the site starts with (Id fixed so the migration seeds it).</summary>
    internal static IReadOnlyList<(int Id, string ShortForm, string Expansion)> Seed { get; } =
    [
        (1, "CCHC", "cải cách hành chính"),
        (2, "CPĐT", "Chính phủ điện tử"),
        (3, "TTHC", "thủ tục hành chính"),
        (4, "DVC", "dịch vụ công"),
        (5, "BQP", "Bộ Quốc phòng"),
        (6, "QK", "Quân khu"),
        (7, "LLVT", "lực lượng vũ trang"),
        (8, "CNTT", "công nghệ thông tin"),
        (9, "CĐS", "chuyển đổi số"),
        (10, "HĐND", "Hội đồng nhân dân"),
        (11, "UBND", "Ủy ban nhân dân"),
        (12, "QĐND", "Quân đội nhân dân"),
        (13, "BCH", "Bộ Chỉ huy"),
        (14, "DVCTT", "dịch vụ công trực tuyến"),
        (15, "CSDL", "cơ sở dữ liệu"),
    ];
}

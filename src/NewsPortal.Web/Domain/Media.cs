using System.Security.Cryptography;

namespace NewsPortal.Web.Domain;

/// <summary>
/// A stored photo. The bytes live in the database so that every web node serves the same file
/// without a shared disk; <see cref="Sha256"/> is its strong ETag.
/// </summary>
public sealed class Media
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    public const int AltMaxLength = 300;

    private Media()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        Content = [];
    }

    public Media(string fileName, string contentType, int width, int height, byte[] content, string? altText, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(content);
        FileName = Section.Require(fileName, FileNameMaxLength, "Tên tệp");
        ContentType = Section.Require(contentType, ContentTypeMaxLength, "Kiểu tệp");
        Width = width;
        Height = height;
        Content = content;
        Length = content.Length;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        AltText = altText;
        CreatedAtUtc = utcNow;
    }

    public int Id { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public long Length { get; private set; }

    public string Sha256 { get; private set; }

    public string? AltText { get; private set; }

    public byte[] Content { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string? UploadedById { get; private set; }

    public string? Caption { get; private set; }

    public ICollection<MediaVariant> Variants { get; } = [];

    public void Describe(string altText, string? caption, string? uploadedById)
    {
        AltText = Section.Require(altText, AltMaxLength, "Mô tả ảnh (alt)");
        Caption = string.IsNullOrWhiteSpace(caption) ? null : Section.Require(caption, Article.CaptionMaxLength, "Chú thích ảnh");
        UploadedById = uploadedById;
    }

    /// <summary>The widths of the resized copies made of every photo, for <c>srcset</c>.</summary>
    public static readonly IReadOnlyList<int> ResponsiveWidths = [480, 960, 1600];

    /// <summary>A <c>srcset</c> value listing the resized copies of a photo.</summary>
    public static string SrcSetFor(string fileName) =>
        string.Join(", ", ResponsiveWidths.Select(w => VariantUrlFor(fileName, w) + " " + w.ToString(System.Globalization.CultureInfo.InvariantCulture) + "w"));

    /// <summary>The URL of the variant <paramref name="width"/> pixels wide.</summary>
    public static string VariantUrlFor(string fileName, int width) =>
        "/media/w" + width.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/" + Uri.EscapeDataString(fileName);

    /// <summary>The public URL of the file; file names are unique.</summary>
    public static string UrlFor(string fileName) => "/media/" + Uri.EscapeDataString(fileName);
}

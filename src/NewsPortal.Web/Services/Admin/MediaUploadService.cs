using System.Security.Cryptography;
using NewsPortal.Web.Data;
using NewsPortal.Web.Services.Imaging;
using NewsPortal.Web.Services.Text;
using MediaEntity = NewsPortal.Web.Domain.Media;
using MediaVariant = NewsPortal.Web.Domain.MediaVariant;

namespace NewsPortal.Web.Services.Admin;

public sealed record UploadOutcome(string? FileName, string? Error);

/// <summary>
/// Stores an uploaded photo: checked and re-encoded by <see cref="ImageProcessor"/> (so no
/// metadata survives), saved with its resized variants in the database under a new, unique
/// file name that is never reused (hence cacheable forever).
/// </summary>
public sealed class MediaUploadService(NewsDbContext db, ImageProcessor processor, AuditLog audit, TimeProvider time)
{
    /// <summary>The request limit: the photo limit plus room for the form's other fields.</summary>
    public const long RequestLimitBytes = 12 * 1024 * 1024;

    public async Task<UploadOutcome> UploadAsync(Stream upload, string? originalName, string altText, string? caption, string? userId, CancellationToken cancellationToken)
    {
        var result = await processor.ProcessAsync(upload, cancellationToken);
        if (!result.Succeeded || result.Original is null)
        {
            return new UploadOutcome(null, result.Error ?? "Không xử lý được ảnh.");
        }

        var extension = result.Format switch
        {
            ImageFormatKind.Png => ".png",
            ImageFormatKind.Webp => ".webp",
            _ => ".jpg",
        };
        var stem = VietnameseText.Slugify(Path.GetFileNameWithoutExtension(originalName ?? string.Empty), 60);
        var fileName = (stem.Length == 0 ? "anh" : stem) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + extension;

        var original = result.Original;
        var height = result.HeightAt(original.Width);
        var media = new MediaEntity(fileName, original.ContentType, original.Width, height, original.Content, altText, time.GetUtcNow().UtcDateTime);
        media.Describe(altText, caption, userId);
        foreach (var variant in result.Variants)
        {
            media.Variants.Add(new MediaVariant(variant.Width, result.HeightAt(variant.Width), variant.ContentType, variant.Content));
        }

        db.Media.Add(media);
        audit.Record(AuditActions.MediaUploaded, "media", fileName, $"Tải ảnh {fileName} ({original.Width}×{height}) lên thư viện.");
        await db.SaveChangesAsync(cancellationToken);
        return new UploadOutcome(fileName, null);
    }
}

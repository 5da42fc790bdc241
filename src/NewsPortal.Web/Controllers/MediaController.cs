using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Controllers;

/// <summary>
/// Serves stored photos from the database, so every web node has them. A file name never gets
/// other bytes, so responses are cacheable for a year and immutable; the SHA-256 is the ETag.
/// </summary>
public sealed class MediaController(NewsDbContext db) : Controller
{
    [HttpGet("media/{fileName}")]
    public async Task<IActionResult> Get(string fileName, CancellationToken cancellationToken)
    {
        if (fileName.Length > Domain.Media.FileNameMaxLength)
        {
            return NotFound();
        }

        var media = await db.Media.AsNoTracking()
            .Where(m => m.FileName == fileName)
            .Select(m => new { m.Content, m.ContentType, m.Sha256, m.CreatedAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (media is null)
        {
            return NotFound();
        }

        return Immutable(media.Content, media.ContentType, media.CreatedAtUtc, media.Sha256);
    }

    /// <summary>
    /// A resized copy for <c>srcset</c>: the widest variant not wider than asked, or the photo
    /// itself when it is smaller than every variant.
    /// </summary>
    [HttpGet("media/w{width:int:range(1,10000)}/{fileName}")]
    public async Task<IActionResult> Variant(int width, string fileName, CancellationToken cancellationToken)
    {
        if (fileName.Length > Domain.Media.FileNameMaxLength)
        {
            return NotFound();
        }

        var media = await db.Media.AsNoTracking().Where(m => m.FileName == fileName)
            .Select(m => new { m.Id, m.CreatedAtUtc, m.Sha256 }).SingleOrDefaultAsync(cancellationToken);
        if (media is null)
        {
            return NotFound();
        }

        var variant = await db.MediaVariants.AsNoTracking()
            .Where(v => v.MediaId == media.Id && v.Width <= width)
            .OrderByDescending(v => v.Width)
            .Select(v => new { v.Content, v.ContentType, v.Width })
            .FirstOrDefaultAsync(cancellationToken);
        if (variant is not null)
        {
            return Immutable(variant.Content, variant.ContentType, media.CreatedAtUtc, $"{media.Sha256[..32]}-w{variant.Width}");
        }

        return await Get(fileName, cancellationToken);
    }

    private FileContentResult Immutable(byte[] content, string contentType, DateTime createdAtUtc, string tag)
    {
        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return File(content, contentType, new DateTimeOffset(createdAtUtc), new EntityTagHeaderValue($"\"{tag}\""));
    }
}

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

        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return File(media.Content, media.ContentType, new DateTimeOffset(media.CreatedAtUtc), new EntityTagHeaderValue($"\"{media.Sha256}\""));
    }
}

using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Options;

namespace NewsPortal.Web.Services.Seo;

/// <summary>
/// sitemap.xml (sitemaps.org): an index of child sitemaps, one for home, sections and tags and as
/// many as needed for articles. Article file N holds the public articles whose ids are in
/// ((N-1)·size, N·size]: each file is a primary-key range seek (no OFFSET, no bodies), holds at most
/// <c>Site:SitemapUrlsPerFile</c> URLs, and an article never moves to another file as others come
/// and go. Ranges without a public article are left out of the index and answer 404.
/// </summary>
public sealed class SitemapService(NewsDbContext db, TimeProvider time, IOptions<SiteOptions> site, SiteUrls urls)
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const string PagesFile = "/sitemap-trang.xml";

    public static string ArticlesFile(int number) => string.Create(CultureInfo.InvariantCulture, $"/sitemap-bai-viet-{number}.xml");

    private IQueryable<Article> Public()
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now);
    }

    private int PerFile => site.Value.SitemapUrlsPerFile;

    public async Task<byte[]> IndexAsync(CancellationToken cancellationToken)
    {
        var perFile = PerFile;
        // One grouped aggregate over (Id, PublishedAtUtc, UpdatedAtUtc): which ranges have public
        // articles and when each last changed.
        var files = await Public()
            .GroupBy(a => (a.Id - 1) / perFile)
            .Select(g => new { Bucket = g.Key, Published = g.Max(a => a.PublishedAtUtc!.Value), Updated = g.Max(a => a.UpdatedAtUtc) })
            .OrderBy(g => g.Bucket)
            .ToListAsync(cancellationToken);
        var newest = files.Count == 0 ? (DateTime?)null : files.Max(f => Later(f.Published, f.Updated));

        return Write("sitemapindex", writer =>
        {
            WriteEntry(writer, "sitemap", urls.Absolute(PagesFile), newest ?? time.GetUtcNow().UtcDateTime);
            foreach (var file in files)
            {
                WriteEntry(writer, "sitemap", urls.Absolute(ArticlesFile(file.Bucket + 1)), Later(file.Published, file.Updated));
            }
        });
    }

    /// <summary>Article file <paramref name="number"/>; null when its range holds no public article.</summary>
    public async Task<byte[]?> ArticlesAsync(int number, CancellationToken cancellationToken)
    {
        var perFile = PerFile;
        var from = ((long)number - 1) * perFile;
        if (number < 1 || from >= int.MaxValue)
        {
            return null;
        }

        var low = (int)from;
        var high = (int)Math.Min(from + perFile, int.MaxValue);
        var articles = await Public()
            .Where(a => a.Id > low && a.Id <= high)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Slug, Published = a.PublishedAtUtc!.Value, a.UpdatedAtUtc })
            .ToListAsync(cancellationToken);
        if (articles.Count == 0)
        {
            return null;
        }

        return Write("urlset", writer =>
        {
            foreach (var article in articles)
            {
                WriteEntry(writer, "url", urls.Absolute("/bai-viet/" + article.Slug), Later(article.Published, article.UpdatedAtUtc));
            }
        });
    }

    /// <summary>Home, then every section and tag that has a public article, each dated by its newest.</summary>
    public async Task<byte[]> PagesAsync(CancellationToken cancellationToken)
    {
        var sections = await db.Sections.AsNoTracking()
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new
            {
                s.Slug,
                Published = Public().Where(a => a.SectionId == s.Id).Max(a => a.PublishedAtUtc),
                Updated = Public().Where(a => a.SectionId == s.Id).Max(a => (DateTime?)a.UpdatedAtUtc),
            })
            .ToListAsync(cancellationToken);
        var tags = await db.Tags.AsNoTracking()
            .OrderBy(t => t.Slug)
            .Select(t => new
            {
                t.Slug,
                Published = Public().Where(a => a.Tags.Any(x => x.Id == t.Id)).Max(a => a.PublishedAtUtc),
                Updated = Public().Where(a => a.Tags.Any(x => x.Id == t.Id)).Max(a => (DateTime?)a.UpdatedAtUtc),
            })
            .ToListAsync(cancellationToken);

        var entries = new List<(string Path, DateTime LastModified)>();
        entries.AddRange(sections.Where(s => s.Published is not null).Select(s => ("/chuyen-muc/" + s.Slug, Later(s.Published!.Value, s.Updated!.Value))));
        entries.AddRange(tags.Where(t => t.Published is not null).Select(t => ("/the/" + t.Slug, Later(t.Published!.Value, t.Updated!.Value))));
        var home = entries.Count == 0 ? time.GetUtcNow().UtcDateTime : entries.Max(e => e.LastModified);

        return Write("urlset", writer =>
        {
            WriteEntry(writer, "url", urls.Absolute("/"), home);
            foreach (var (path, lastModified) in entries)
            {
                WriteEntry(writer, "url", urls.Absolute(path), lastModified);
            }
        });
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>W3C datetime, in UTC to the second: <c>2022-01-03T17:00:00Z</c>.</summary>
    public static string W3CDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteEntry(XmlWriter writer, string element, string location, DateTime lastModifiedUtc)
    {
        writer.WriteStartElement(element, Namespace);
        writer.WriteElementString("loc", Namespace, location);
        writer.WriteElementString("lastmod", Namespace, W3CDate(lastModifiedUtc));
        writer.WriteEndElement();
    }

    private static byte[] Write(string root, Action<XmlWriter> body)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root, Namespace);
            body(writer);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }
}

using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Options;

namespace NewsPortal.Web.Services.Seo;

public enum FeedFormat
{
    Rss,
    Atom,
}

/// <summary>A feed ready to send: the XML bytes (UTF-8, no BOM) and their media type.</summary>
public sealed record FeedDocument(byte[] Content, string ContentType);

/// <summary>
/// RSS 2.0 and Atom 1.0 for the whole site and for each section, written by
/// System.ServiceModel.Syndication: the newest public articles, with absolute permalinks, the lead
/// as plain-text description, the byline as author, the section as category and the featured photo
/// as an enclosure. Nothing about comments (so no commenter's email or address) is read.
/// </summary>
public sealed class FeedService(NewsDbContext db, TimeProvider time, IOptions<SiteOptions> site, SiteUrls urls)
{
    public const string RssContentType = "application/rss+xml; charset=utf-8";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";

    private sealed record FeedEntry(
        int Id,
        string Title,
        string Slug,
        string Lead,
        string? Byline,
        DateTime PublishedAtUtc,
        DateTime UpdatedAtUtc,
        string SectionName,
        string? PhotoFileName,
        string? PhotoContentType,
        long PhotoLength);

    /// <summary>The site feed.</summary>
    public Task<FeedDocument> SiteFeedAsync(FeedFormat format, CancellationToken cancellationToken) =>
        BuildAsync(null, format, cancellationToken);

    /// <summary>A section's feed; null when there is no such section.</summary>
    public async Task<FeedDocument?> SectionFeedAsync(string slug, FeedFormat format, CancellationToken cancellationToken)
    {
        var section = await db.Sections.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new SectionInfo(s.Id, s.Name, s.Slug, s.Description)).SingleOrDefaultAsync(cancellationToken);
        return section is null ? null : await BuildAsync(section, format, cancellationToken);
    }

    private sealed record SectionInfo(int Id, string Name, string Slug, string? Description);

    private async Task<FeedDocument> BuildAsync(SectionInfo? section, FeedFormat format, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now);
        if (section is not null)
        {
            query = query.Where(a => a.SectionId == section.Id);
        }

        var entries = await query
            .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
            .Take(site.Value.FeedSize)
            .Select(a => new FeedEntry(
                a.Id,
                a.Title,
                a.Slug,
                a.Lead,
                a.Byline,
                a.PublishedAtUtc!.Value,
                a.UpdatedAtUtc,
                a.Section!.Name,
                a.FeaturedMedia != null ? a.FeaturedMedia.FileName : null,
                a.FeaturedMedia != null ? a.FeaturedMedia.ContentType : null,
                a.FeaturedMedia != null ? a.FeaturedMedia.Length : 0))
            .ToListAsync(cancellationToken);

        var options = site.Value;
        var pagePath = section is null ? "/" : "/chuyen-muc/" + section.Slug;
        var selfPath = (section is null ? string.Empty : pagePath) + (format == FeedFormat.Rss ? "/rss" : "/atom");
        var feed = new SyndicationFeed(
            section is null ? options.Name : section.Name + " – " + options.Name,
            section?.Description ?? (section is null ? options.Tagline : $"Tin bài mới nhất chuyên mục {section.Name}"),
            urls.AbsoluteUri(pagePath))
        {
            Id = urls.Absolute(pagePath),
            Language = "vi",
            Generator = "NewsPortal",
        };
        // The newest change among the listed articles; the feed's own time when it is empty.
        var lastUpdated = entries.Count == 0 ? now : entries.Max(LastModified);
        if (format == FeedFormat.Atom)
        {
            feed.LastUpdatedTime = Utc(lastUpdated);
        }
        else
        {
            feed.AttributeExtensions.Add(new XmlQualifiedName("dc", "http://www.w3.org/2000/xmlns/"), DublinCore);
            feed.ElementExtensions.Add("lastBuildDate", string.Empty, Rfc1123(lastUpdated));
        }

        feed.Links.Add(new SyndicationLink(urls.AbsoluteUri(selfPath), "self", null, format == FeedFormat.Rss ? "application/rss+xml" : "application/atom+xml", 0));
        if (format == FeedFormat.Atom)
        {
            // Atom requires an author for entries without one; RSS's managingEditor would need an email.
            feed.Authors.Add(new SyndicationPerson { Name = options.Name });
        }

        feed.Items = entries.Select(ToItem).ToList();

        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            if (format == FeedFormat.Rss)
            {
                // RSS's <author> must be an email address, which a byline is not: the byline is
                // <dc:creator>. The Atom extensions give the channel its atom:link rel="self".
                new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true).WriteTo(writer);
            }
            else
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
        }

        return new FeedDocument(stream.ToArray(), format == FeedFormat.Rss ? RssContentType : AtomContentType);

        SyndicationItem ToItem(FeedEntry entry)
        {
            var permalink = urls.Absolute("/bai-viet/" + entry.Slug);
            var item = new SyndicationItem
            {
                Id = permalink,
                Title = new TextSyndicationContent(entry.Title),
                Summary = new TextSyndicationContent(entry.Lead),
            };
            if (format == FeedFormat.Atom)
            {
                item.PublishDate = Utc(entry.PublishedAtUtc);
                item.LastUpdatedTime = Utc(LastModified(entry));
            }
            else
            {
                item.ElementExtensions.Add("pubDate", string.Empty, Rfc1123(entry.PublishedAtUtc));
            }

            item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(permalink, UriKind.Absolute), "text/html"));
            item.Categories.Add(new SyndicationCategory(entry.SectionName));
            if (!string.IsNullOrWhiteSpace(entry.Byline))
            {
                if (format == FeedFormat.Atom)
                {
                    item.Authors.Add(new SyndicationPerson { Name = entry.Byline });
                }
                else
                {
                    item.ElementExtensions.Add("creator", DublinCore, entry.Byline);
                }
            }

            if (entry.PhotoFileName is not null)
            {
                item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(
                    urls.AbsoluteUri(Media.UrlFor(entry.PhotoFileName)), entry.PhotoContentType, entry.PhotoLength));
            }

            return item;
        }
    }

    private const string DublinCore = "http://purl.org/dc/elements/1.1/";

    private static DateTime LastModified(FeedEntry entry) =>
        entry.UpdatedAtUtc > entry.PublishedAtUtc ? entry.UpdatedAtUtc : entry.PublishedAtUtc;

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    /// <summary>
    /// RFC 1123 (RFC 822 with a four-digit year) in GMT: <c>Mon, 03 Jan 2022 17:00:00 GMT</c>.
    /// Written here rather than by the formatter, which writes UTC as the military zone "Z".
    /// </summary>
    public static string Rfc1123(DateTime utc) => Utc(utc).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
}

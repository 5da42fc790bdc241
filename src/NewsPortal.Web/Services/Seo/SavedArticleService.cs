using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Options;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Services.Seo;

/// <summary>The file a reader downloads with "Lưu bài viết": its name and UTF-8 bytes.</summary>
public sealed record SavedArticle(string FileName, byte[] Content);

/// <summary>
/// "Lưu bài viết" (Decree 42/2022, Art. 7: readers may print and save an article): one
/// self-contained HTML file that opens offline: title, date, lead, body, byline, source, the
/// original address, an inline stylesheet, and every photo of ours embedded as a <c>data:</c> URI
/// (the mid-size stored copy). Images from elsewhere are replaced by their description, so the
/// file loads nothing from the network.
/// </summary>
public sealed class SavedArticleService(NewsDbContext db, TimeProvider time, IOptions<SiteOptions> site, SiteUrls urls)
{
    /// <summary>The stored copy to embed: sharp on a page, a fraction of the original's bytes.</summary>
    public const int EmbeddedWidth = 960;

    /// <summary>At most this many photos are embedded; an article with more keeps their text.</summary>
    public const int MaxEmbeddedImages = 40;

    private const string Stylesheet = """
        body { margin: 0; background: #fff; color: #1d1d1f; font-family: "Noto Serif", Georgia, "Times New Roman", serif; line-height: 1.6; }
        main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        .site { margin: 0 0 1rem; padding-bottom: .5rem; border-bottom: 2px solid #8a1414; color: #8a1414; font: 700 1rem system-ui, sans-serif; text-transform: uppercase; }
        h1 { font-size: 1.75rem; line-height: 1.3; margin: .5rem 0; }
        .date, .original, .saved { color: #555; font-size: .9rem; }
        .lead { font-weight: 700; }
        img { max-width: 100%; height: auto; display: block; }
        figure { margin: 1.25rem 0; break-inside: avoid; }
        figcaption { font-size: .9rem; font-style: italic; text-align: center; background: #f5f3ef; padding: .4rem .6rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #ccc; padding: .3rem .5rem; }
        blockquote { border-left: 4px solid #ddd; margin: 1rem 0; padding: .1rem 1rem; }
        .byline { text-align: right; font-weight: 700; }
        a { color: #0b4a85; overflow-wrap: anywhere; }
        """;

    private static readonly HtmlParser Parser = new();

    /// <summary>The saved file of a public article; null when there is none by that slug.</summary>
    public async Task<SavedArticle?> SaveAsync(string slug, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Slug == slug && a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now)
            .Select(a => new
            {
                a.Title,
                a.Slug,
                a.Lead,
                a.BodyHtml,
                a.Byline,
                a.Source,
                PublishedAtUtc = a.PublishedAtUtc!.Value,
                SectionName = a.Section!.Name,
                Photo = a.FeaturedMedia == null ? null : a.FeaturedMedia.FileName,
                a.FeaturedAlt,
                a.FeaturedCaption,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var url = urls.Absolute("/bai-viet/" + article.Slug);
        var document = Parser.ParseDocument("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body></body></html>");
        var head = document.Head!;
        Append(head, "meta", e => { e.SetAttribute("name", "viewport"); e.SetAttribute("content", "width=device-width, initial-scale=1"); });
        Append(head, "title", e => e.TextContent = article.Title + " – " + site.Value.Name);
        Append(head, "link", e => { e.SetAttribute("rel", "canonical"); e.SetAttribute("href", url); });
        Append(head, "style", e => e.TextContent = Stylesheet);

        var main = Append(document.Body!, "main", _ => { });
        var container = Append(main, "article", _ => { });
        Append(container, "p", e => { e.ClassName = "site"; e.TextContent = site.Value.Name + " · " + article.SectionName; });
        Append(container, "h1", e => e.TextContent = article.Title);
        var published = VietnamClock.ToLocal(article.PublishedAtUtc);
        Append(container, "p", e =>
        {
            e.ClassName = "date";
            e.AppendChild(document.CreateTextNode("Ngày đăng: "));
            var timeElement = document.CreateElement("time");
            timeElement.SetAttribute("datetime", StructuredData.VietnamIso(article.PublishedAtUtc));
            timeElement.TextContent = VietnameseDate.ShortDate(published);
            e.AppendChild(timeElement);
        });
        if (!string.IsNullOrWhiteSpace(article.Lead))
        {
            Append(container, "p", e => { e.ClassName = "lead"; e.TextContent = article.Lead; });
        }

        if (article.Photo is { } photo && !article.BodyHtml.Contains(Media.UrlFor(photo), StringComparison.Ordinal))
        {
            Append(container, "figure", figure =>
            {
                Append(figure, "img", img => { img.SetAttribute("src", Media.UrlFor(photo)); img.SetAttribute("alt", article.FeaturedAlt ?? string.Empty); });
                if (!string.IsNullOrWhiteSpace(article.FeaturedCaption))
                {
                    Append(figure, "figcaption", c => c.TextContent = article.FeaturedCaption);
                }
            });
        }

        var body = Append(container, "div", e => e.ClassName = "body");
        body.InnerHtml = article.BodyHtml;
        if (!string.IsNullOrWhiteSpace(article.Byline))
        {
            Append(container, "p", e => { e.ClassName = "byline"; e.TextContent = article.Byline; });
        }

        if (!string.IsNullOrWhiteSpace(article.Source))
        {
            Append(container, "p", e => { e.ClassName = "source"; e.TextContent = "Nguồn: " + article.Source; });
        }

        Append(container, "p", e =>
        {
            e.ClassName = "original";
            e.AppendChild(document.CreateTextNode("Bài viết gốc: "));
            var link = document.CreateElement("a");
            link.SetAttribute("href", url);
            link.TextContent = url;
            e.AppendChild(link);
        });
        Append(container, "p", e => { e.ClassName = "saved"; e.TextContent = "Lưu lúc " + VietnameseDate.DateTime(VietnamClock.ToLocal(now)) + " (giờ Việt Nam)."; });

        await EmbedImagesAsync(document, cancellationToken);
        foreach (var link in document.QuerySelectorAll("a[href^='/']").OfType<IHtmlAnchorElement>())
        {
            // Site-relative links would point into the reader's disk; make them absolute.
            var href = link.GetAttribute("href")!;
            if (!href.StartsWith("//", StringComparison.Ordinal))
            {
                link.SetAttribute("href", urls.Absolute(href));
            }
        }

        var html = "<!DOCTYPE html>\n" + document.DocumentElement.OuterHtml + "\n";
        return new SavedArticle(article.Slug + ".html", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html));
    }

    private async Task EmbedImagesAsync(IDocument document, CancellationToken cancellationToken)
    {
        var embedded = 0;
        foreach (var image in document.QuerySelectorAll("img").ToList())
        {
            image.RemoveAttribute("srcset");
            image.RemoveAttribute("sizes");
            image.RemoveAttribute("loading");
            var src = image.GetAttribute("src") ?? string.Empty;
            string? dataUri = null;
            if (src.StartsWith("/media/", StringComparison.Ordinal) && embedded < MaxEmbeddedImages)
            {
                dataUri = await DataUriAsync(Uri.UnescapeDataString(src["/media/".Length..]), cancellationToken);
            }

            if (dataUri is null)
            {
                // Not ours, or gone: its description stays, nothing is fetched from elsewhere.
                var text = document.CreateElement("span");
                text.ClassName = "image-missing";
                text.TextContent = image.GetAttribute("alt") is { Length: > 0 } alt ? "[Ảnh: " + alt + "]" : "[Ảnh]";
                image.Replace(text);
                continue;
            }

            image.SetAttribute("src", dataUri);
            embedded++;
        }
    }

    private async Task<string?> DataUriAsync(string fileName, CancellationToken cancellationToken)
    {
        if (fileName.Length > Media.FileNameMaxLength)
        {
            return null;
        }

        var media = await db.Media.AsNoTracking().Where(m => m.FileName == fileName)
            .Select(m => new { m.Id, m.ContentType, m.Width }).SingleOrDefaultAsync(cancellationToken);
        if (media is null)
        {
            return null;
        }

        var variant = await db.MediaVariants.AsNoTracking()
            .Where(v => v.MediaId == media.Id && v.Width <= EmbeddedWidth)
            .OrderByDescending(v => v.Width)
            .Select(v => new { v.ContentType, v.Content })
            .FirstOrDefaultAsync(cancellationToken);
        var (contentType, content) = variant is not null
            ? (variant.ContentType, variant.Content)
            : (media.ContentType, await db.Media.AsNoTracking().Where(m => m.Id == media.Id).Select(m => m.Content).SingleAsync(cancellationToken));
        return "data:" + contentType + ";base64," + Convert.ToBase64String(content);
    }

    private static IElement Append(IElement parent, string name, Action<IElement> configure)
    {
        var element = parent.Owner!.CreateElement(name);
        configure(element);
        parent.AppendChild(element);
        return element;
    }
}

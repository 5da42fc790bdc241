using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Options;
using NewsPortal.Web.Services.Glossary;
using NewsPortal.Web.Services.Text;
using NewsPortal.Web.ViewModels;

namespace NewsPortal.Web.Services;

/// <summary>
/// Everything the public pages read: no-tracking projections straight to view models,
/// only articles that are published and whose publish time has come.
/// </summary>
public sealed class PublicContentService(NewsDbContext db, TimeProvider time, IOptions<SiteOptions> site, MarkedArticleCache abbreviations)
{
    private const int NewestCount = 8;
    private const int SectionBlockSize = 4;
    private const int MostReadCount = 5;
    private const int RelatedCount = 5;

    private static readonly Expression<Func<Article, ArticleCard>> ToCard = a => new ArticleCard(
        a.Title,
        a.Slug,
        a.Lead,
        a.PublishedAtUtc!.Value,
        a.Section!.Name,
        a.Section.Slug,
        a.FeaturedMedia != null ? a.FeaturedMedia.FileName : null,
        a.FeaturedAlt);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private IQueryable<Article> Published()
    {
        var now = Now;
        return db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now);
    }

    private static IOrderedQueryable<Article> NewestFirst(IQueryable<Article> query) =>
        query.OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id);

    public async Task<HomeViewModel> GetHomeAsync(CancellationToken cancellationToken)
    {
        // The lead story is the newest pinned article; without one, the newest with a photo.
        var pinned = await NewestFirst(Published().Where(a => a.IsPinned)).Select(ToCard).FirstOrDefaultAsync(cancellationToken);
        var newest = await NewestFirst(Published()).Take(NewestCount + 1).Select(ToCard).ToListAsync(cancellationToken);
        var leadStory = pinned ?? newest.FirstOrDefault(a => a.ImageFileName is not null) ?? newest.FirstOrDefault();
        var rest = newest.Where(a => a.Slug != leadStory?.Slug).Take(NewestCount).ToList();

        // One index seek per section on (SectionId, Status, PublishedAtUtc): cheaper than a
        // ROW_NUMBER() window over every published article, and SQLite cannot run the APPLY
        // that a correlated Take would need. The number of sections is small and fixed.
        var sections = await db.Sections.AsNoTracking()
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Slug })
            .ToListAsync(cancellationToken);
        var blocks = new List<SectionBlock>(sections.Count);
        foreach (var section in sections)
        {
            var cards = await NewestFirst(Published().Where(a => a.SectionId == section.Id))
                .Take(SectionBlockSize).Select(ToCard).ToListAsync(cancellationToken);
            if (cards.Count > 0)
            {
                blocks.Add(new SectionBlock(section.Name, section.Slug, cards));
            }
        }

        var mostRead = await Published()
            .OrderByDescending(a => a.ViewCount).ThenByDescending(a => a.PublishedAtUtc)
            .Take(MostReadCount).Select(ToCard).ToListAsync(cancellationToken);

        return new HomeViewModel(
            leadStory,
            rest,
            blocks,
            mostRead);
    }

    public Task<ArticlePageViewModel?> GetArticleAsync(string slug, CancellationToken cancellationToken) =>
        GetArticleAsync(slug, null, cancellationToken);

    /// <param name="pendingCommentId">The author's own pending comment (its token checked by the caller), shown marked.</param>
    public async Task<ArticlePageViewModel?> GetArticleAsync(string slug, int? pendingCommentId, CancellationToken cancellationToken)
    {
        var article = await Published()
            .Where(a => a.Slug == slug)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Slug,
                a.Lead,
                a.BodyHtml,
                a.Byline,
                a.Source,
                a.MetaDescription,
                PublishedAtUtc = a.PublishedAtUtc!.Value,
                a.UpdatedAtUtc,
                a.SectionId,
                SectionName = a.Section!.Name,
                SectionSlug = a.Section.Slug,
                Photo = a.FeaturedMedia == null ? null : new { a.FeaturedMedia.FileName, a.FeaturedMedia.Width, a.FeaturedMedia.Height },
                a.FeaturedAlt,
                a.FeaturedCaption,
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => new TagLink(t.Name, t.Slug)).ToList(),
                TagIds = a.Tags.Select(t => t.Id).ToList(),
                a.CommentsMode,
                a.Version,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return null;
        }

        var tagIds = article.TagIds;
        var related = await NewestFirst(Published()
                .Where(a => a.Id != article.Id && (a.SectionId == article.SectionId || a.Tags.Any(t => tagIds.Contains(t.Id)))))
            .Take(RelatedCount)
            .Select(ToCard)
            .ToListAsync(cancellationToken);

        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == article.Id
                && (c.Status == CommentStatus.Approved || (c.Id == pendingCommentId && c.Status == CommentStatus.Pending)))
            .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            .Select(c => new FlatComment(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.Body, c.CreatedAtUtc, c.IsStaffReply, c.Depth, c.Status == CommentStatus.Pending))
            .ToListAsync(cancellationToken);
        var settings = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new SiteSettings();

        Photo? photo = null;
        Photo? share = null;
        if (article.Photo is { } p)
        {
            share = new Photo(p.FileName, article.FeaturedAlt ?? string.Empty, article.FeaturedCaption, p.Width, p.Height);
            var url = Media.UrlFor(p.FileName);
            // The seed article, like most news, places its photo in the body; show it once.
            if (!article.BodyHtml.Contains(url, StringComparison.Ordinal))
            {
                photo = new Photo(p.FileName, article.FeaturedAlt ?? string.Empty, article.FeaturedCaption, p.Width, p.Height);
            }
        }

        // The first use of each glossary abbreviation is marked at display time (cached per version).
        var marked = await abbreviations.GetAsync(article.Id, article.Version, article.Lead, article.BodyHtml, cancellationToken);
        return new ArticlePageViewModel(
            article.Id,
            article.Title,
            article.Slug,
            article.Lead,
            marked.BodyHtml,
            article.Byline,
            article.Source,
            article.MetaDescription,
            article.PublishedAtUtc,
            article.UpdatedAtUtc,
            new SectionLink(article.SectionName, article.SectionSlug),
            photo,
            article.Tags,
            related,
            BuildThreads(comments),
            comments.Count(c => !c.IsPending))
        {
            SharePhoto = share,
            CommentsOpen = Article.CommentsOpen(article.CommentsMode, article.PublishedAtUtc, settings.CommentsCloseAfterDays, Now),
            CommentThreadDepth = Math.Max(1, settings.CommentThreadDepth),
            CommentsPerPage = Math.Max(1, settings.CommentsPerPage),
            LeadHtml = marked.LeadHtml,
        };
    }

    /// <summary>The current slug of a published article that used to have <paramref name="oldSlug"/>.</summary>
    public Task<string?> FindRenamedAsync(string oldSlug, CancellationToken cancellationToken) =>
        db.ArticleSlugRedirects.AsNoTracking()
            .Where(r => r.Slug == oldSlug)
            .Join(Published(), r => r.ArticleId, a => a.Id, (r, a) => a.Slug)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ArchiveViewModel?> GetSectionAsync(string slug, int page, CancellationToken cancellationToken)
    {
        var section = await db.Sections.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new { s.Id, s.Name, s.Description, s.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (section is null)
        {
            return null;
        }

        var articles = await PageAsync(Published().Where(a => a.SectionId == section.Id), page, cancellationToken);
        return articles is null ? null : new ArchiveViewModel(ArchiveKind.Section, section.Name, section.Description, "/chuyen-muc/" + section.Slug, articles)
        {
            MetaDescription = Described(section.Description ?? $"Tin bài chuyên mục {section.Name} trên trang {site.Value.Name}: tin mới nhất, xếp theo ngày đăng.", page),
            SectionSlug = section.Slug,
        };
    }

    public async Task<ArchiveViewModel?> GetTagAsync(string slug, int page, CancellationToken cancellationToken)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new { t.Id, t.Name, t.Slug }).SingleOrDefaultAsync(cancellationToken);
        if (tag is null)
        {
            return null;
        }

        var articles = await PageAsync(Published().Where(a => a.Tags.Any(t => t.Id == tag.Id)), page, cancellationToken);
        return articles is null ? null : new ArchiveViewModel(ArchiveKind.Tag, "Thẻ: " + tag.Name, null, "/the/" + tag.Slug, articles)
        {
            MetaDescription = Described($"Các bài viết gắn thẻ “{tag.Name}” trên trang {site.Value.Name}, mới nhất trước.", page),
        };
    }

    /// <summary>A day, month or year of Vietnam's calendar; null when the date does not exist.</summary>
    public async Task<ArchiveViewModel?> GetDateArchiveAsync(int year, int? month, int? day, int page, CancellationToken cancellationToken)
    {
        if (year is < 1900 or > 2999 || month is < 1 or > 12 || (day is not null && month is null)
            || day < 1 || (day is not null && day > DateTime.DaysInMonth(year, month!.Value)))
        {
            return null;
        }

        var fromLocal = new DateTime(year, month ?? 1, day ?? 1, 0, 0, 0, DateTimeKind.Unspecified);
        var toLocal = day is not null ? fromLocal.AddDays(1) : month is not null ? fromLocal.AddMonths(1) : fromLocal.AddYears(1);
        var from = VietnamClock.ToUtc(fromLocal);
        var to = VietnamClock.ToUtc(toLocal);

        var heading = day is not null
            ? "Ngày " + VietnameseDate.ShortDate(fromLocal)
            : month is not null ? VietnameseDate.MonthHeading(year, month.Value) : $"Năm {year}";
        var path = "/luu-tru/" + year + (month is null ? string.Empty : $"/{month:00}") + (day is null ? string.Empty : $"/{day:00}");

        var articles = await PageAsync(Published().Where(a => a.PublishedAtUtc >= from && a.PublishedAtUtc < to), page, cancellationToken);
        return articles is null ? null : new ArchiveViewModel(ArchiveKind.Date, "Lưu trữ: " + heading, null, path, articles)
        {
            MetaDescription = Described($"Các bài viết đăng {(day is not null ? "ngày " + VietnameseDate.ShortDate(fromLocal) : month is not null ? $"tháng {month:00}/{year}" : $"năm {year}")} trên trang {site.Value.Name}.", page),
        };
    }

    /// <summary>A list page's description; pages past the first say which page they are.</summary>
    private static string Described(string text, int page) =>
        Seo.MetaText.Description(page > 1 ? $"{text} Trang {page}." : text);

    public Task<List<SectionLink>> GetSectionLinksAsync(CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SectionLink(s.Name, s.Slug)).ToListAsync(cancellationToken);

    /// <returns>The page, or null when the page number is past the last page.</returns>
    private async Task<PagedList<ArticleCard>?> PageAsync(IQueryable<Article> query, int page, CancellationToken cancellationToken)
    {
        var size = site.Value.PageSize;
        var total = await query.CountAsync(cancellationToken);
        if (page > 1 && (long)(page - 1) * size >= total)
        {
            return null;
        }

        var items = await NewestFirst(query).Skip((page - 1) * size).Take(size).Select(ToCard).ToListAsync(cancellationToken);
        return new PagedList<ArticleCard>(items, page, size, total);
    }

    private sealed record FlatComment(int Id, int? ParentId, string AuthorName, string? AuthorUrl, string Body, DateTime CreatedAtUtc, bool IsStaffReply, int Depth, bool IsPending);

    /// <summary>
    /// Threads approved comments under their parents. A reply whose parent is not public
    /// (pending, spam, trashed) is shown at the top level rather than hidden.
    /// </summary>
    private static List<CommentNode> BuildThreads(List<FlatComment> comments)
    {
        var ids = comments.Select(c => c.Id).ToHashSet();
        var children = comments
            .Where(c => c.ParentId is { } parent && ids.Contains(parent))
            .ToLookup(c => c.ParentId!.Value);

        CommentNode Build(FlatComment c) => new(
            c.Id, c.AuthorName, c.AuthorUrl, c.Body, c.CreatedAtUtc, c.IsStaffReply,
            [.. children[c.Id].Select(Build)], c.Depth, c.IsPending);

        return [.. comments.Where(c => c.ParentId is not { } parent || !ids.Contains(parent)).Select(Build)];
    }
}

using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
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
/// only articles that are published and whose publish time has come. Lists are read ids first:
/// the filter, order and paging run on a narrow covering index, and only the rows shown are read
/// from the wide Articles table (docs/performance.md, "Queries", says which index serves which list).
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

    /// <summary>
    /// The cards of the articles whose ids <paramref name="ids"/> selects (already filtered, ordered
    /// and limited), put in order by <paramref name="order"/>. One command: the ids are a subquery.
    /// </summary>
    private Task<List<ArticleCard>> CardsAsync(IQueryable<int> ids, Func<IQueryable<Article>, IOrderedQueryable<Article>> order, CancellationToken cancellationToken) =>
        order(db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))).Select(ToCard).ToListAsync(cancellationToken);

    /// <summary>The "ArticleTags" join table (a shared-type entity without a class of its own).</summary>
    private IQueryable<Dictionary<string, object>> ArticleTags => db.Set<Dictionary<string, object>>("ArticleTags");

    /// <summary>The ids of the articles that carry the tag <paramref name="tagId"/>.</summary>
    private IQueryable<int> TaggedArticleIds(int tagId) =>
        ArticleTags.Where(t => EF.Property<int>(t, "TagsId") == tagId).Select(t => EF.Property<int>(t, "ArticlesId"));

    private List<SectionRow>? _sections;

    /// <summary>
    /// Every section, read once per request (the menu, the home blocks and a section page's heading
    /// share it). Not kept longer: a change made on another web node is seen by the next request.
    /// </summary>
    private async Task<List<SectionRow>> SectionsAsync(CancellationToken cancellationToken) =>
        _sections ??= await ListAsync(Queries.AllSections(db), cancellationToken);

    private sealed record SectionRow(int Id, string Name, string Slug, string? Description);

    public async Task<HomeViewModel> GetHomeAsync(CancellationToken cancellationToken)
    {
        // The lead story is the newest pinned article; without one, the newest with a photo.
        var pinned = await Queries.PinnedCard(db, Now, true);
        var newest = await ListAsync(Queries.NewestCards(db, Now, NewestCount + 1), cancellationToken);
        var leadStory = pinned ?? newest.FirstOrDefault(a => a.ImageFileName is not null) ?? newest.FirstOrDefault();
        var rest = newest.Where(a => a.Slug != leadStory?.Slug).Take(NewestCount).ToList();

        // The newest few of each section in one command: a UNION ALL of one index seek per section
        // on (SectionId, Status, PublishedAtUtc), cheaper than a ROW_NUMBER() window over every
        // published article (SQLite cannot run the APPLY that a correlated Take would need).
        var sections = await SectionsAsync(cancellationToken);
        var blocks = new List<SectionBlock>(sections.Count);
        if (sections.Count > 0)
        {
            var ids = sections
                .Select(section => NewestFirst(Published().Where(a => a.SectionId == section.Id)).Take(SectionBlockSize).Select(a => a.Id))
                .Aggregate(Queryable.Concat);
            var cards = await CardsAsync(ids, NewestFirst, cancellationToken);
            foreach (var section in sections)
            {
                var own = cards.Where(c => c.SectionSlug == section.Slug).ToList();
                if (own.Count > 0)
                {
                    blocks.Add(new SectionBlock(section.Name, section.Slug, own));
                }
            }
        }

        var mostRead = await ListAsync(Queries.MostReadCards(db, Now, MostReadCount), cancellationToken);

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
        var article = await Queries.ArticleBySlug(db, slug, Now);
        if (article is null)
        {
            return null;
        }

        var tagIds = article.Tags.Select(t => t.Id).ToList();
        var related = await ListAsync(Queries.RelatedCards(db, Now, article.Id, article.SectionId, tagIds), cancellationToken);
        var comments = await ListAsync(Queries.PublicComments(db, article.Id, pendingCommentId), cancellationToken);
        var settings = await Queries.CommentSettings(db) ?? DefaultCommentSettings;

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
            [.. article.Tags.Select(t => new TagLink(t.Name, t.Slug))],
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
        var section = (await SectionsAsync(cancellationToken)).Find(s => s.Slug == slug);
        if (section is null)
        {
            return null;
        }

        var sectionId = section.Id;
        var now = Now;
        var articles = await PageAsync(
            () => Queries.SectionCount(db, now, sectionId),
            (skip, take) => ListAsync(Queries.SectionCards(db, now, sectionId, skip, take), cancellationToken),
            page);
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

        // The count from the tag's entries in ArticleTags (TagsId, ArticlesId) less those of articles
        // that are not public: those few are found on the status indexes, so no Articles row is read
        // (checking each tagged article's status by primary key read thousands of wide rows).
        // Published articles always have a publish time. The page: newest first on
        // (Status, PublishedAtUtc, SectionId), each tested by a seek in ArticleTags' key.
        var tagged = TaggedArticleIds(tag.Id);
        var now = Now;
        var hidden = db.Articles
            .Where(a => a.Status < ArticleStatus.Published || a.Status > ArticleStatus.Published
                || (a.Status == ArticleStatus.Published && a.PublishedAtUtc > now))
            .Select(a => a.Id);
        var query = Published().Where(a => tagged.Contains(a.Id));
        var articles = await PageAsync(
            () => tagged.CountAsync(id => !hidden.Contains(id), cancellationToken),
            (skip, take) => CardsAsync(NewestFirst(query).Skip(skip).Take(take).Select(a => a.Id), NewestFirst, cancellationToken),
            page);
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

    public async Task<List<SectionLink>> GetSectionLinksAsync(CancellationToken cancellationToken) =>
        [.. (await SectionsAsync(cancellationToken)).Select(s => new SectionLink(s.Name, s.Slug))];

    /// <returns>The page, or null when the page number is past the last page.</returns>
    private Task<PagedList<ArticleCard>?> PageAsync(IQueryable<Article> query, int page, CancellationToken cancellationToken) =>
        PageAsync(
            () => query.CountAsync(cancellationToken),
            (skip, take) => CardsAsync(NewestFirst(query).Skip(skip).Take(take).Select(a => a.Id), NewestFirst, cancellationToken),
            page);

    /// <returns>The page, or null when the page number is past the last page.</returns>
    private async Task<PagedList<ArticleCard>?> PageAsync(Func<Task<int>> count, Func<int, int, Task<List<ArticleCard>>> items, int page)
    {
        var size = site.Value.PageSize;
        var total = await count();
        if (page > 1 && (long)(page - 1) * size >= total)
        {
            return null;
        }

        return new PagedList<ArticleCard>(await items((page - 1) * size, size), page, size, total);
    }

    /// <summary>
    /// The public pages' hot queries, compiled once per EF model: the pages run them on every uncached
    /// view, and EF's per-execution work (reading the expression tree, finding the cached plan) was
    /// most of the article page's CPU. A compiled query is bound to one model, and one process can hold
    /// several (the tests run SQLite and PostgreSQL hosts side by side), hence one set per model.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, CompiledQueries> Compiled = new();

    private CompiledQueries Queries => Compiled.GetValue(db.Model, static _ => new CompiledQueries());

    private sealed class CompiledQueries
    {
        public readonly Func<NewsDbContext, string, DateTime, Task<ArticleRow?>> ArticleBySlug = EF.CompileAsyncQuery(
            (NewsDbContext db, string slug, DateTime now) => db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now && a.Slug == slug)
                .Select(a => new ArticleRow(
                    a.Id,
                    a.Title,
                    a.Slug,
                    a.Lead,
                    a.BodyHtml,
                    a.Byline,
                    a.Source,
                    a.MetaDescription,
                    a.PublishedAtUtc!.Value,
                    a.UpdatedAtUtc,
                    a.SectionId,
                    a.Section!.Name,
                    a.Section.Slug,
                    a.FeaturedMedia == null ? null : new PhotoRow(a.FeaturedMedia.FileName, a.FeaturedMedia.Width, a.FeaturedMedia.Height),
                    a.FeaturedAlt,
                    a.FeaturedCaption,
                    a.Tags.OrderBy(t => t.Name).Select(t => new TagRow(t.Id, t.Name, t.Slug)).ToList(),
                    a.CommentsMode,
                    a.Version))
                .SingleOrDefault());

        /// <summary>
        /// Newest first on (Status, PublishedAtUtc, SectionId): the section test is in the index and the
        /// tag test a seek in ArticleTags' key, so only the five shown are read from the table.
        /// </summary>
        public readonly Func<NewsDbContext, DateTime, int, int, List<int>, IAsyncEnumerable<ArticleCard>> RelatedCards = EF.CompileAsyncQuery(
            (NewsDbContext db, DateTime now, int articleId, int sectionId, List<int> tagIds) => db.Articles.AsNoTracking()
                .Where(a => db.Articles
                    .Where(r => r.Status == ArticleStatus.Published && r.PublishedAtUtc <= now && r.Id != articleId
                        && (r.SectionId == sectionId || db.Set<Dictionary<string, object>>("ArticleTags")
                            .Any(t => EF.Property<int>(t, "ArticlesId") == r.Id && tagIds.Contains(EF.Property<int>(t, "TagsId")))))
                    .OrderByDescending(r => r.PublishedAtUtc).ThenByDescending(r => r.Id)
                    .Take(RelatedCount)
                    .Select(r => r.Id)
                    .Contains(a.Id))
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Select(ToCard));

        public readonly Func<NewsDbContext, int, int?, IAsyncEnumerable<FlatComment>> PublicComments = EF.CompileAsyncQuery(
            (NewsDbContext db, int articleId, int? pendingCommentId) => db.Comments.AsNoTracking()
                .Where(c => c.ArticleId == articleId
                    && (c.Status == CommentStatus.Approved || (c.Id == pendingCommentId && c.Status == CommentStatus.Pending)))
                .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
                .Select(c => new FlatComment(c.Id, c.ParentId, c.AuthorName, c.AuthorUrl, c.Body, c.CreatedAtUtc, c.IsStaffReply, c.Depth, c.Status == CommentStatus.Pending)));

        public readonly Func<NewsDbContext, Task<CommentSettingsRow?>> CommentSettings = EF.CompileAsyncQuery(
            (NewsDbContext db) => db.SiteSettings.AsNoTracking()
                .Select(s => new CommentSettingsRow(s.CommentsCloseAfterDays, s.CommentThreadDepth, s.CommentsPerPage))
                .FirstOrDefault());

        // Home and section pages, compiled for the same reason. "IsPinned = @isPinned" (not the bare
        // column) lets every provider seek (IsPinned, Status, PublishedAtUtc).
        public readonly Func<NewsDbContext, DateTime, bool, Task<ArticleCard?>> PinnedCard = EF.CompileAsyncQuery(
            (NewsDbContext db, DateTime now, bool isPinned) => db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now && a.IsPinned == isPinned)
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Select(ToCard)
                .FirstOrDefault());

        public readonly Func<NewsDbContext, DateTime, int, IAsyncEnumerable<ArticleCard>> NewestCards = EF.CompileAsyncQuery(
            (NewsDbContext db, DateTime now, int take) => db.Articles.AsNoTracking()
                .Where(a => db.Articles
                    .Where(n => n.Status == ArticleStatus.Published && n.PublishedAtUtc <= now)
                    .OrderByDescending(n => n.PublishedAtUtc).ThenByDescending(n => n.Id)
                    .Take(take)
                    .Select(n => n.Id)
                    .Contains(a.Id))
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Select(ToCard));

        /// <summary>(Status, ViewCount, PublishedAtUtc) read backwards: five index entries, not a sort of every article.</summary>
        public readonly Func<NewsDbContext, DateTime, int, IAsyncEnumerable<ArticleCard>> MostReadCards = EF.CompileAsyncQuery(
            (NewsDbContext db, DateTime now, int take) => db.Articles.AsNoTracking()
                .Where(a => db.Articles
                    .Where(n => n.Status == ArticleStatus.Published && n.PublishedAtUtc <= now)
                    .OrderByDescending(n => n.ViewCount).ThenByDescending(n => n.PublishedAtUtc).ThenByDescending(n => n.Id)
                    .Take(take)
                    .Select(n => n.Id)
                    .Contains(a.Id))
                .OrderByDescending(a => a.ViewCount).ThenByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Select(ToCard));

        /// <summary>Count and page both on (SectionId, Status, PublishedAtUtc) alone; only the page's rows from the table.</summary>
        public readonly Func<NewsDbContext, DateTime, int, Task<int>> SectionCount = EF.CompileAsyncQuery(
            (NewsDbContext db, DateTime now, int sectionId) => db.Articles
                .Count(a => a.Status == ArticleStatus.Published && a.PublishedAtUtc <= now && a.SectionId == sectionId));

        public readonly Func<NewsDbContext, DateTime, int, int, int, IAsyncEnumerable<ArticleCard>> SectionCards = EF.CompileAsyncQuery(
            (NewsDbContext db, DateTime now, int sectionId, int skip, int take) => db.Articles.AsNoTracking()
                .Where(a => db.Articles
                    .Where(n => n.Status == ArticleStatus.Published && n.PublishedAtUtc <= now && n.SectionId == sectionId)
                    .OrderByDescending(n => n.PublishedAtUtc).ThenByDescending(n => n.Id)
                    .Skip(skip)
                    .Take(take)
                    .Select(n => n.Id)
                    .Contains(a.Id))
                .OrderByDescending(a => a.PublishedAtUtc).ThenByDescending(a => a.Id)
                .Select(ToCard));

        public readonly Func<NewsDbContext, IAsyncEnumerable<SectionRow>> AllSections = EF.CompileAsyncQuery(
            (NewsDbContext db) => db.Sections.AsNoTracking()
                .OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
                .Select(s => new SectionRow(s.Id, s.Name, s.Slug, s.Description)));
    }

    private static readonly CommentSettingsRow DefaultCommentSettings = new(
        new SiteSettings().CommentsCloseAfterDays, new SiteSettings().CommentThreadDepth, new SiteSettings().CommentsPerPage);

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }

    private sealed record ArticleRow(
        int Id, string Title, string Slug, string Lead, string BodyHtml, string? Byline, string? Source, string? MetaDescription,
        DateTime PublishedAtUtc, DateTime UpdatedAtUtc, int SectionId, string SectionName, string SectionSlug, PhotoRow? Photo,
        string? FeaturedAlt, string? FeaturedCaption, List<TagRow> Tags, CommentsMode CommentsMode, int Version);

    private sealed record PhotoRow(string FileName, int Width, int Height);

    private sealed record TagRow(int Id, string Name, string Slug);

    private sealed record CommentSettingsRow(int CommentsCloseAfterDays, int CommentThreadDepth, int CommentsPerPage);

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

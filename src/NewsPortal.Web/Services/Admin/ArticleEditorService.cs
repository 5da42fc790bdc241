using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Areas.Admin.ViewModels;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Rendering;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Services.Admin;

/// <summary>The outcome of a save: the article's id and version, its errors, or a conflict.</summary>
public sealed record SaveOutcome(int? Id, int Version, IReadOnlyDictionary<string, string> Errors, IReadOnlyList<string> Notices, ArticleConflictViewModel? Conflict)
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null;
}

/// <summary>
/// Writing articles: create, save (with revisions, old slugs, legacy-encoding repair and
/// optimistic concurrency), the workflow transitions with their permissions, and revisions.
/// </summary>
public sealed class ArticleEditorService(NewsDbContext db, ArticleRenderer renderer, AuditLog audit, TimeProvider time)
{
    public const int PageSize = 20;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static bool IsPublisher(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Editor);

    /// <summary>Editors change any article; an Author only their own, and only while it is not live.</summary>
    public static bool CanEdit(ClaimsPrincipal user, Article article) =>
        IsPublisher(user)
        || (user.IsInRole(Roles.Author)
            && article.AuthorId == user.FindFirstValue(ClaimTypes.NameIdentifier)
            && article.Status is ArticleStatus.Draft or ArticleStatus.PendingReview or ArticleStatus.Unpublished);

    public async Task<ArticleListViewModel> ListAsync(ArticleListFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Articles.AsNoTracking();
        if (filter.SectionId is { } section)
        {
            query = query.Where(a => a.SectionId == section);
        }

        if (!string.IsNullOrEmpty(filter.AuthorId))
        {
            query = query.Where(a => a.AuthorId == filter.AuthorId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(a => a.Title.Contains(text) || a.Slug.Contains(text));
        }

        var counts = await query.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        // Without a status filter the trash stays out of the list, as in WordPress.
        query = filter.Status is { } status ? query.Where(a => a.Status == status) : query.Where(a => a.Status != ArticleStatus.Trashed);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(a => a.UpdatedAtUtc).ThenByDescending(a => a.Id)
            .Skip((filter.Page - 1) * PageSize).Take(PageSize)
            .Select(a => new ArticleRow(
                a.Id, a.Title, a.Slug, a.Status, a.Section!.Name,
                db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                a.UpdatedAtUtc, a.PublishedAtUtc, a.ScheduledAtUtc))
            .ToListAsync(cancellationToken);
        var authors = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        return new ArticleListViewModel(filter, rows, total, PageSize, counts, await SectionsAsync(cancellationToken), [.. authors.Select(a => (a.Id, a.DisplayName))]);
    }

    public Task<List<SectionOption>> SectionsAsync(CancellationToken cancellationToken) =>
        db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).Select(s => new SectionOption(s.Id, s.Name)).ToListAsync(cancellationToken);

    public Task<List<MediaOption>> RecentMediaAsync(CancellationToken cancellationToken) =>
        db.Media.AsNoTracking().OrderByDescending(m => m.CreatedAtUtc).Take(100)
            .Select(m => new MediaOption(m.Id, m.FileName, m.AltText, m.Caption)).ToListAsync(cancellationToken);

    public async Task<ArticleEditorViewModel> NewEditorAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var sections = await SectionsAsync(cancellationToken);
        var input = new ArticleInput { SectionId = sections.FirstOrDefault()?.Id ?? 0, Byline = user.FindFirstValue(Areas.Admin.Controllers.NewsPortalClaims.DisplayName) };
        return new ArticleEditorViewModel(null, input, ArticleStatus.Draft, null, null, null, null, null, sections, await RecentMediaAsync(cancellationToken), IsPublisher(user), true, true, []);
    }

    public async Task<ArticleEditorViewModel?> EditorAsync(int id, ClaimsPrincipal user, ArticleInput? posted, IReadOnlyList<string> notices, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return null;
        }

        return new ArticleEditorViewModel(
            article.Id,
            posted ?? ToInput(article),
            article.Status,
            article.Status == ArticleStatus.Published ? "/bai-viet/" + article.Slug : null,
            article.ScheduledAtUtc,
            article.UnpublishAtUtc,
            article.PublishedAtUtc,
            article.ReviewNotes,
            await SectionsAsync(cancellationToken),
            await RecentMediaAsync(cancellationToken),
            IsPublisher(user),
            CanEdit(user, article),
            article.AuthorId == user.FindFirstValue(ClaimTypes.NameIdentifier),
            notices);
    }

    public async Task<SaveOutcome> CreateAsync(ArticleInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (clean, notices) = RepairLegacyText(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var rendered = await ValidateAsync(clean, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new SaveOutcome(null, 0, errors, notices, null);
        }

        var now = Now;
        var slug = await UniqueSlugAsync(clean, null, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return new SaveOutcome(null, 0, errors, notices, null);
        }

        var article = new Article(clean.Title, slug, clean.SectionId, now, user.FindFirstValue(ClaimTypes.NameIdentifier));
        if (!await ApplyAsync(article, clean, rendered!, errors, cancellationToken))
        {
            return new SaveOutcome(null, 0, errors, notices, null);
        }

        db.Articles.Add(article);
        db.ArticleRevisions.Add(new ArticleRevision(article, 1, TagList(clean.Tags), UserName(user), "Tạo bài viết", now));
        await db.SaveChangesAsync(cancellationToken);
        // Recorded once the article has its id, so the entry points at it.
        audit.Record(AuditActions.ArticleCreated, "article", Id(article), $"Tạo bài viết “{article.Title}”.");
        await db.SaveChangesAsync(cancellationToken);
        return new SaveOutcome(article.Id, article.Version, errors, notices, null);
    }

    /// <summary>
    /// Saves the editor's changes if they were made on the stored version; otherwise nothing is
    /// written and the outcome carries both versions for the editor to merge.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(int id, ArticleInput input, ClaimsPrincipal user, string? note, CancellationToken cancellationToken)
    {
        var article = await db.Articles.Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return new SaveOutcome(null, 0, new Dictionary<string, string> { [string.Empty] = "Không tìm thấy bài viết." }, [], null);
        }

        if (!CanEdit(user, article))
        {
            throw new UnauthorizedAccessException();
        }

        var (clean, notices) = RepairLegacyText(input);
        if (article.Version != clean.Version)
        {
            return new SaveOutcome(id, article.Version, new Dictionary<string, string>(), notices, await ConflictAsync(article, clean, cancellationToken));
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var rendered = await ValidateAsync(clean, errors, cancellationToken);
        var slug = errors.Count == 0 ? await UniqueSlugAsync(clean, article.Id, errors, cancellationToken) : article.Slug;
        if (errors.Count > 0)
        {
            return new SaveOutcome(id, article.Version, errors, notices, null);
        }

        var now = Now;
        if (!string.Equals(slug, article.Slug, StringComparison.Ordinal))
        {
            // The old address keeps working: it answers 301 to the new one.
            db.ArticleSlugRedirects.Add(new ArticleSlugRedirect(article.Id, article.Slug, now));
            // Renaming back to an earlier slug: that slug is no longer a redirect (in the same save).
            db.ArticleSlugRedirects.RemoveRange(await db.ArticleSlugRedirects.Where(r => r.Slug == slug).ToListAsync(cancellationToken));
        }

        article.Rename(clean.Title, slug);
        if (!await ApplyAsync(article, clean, rendered!, errors, cancellationToken))
        {
            return new SaveOutcome(id, article.Version, errors, notices, null);
        }

        var number = await db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0;
        db.ArticleRevisions.Add(new ArticleRevision(article, number + 1, TagList(clean.Tags), UserName(user), note, now));
        // The version the editor started from is the one the UPDATE must still find.
        db.Entry(article).Property(a => a.Version).OriginalValue = clean.Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved first (the version moved on, or took the same revision number).
            db.ChangeTracker.Clear();
            var current = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Id == id, cancellationToken);
            return new SaveOutcome(id, current.Version, new Dictionary<string, string>(), notices, await ConflictAsync(current, clean, cancellationToken));
        }

        return new SaveOutcome(id, article.Version, errors, notices, null);
    }

    /// <summary>Applies a workflow step; the entity guards the state, this checks the role.</summary>
    public async Task<string?> TransitionAsync(int id, string step, TransitionInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return "Không tìm thấy bài viết.";
        }

        var publisher = IsPublisher(user);
        var own = article.AuthorId == user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = Now;
        try
        {
            switch (step)
            {
                case "gui-duyet" when publisher || own:
                    article.SubmitForReview(now);
                    audit.Record(AuditActions.ArticleSubmitted, "article", Id(article), $"Gửi duyệt “{article.Title}”.");
                    break;
                case "tra-lai" when publisher:
                    article.ReturnToDraft(input.Notes, now);
                    audit.Record(AuditActions.ArticleReturned, "article", Id(article), $"Trả lại “{article.Title}” cho tác giả. Ghi chú: {input.Notes}");
                    break;
                case "len-lich" when publisher:
                    var at = input.At is { } local ? VietnamClock.ToUtc(local) : throw new DomainException("Vui lòng chọn thời điểm xuất bản.");
                    article.Schedule(at, now);
                    audit.Record(AuditActions.ArticleScheduled, "article", Id(article), $"Lên lịch xuất bản “{article.Title}” lúc {VietnameseDate.DateTime(VietnamClock.ToLocal(at))}.");
                    break;
                case "xuat-ban" when publisher:
                    article.Publish(now);
                    audit.Record(AuditActions.ArticlePublished, "article", Id(article), $"Xuất bản “{article.Title}”.");
                    break;
                case "hen-go" when publisher:
                    article.ScheduleUnpublish(input.At is { } downLocal ? VietnamClock.ToUtc(downLocal) : null, now);
                    audit.Record(AuditActions.ArticleScheduled, "article", Id(article), input.At is { } t ? $"Hẹn gỡ “{article.Title}” lúc {VietnameseDate.DateTime(t)}." : $"Hủy hẹn gỡ “{article.Title}”.");
                    break;
                case "go-bai" when publisher:
                    article.Unpublish(now);
                    audit.Record(AuditActions.ArticleUnpublished, "article", Id(article), $"Gỡ bài “{article.Title}”.");
                    break;
                case "thung-rac" when publisher || (own && article.Status is ArticleStatus.Draft or ArticleStatus.PendingReview):
                    article.Trash(now);
                    audit.Record(AuditActions.ArticleTrashed, "article", Id(article), $"Chuyển “{article.Title}” vào thùng rác.");
                    break;
                case "khoi-phuc" when publisher || own:
                    article.Restore(now);
                    audit.Record(AuditActions.ArticleRestored, "article", Id(article), $"Khôi phục “{article.Title}” từ thùng rác.");
                    break;
                case "xoa" when publisher:
                    article.EnsureDeletable();
                    db.Articles.Remove(article);
                    audit.Record(AuditActions.ArticleDeleted, "article", Id(article), $"Xóa vĩnh viễn “{article.Title}”.");
                    break;
                case "gui-duyet" or "tra-lai" or "len-lich" or "xuat-ban" or "hen-go" or "go-bai" or "thung-rac" or "khoi-phuc" or "xoa":
                    throw new UnauthorizedAccessException();
                default:
                    return "Thao tác không hợp lệ.";
            }

            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DomainException ex)
        {
            return ex.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Bài viết vừa được người khác thay đổi. Vui lòng tải lại trang và thử lại.";
        }
    }

    public async Task<RevisionListViewModel?> RevisionsAsync(int id, CancellationToken cancellationToken)
    {
        var title = await db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return null;
        }

        var rows = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.CreatedAtUtc, r.UserName, r.Note, r.Title)).ToListAsync(cancellationToken);
        return new RevisionListViewModel(id, title, rows);
    }

    public async Task<RevisionDiffViewModel?> DiffAsync(int id, int from, int to, CancellationToken cancellationToken)
    {
        var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id && (r.Number == from || r.Number == to)).ToListAsync(cancellationToken);
        var a = revisions.FirstOrDefault(r => r.Number == from);
        var b = revisions.FirstOrDefault(r => r.Number == to);
        if (a is null || b is null)
        {
            return null;
        }

        var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        IReadOnlyList<(string, IReadOnlyList<DiffPiece>)> fields =
        [
            ("Tiêu đề", WordDiff.Compare(a.Title, b.Title)),
            ("Đường dẫn", WordDiff.Compare(a.Slug, b.Slug)),
            ("Sapo", WordDiff.Compare(a.Lead, b.Lead)),
            ("Nội dung", WordDiff.Compare(a.BodyMarkdown, b.BodyMarkdown)),
            ("Chuyên mục", WordDiff.Compare(sections.GetValueOrDefault(a.SectionId), sections.GetValueOrDefault(b.SectionId))),
            ("Thẻ", WordDiff.Compare(a.Tags, b.Tags)),
            ("Tác giả", WordDiff.Compare(a.Byline, b.Byline)),
            ("Nguồn", WordDiff.Compare(a.Source, b.Source)),
            ("Mô tả", WordDiff.Compare(a.MetaDescription, b.MetaDescription)),
            ("Chú thích ảnh", WordDiff.Compare(a.FeaturedCaption, b.FeaturedCaption)),
        ];
        return new RevisionDiffViewModel(id, b.Title, Row(a), Row(b), fields);

        static RevisionRow Row(ArticleRevision r) => new(r.Number, r.CreatedAtUtc, r.UserName, r.Note, r.Title);
    }

    /// <summary>Restoring saves the old content as a new revision; nothing is lost.</summary>
    public async Task<SaveOutcome> RestoreRevisionAsync(int id, int number, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var revision = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == id && r.Number == number, cancellationToken);
        // Revisions don't keep the comment setting: restoring one leaves it as it is now.
        var current = await db.Articles.Where(a => a.Id == id).Select(a => new { a.Version, a.CommentsMode }).SingleOrDefaultAsync(cancellationToken);
        if (revision is null || current is null)
        {
            return new SaveOutcome(null, 0, new Dictionary<string, string> { [string.Empty] = "Không tìm thấy phiên bản." }, [], null);
        }

        var input = new ArticleInput
        {
            Title = revision.Title,
            Slug = revision.Slug,
            Lead = revision.Lead,
            Body = revision.BodyMarkdown,
            SectionId = revision.SectionId,
            Tags = revision.Tags,
            Byline = revision.Byline,
            Source = revision.Source,
            MetaDescription = revision.MetaDescription,
            FeaturedMediaId = revision.FeaturedMediaId,
            FeaturedCaption = revision.FeaturedCaption,
            FeaturedAlt = revision.FeaturedAlt,
            CommentsMode = current.CommentsMode,
            Version = current.Version,
        };
        audit.Record(AuditActions.ArticleRevisionRestored, "article", id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Khôi phục phiên bản {number} của “{revision.Title}”.");
        return await SaveAsync(id, input, user, $"Khôi phục phiên bản {number}", cancellationToken);
    }

    public RenderResult Preview(string? markdown) => renderer.Render(LegacyVietnamese.Repair(markdown).Text);

    public static ArticleInput ToInput(Article article) => new()
    {
        Title = article.Title,
        Slug = article.Slug,
        Lead = article.Lead,
        Body = article.BodyMarkdown,
        SectionId = article.SectionId,
        Tags = TagList(string.Join(", ", article.Tags.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Name))),
        Byline = article.Byline,
        Source = article.Source,
        MetaDescription = article.MetaDescription,
        FeaturedMediaId = article.FeaturedMediaId,
        FeaturedCaption = article.FeaturedCaption,
        FeaturedAlt = article.FeaturedAlt,
        CommentsMode = article.CommentsMode,
        Version = article.Version,
    };

    /// <summary>
    /// Text pasted from old documents typed in TCVN3 (ABC) or VNI fonts is converted to Unicode,
    /// field by field, and the editor is told which fields were converted.
    /// </summary>
    internal static (ArticleInput Input, IReadOnlyList<string> Notices) RepairLegacyText(ArticleInput input)
    {
        var notices = new List<string>();
        string? Fix(string? value, string label)
        {
            var result = LegacyVietnamese.Repair(value);
            if (result.Converted)
            {
                notices.Add($"Trường “{label}” được chuyển từ mã {(result.Encoding == LegacyEncoding.Tcvn3 ? "TCVN3 (ABC)" : "VNI")} sang Unicode. Vui lòng kiểm tra lại.");
            }

            return result.Text;
        }

        var clean = input with
        {
            Title = Fix(input.Title, "Tiêu đề") ?? string.Empty,
            Lead = Fix(input.Lead, "Sapo"),
            Body = Fix(input.Body, "Nội dung"),
            Tags = Fix(input.Tags, "Thẻ"),
            Byline = Fix(input.Byline, "Tác giả"),
            Source = Fix(input.Source, "Nguồn"),
            MetaDescription = Fix(input.MetaDescription, "Mô tả"),
            FeaturedCaption = Fix(input.FeaturedCaption, "Chú thích ảnh"),
            FeaturedAlt = Fix(input.FeaturedAlt, "Mô tả ảnh"),
        };
        return (clean, notices);
    }

    private async Task<RenderResult?> ValidateAsync(ArticleInput input, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        if (!await db.Sections.AnyAsync(s => s.Id == input.SectionId, cancellationToken))
        {
            errors[nameof(ArticleInput.SectionId)] = "Chuyên mục không tồn tại.";
        }

        if (input.FeaturedMediaId is { } mediaId)
        {
            if (!await db.Media.AnyAsync(m => m.Id == mediaId, cancellationToken))
            {
                errors[nameof(ArticleInput.FeaturedMediaId)] = "Ảnh không tồn tại.";
            }
            else if (string.IsNullOrWhiteSpace(input.FeaturedAlt))
            {
                errors[nameof(ArticleInput.FeaturedAlt)] = "Ảnh đại diện phải có mô tả thay thế (alt).";
            }
        }

        var rendered = renderer.Render(input.Body);
        if (!rendered.Succeeded)
        {
            errors[nameof(ArticleInput.Body)] = rendered.Error!;
        }

        return rendered;
    }

    private async Task<string> UniqueSlugAsync(ArticleInput input, int? articleId, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var wanted = VietnameseText.Slugify(string.IsNullOrWhiteSpace(input.Slug) ? input.Title : input.Slug, Article.SlugMaxLength);
        if (wanted.Length == 0)
        {
            errors[nameof(ArticleInput.Slug)] = "Không tạo được đường dẫn từ tiêu đề; vui lòng nhập đường dẫn.";
            return string.Empty;
        }

        var explicitSlug = !string.IsNullOrWhiteSpace(input.Slug);
        var candidate = wanted;
        for (var n = 2; await SlugTakenAsync(candidate, articleId, cancellationToken); n++)
        {
            if (explicitSlug)
            {
                errors[nameof(ArticleInput.Slug)] = "Đường dẫn này đã được bài viết khác sử dụng.";
                return string.Empty;
            }

            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            candidate = wanted[..Math.Min(wanted.Length, Article.SlugMaxLength - suffix.Length)].TrimEnd('-') + suffix;
        }

        return candidate;
    }

    private async Task<bool> SlugTakenAsync(string slug, int? articleId, CancellationToken cancellationToken) =>
        await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != articleId, cancellationToken)
        || await db.ArticleSlugRedirects.AnyAsync(r => r.Slug == slug && r.ArticleId != articleId, cancellationToken);

    private async Task<bool> ApplyAsync(Article article, ArticleInput input, RenderResult rendered, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        try
        {
            article.SetSection(input.SectionId);
            article.SetContent(input.Lead ?? string.Empty, input.Body ?? string.Empty, rendered.Html, input.Byline, input.Source, input.MetaDescription, Now);
            var media = input.FeaturedMediaId is { } mediaId ? await db.Media.SingleAsync(m => m.Id == mediaId, cancellationToken) : null;
            article.SetFeaturedPhoto(media, input.FeaturedCaption, input.FeaturedAlt);
            if (article.CommentsMode != input.CommentsMode)
            {
                article.SetCommentsMode(input.CommentsMode, Now);
            }
            await SetTagsAsync(article, input.Tags, cancellationToken);
            return true;
        }
        catch (DomainException ex)
        {
            errors[string.Empty] = ex.Message;
            return false;
        }
    }

    private async Task SetTagsAsync(Article article, string? tags, CancellationToken cancellationToken)
    {
        var names = TagNames(tags);
        var slugs = names.Select(n => VietnameseText.Slugify(n, Tag.SlugMaxLength)).ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(cancellationToken);
        article.Tags.Clear();
        foreach (var (name, slug) in names.Zip(slugs))
        {
            if (slug.Length == 0 || article.Tags.Any(t => t.Slug == slug))
            {
                continue;
            }

            var tag = existing.FirstOrDefault(t => t.Slug == slug);
            if (tag is null)
            {
                tag = new Tag(name.Length > Tag.NameMaxLength ? name[..Tag.NameMaxLength] : name, slug);
                existing.Add(tag);
            }

            article.Tags.Add(tag);
        }
    }

    private static List<string> TagNames(string? tags) =>
        [.. (tags ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(t => t.Length > 0).Take(30)];

    private static string TagList(string? tags) => string.Join(", ", TagNames(tags));

    private async Task<ArticleConflictViewModel> ConflictAsync(Article current, ArticleInput mine, CancellationToken cancellationToken)
    {
        var theirs = ToInput(current);
        var last = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == current.Id).OrderByDescending(r => r.Number)
            .Select(r => new { r.UserName, r.CreatedAtUtc }).FirstOrDefaultAsync(cancellationToken);
        return new ArticleConflictViewModel(
            current.Id,
            mine with { Version = current.Version },
            theirs,
            last?.UserName ?? "?",
            last?.CreatedAtUtc ?? current.UpdatedAtUtc,
            WordDiff.Compare(theirs.Title, mine.Title),
            WordDiff.Compare(theirs.Lead, mine.Lead),
            WordDiff.Compare(theirs.Body, mine.Body),
            await SectionsAsync(cancellationToken),
            await RecentMediaAsync(cancellationToken));
    }

    private static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? AuditLog.System;

    private static string Id(Article article) => article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services;
using NewsPortal.Web.Services.Comments;
using NewsPortal.Web.Services.Seo;
using NewsPortal.Web.ViewModels;

namespace NewsPortal.Web.Controllers;

public sealed class ArticlesController(PublicContentService content, CommentService comments, SavedArticleService saved) : Controller
{
    /// <summary>"Lưu bài viết": the article as one self-contained HTML file, downloaded.</summary>
    [HttpGet("bai-viet/{slug}/luu")]
    public async Task<IActionResult> Save(string slug, CancellationToken cancellationToken)
    {
        var file = Slugs.IsWellFormed(slug, Article.SlugMaxLength) ? await saved.SaveAsync(slug, cancellationToken) : null;
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=300";
        return File(file.Content, "text/html; charset=utf-8", file.FileName);
    }

    [HttpGet("bai-viet/{slug}")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Show(
        string slug,
        [FromQuery(Name = "trang-binh-luan"), Range(1, 100_000)] int? commentPage,
        [FromQuery(Name = "tra-loi"), Range(1, int.MaxValue)] int? replyTo,
        [FromQuery(Name = "cho-duyet"), Range(1, int.MaxValue)] int? pending,
        [FromQuery(Name = "ma")] string? token,
        CancellationToken cancellationToken)
    {
        if (!Slugs.IsWellFormed(slug, Article.SlugMaxLength))
        {
            return NotFound();
        }

        // The author's own pending comment, only with the token they were given after posting.
        var pendingId = pending is { } id && comments.IsPendingTokenFor(token, id) ? id : (int?)null;
        if (pending is not null)
        {
            Response.Headers.CacheControl = "private, no-store";
        }

        var article = await content.GetArticleAsync(slug, pendingId, cancellationToken);
        if (article is null)
        {
            // An old address of a renamed article moves permanently to the new one.
            var renamed = await content.FindRenamedAsync(slug, cancellationToken);
            return renamed is null ? NotFound() : RedirectPermanent("/bai-viet/" + renamed);
        }

        var model = WithDiscussion(article, commentPage, replyTo, pendingId, CommentFormValues.Empty, null, null);
        if (model is null)
        {
            return NotFound();
        }

        PageTags.Add(HttpContext, PageTags.Page(article.Id), PageTags.Shows(article.Slug), PageTags.ArticlePages, PageTags.Related(article.Section.Slug));
        foreach (var card in article.Related)
        {
            PageTags.AddShows(HttpContext, card.Slug);
        }

        foreach (var tag in article.Tags)
        {
            PageTags.Add(HttpContext, PageTags.RelatedByTag(tag.Slug));
        }

        return View(model);
    }

    /// <summary>
    /// The comment form. No antiforgery token (pages are cacheable): the browser's Origin (or Referer)
    /// must be this site, and the form token from the page must be genuine, recent and old enough.
    /// </summary>
    [HttpPost("bai-viet/{slug}/binh-luan")]
    [RequestSizeLimit(64 * 1024)]
    public async Task<IActionResult> Post(string slug, [FromForm] CommentInput input, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (!Slugs.IsWellFormed(slug, Article.SlugMaxLength))
        {
            return NotFound();
        }

        if (!IsSameOrigin(Request))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await comments.PostAsync(slug, input, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        switch (outcome.Kind)
        {
            case CommentOutcomeKind.NotFound:
                return NotFound();
            case CommentOutcomeKind.TooMany:
                Response.Headers.RetryAfter = outcome.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return StatusCode(StatusCodes.Status429TooManyRequests);
            case CommentOutcomeKind.Accepted:
                var url = string.Create(CultureInfo.InvariantCulture, $"/bai-viet/{slug}?cho-duyet={outcome.CommentId}&ma={Uri.EscapeDataString(comments.IssuePendingToken(outcome.CommentId))}#binh-luan-{outcome.CommentId}");
                Response.Headers.Location = url;
                return StatusCode(StatusCodes.Status303SeeOther);
        }

        var article = await content.GetArticleAsync(slug, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        var model = WithDiscussion(article, null, input.ParentId, null, input.Values, outcome.Errors, outcome.Message)!;
        Response.StatusCode = outcome.Kind == CommentOutcomeKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return View(nameof(Show), model);
    }

    private ArticlePageViewModel? WithDiscussion(
        ArticlePageViewModel article, int? page, int? replyTo, int? pendingId, CommentFormValues values,
        IReadOnlyDictionary<string, string>? errors, string? message)
    {
        var perPage = article.CommentsPerPage;
        var threads = article.Comments;
        var totalPages = Math.Max(1, (threads.Count + perPage - 1) / perPage);
        if (page is null && pendingId is { } own)
        {
            // Open the page that holds the author's pending comment.
            var index = threads.ToList().FindIndex(t => Contains(t, own));
            page = index < 0 ? 1 : (index / perPage) + 1;
        }

        var current = page ?? 1;
        if (current > totalPages)
        {
            return null;
        }

        var slice = threads.Skip((current - 1) * perPage).Take(perPage).ToList();
        return article with
        {
            Discussion = new CommentSectionViewModel(
                slice, current, totalPages, comments.IssueFormToken(article.Id), replyTo, values,
                errors ?? new Dictionary<string, string>(StringComparer.Ordinal), message),
        };
    }

    private static bool Contains(CommentNode node, int id) => node.Id == id || node.Replies.Any(r => Contains(r, id));

    /// <summary>Origin, or Referer when a browser sends no Origin, must be this site's own scheme and host.</summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        var own = request.Scheme + "://" + request.Host.Value;
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin))
        {
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase);
        }

        var referer = request.Headers.Referer.ToString();
        return Uri.TryCreate(referer, UriKind.Absolute, out var uri)
            && string.Equals(uri.GetLeftPart(UriPartial.Authority), own, StringComparison.OrdinalIgnoreCase);
    }
}

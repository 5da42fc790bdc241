using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services;

namespace NewsPortal.Web.Controllers;

public sealed class ArticlesController(PublicContentService content, ViewCounter views) : Controller
{
    [HttpGet("bai-viet/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        if (!Slugs.IsWellFormed(slug, Article.SlugMaxLength))
        {
            return NotFound();
        }

        var article = await content.GetArticleAsync(slug, cancellationToken);
        if (article is null)
        {
            // An old address of a renamed article moves permanently to the new one.
            var renamed = await content.FindRenamedAsync(slug, cancellationToken);
            return renamed is null ? NotFound() : RedirectPermanent("/bai-viet/" + renamed);
        }

        views.Count(article.Id);
        return View(article);
    }
}

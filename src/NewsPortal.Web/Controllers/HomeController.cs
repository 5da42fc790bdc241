using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Services;

namespace NewsPortal.Web.Controllers;

public sealed class HomeController(PublicContentService content) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var model = await content.GetHomeAsync(cancellationToken);
        PageTags.Add(HttpContext, PageTags.Home);
        var cards = new[] { model.LeadStory }.Concat(model.Newest).Concat(model.Sections.SelectMany(s => s.Articles)).Concat(model.MostRead);
        foreach (var card in cards.OfType<ViewModels.ArticleCard>())
        {
            PageTags.AddShows(HttpContext, card.Slug);
        }

        return View(model);
    }
}

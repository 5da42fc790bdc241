using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.ViewModels;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services;

namespace NewsPortal.Web.Controllers;

/// <summary>Section, tag and date archives, paged with <c>?trang=N</c>.</summary>
public sealed class ArchiveController(PublicContentService content) : Controller
{
    public const int MaxPage = 100_000;

    [HttpGet("chuyen-muc/{slug}")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Section(string slug, [FromQuery(Name = "trang"), Range(1, MaxPage)] int page = 1, CancellationToken cancellationToken = default)
    {
        var model = Slugs.IsWellFormed(slug, Domain.Section.SlugMaxLength) ? await content.GetSectionAsync(slug, page, cancellationToken) : null;
        return Page(model, PageTags.Section(slug));
    }

    [HttpGet("the/{slug}")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Tag(string slug, [FromQuery(Name = "trang"), Range(1, MaxPage)] int page = 1, CancellationToken cancellationToken = default)
    {
        var model = Slugs.IsWellFormed(slug, Domain.Tag.SlugMaxLength) ? await content.GetTagAsync(slug, page, cancellationToken) : null;
        return Page(model, PageTags.Tag(slug));
    }

    [HttpGet("luu-tru/{year:int}/{month:int?}/{day:int?}")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Date(int year, int? month, int? day, [FromQuery(Name = "trang"), Range(1, MaxPage)] int page = 1, CancellationToken cancellationToken = default)
    {
        var model = await content.GetDateArchiveAsync(year, month, day, page, cancellationToken);
        return Page(model, PageTags.Archive);
    }

    private IActionResult Page(ArchiveViewModel? model, string tag)
    {
        if (model is null)
        {
            return NotFound();
        }

        PageTags.Add(HttpContext, tag);
        foreach (var card in model.Articles.Items)
        {
            PageTags.AddShows(HttpContext, card.Slug);
        }

        return View("Index", model);
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services;

namespace NewsPortal.Web.Controllers;

/// <summary>Section, tag and date archives, paged with <c>?trang=N</c>.</summary>
public sealed class ArchiveController(PublicContentService content) : Controller
{
    public const int MaxPage = 100_000;

    [HttpGet("chuyen-muc/{slug}")]
    public async Task<IActionResult> Section(string slug, [FromQuery(Name = "trang"), Range(1, MaxPage)] int page = 1, CancellationToken cancellationToken = default)
    {
        var model = Slugs.IsWellFormed(slug, Domain.Section.SlugMaxLength) ? await content.GetSectionAsync(slug, page, cancellationToken) : null;
        return model is null ? NotFound() : View("Index", model);
    }

    [HttpGet("the/{slug}")]
    public async Task<IActionResult> Tag(string slug, [FromQuery(Name = "trang"), Range(1, MaxPage)] int page = 1, CancellationToken cancellationToken = default)
    {
        var model = Slugs.IsWellFormed(slug, Domain.Tag.SlugMaxLength) ? await content.GetTagAsync(slug, page, cancellationToken) : null;
        return model is null ? NotFound() : View("Index", model);
    }

    [HttpGet("luu-tru/{year:int}/{month:int?}/{day:int?}")]
    public async Task<IActionResult> Date(int year, int? month, int? day, [FromQuery(Name = "trang"), Range(1, MaxPage)] int page = 1, CancellationToken cancellationToken = default)
    {
        var model = await content.GetDateArchiveAsync(year, month, day, page, cancellationToken);
        return model is null ? NotFound() : View("Index", model);
    }
}

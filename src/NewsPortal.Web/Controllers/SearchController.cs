using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure.Caching;
using NewsPortal.Web.Services.Search;

namespace NewsPortal.Web.Controllers;

/// <summary>The search page: <c>/tim-kiem?q=…&amp;chuyen-muc=…&amp;tu=…&amp;den=…&amp;trang=N</c>.</summary>
public sealed class SearchController(SearchService search) : Controller
{
    [HttpGet("tim-kiem")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Index(
        [FromQuery(Name = "q")] string? query,
        [FromQuery(Name = "chuyen-muc")] string? section,
        [FromQuery(Name = "tu")] string? from,
        [FromQuery(Name = "den")] string? to,
        [FromQuery(Name = "trang"), Range(1, ArchiveController.MaxPage)] int page = 1,
        CancellationToken cancellationToken = default)
    {
        try
        {
            var model = await search.SearchAsync(new SearchForm(query, section, from, to, page), cancellationToken);
            if (model is null)
            {
                return NotFound();
            }

            PageTags.Add(HttpContext, PageTags.Search);
            foreach (var result in model.Results?.Items ?? [])
            {
                PageTags.AddShows(HttpContext, result.Card.Slug);
            }

            return View(model);
        }
        catch (SearchUnavailableException)
        {
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }
}

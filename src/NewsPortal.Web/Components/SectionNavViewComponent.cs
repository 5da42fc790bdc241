using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Services;
using NewsPortal.Web.ViewModels;

namespace NewsPortal.Web.Components;

/// <summary>The section menu in the header.</summary>
public sealed class SectionNavViewComponent(PublicContentService content) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        List<SectionLink> sections;
        try
        {
            sections = await content.GetSectionLinksAsync(HttpContext.RequestAborted);
        }
        catch (Exception ex) when (DatabaseFailure.IsUnavailable(ex))
        {
            // The 503 page is drawn with this layout too: without the database it has no menu.
            sections = [];
        }

        return View(sections);
    }
}

using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Services;

namespace NewsPortal.Web.Controllers;

public sealed class HomeController(PublicContentService content) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await content.GetHomeAsync(cancellationToken));
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.ViewModels;

namespace NewsPortal.Web.Controllers;

/// <summary>Friendly Vietnamese pages for every error status; never a stack trace.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    public const int RetryAfterSeconds = 30;

    /// <summary>The exception handler re-executes here: 503 when the database or Redis is away, else 500.</summary>
    [Route("loi/ngoai-le")]
    public IActionResult Exception()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = DatabaseFailure.IsUnavailable(error) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        return ErrorPage(status);
    }

    [Route("loi/{code:int}")]
    public IActionResult Status(int code)
    {
        // Reached directly rather than re-executed for an error: there is no such page.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            return ErrorPage(StatusCodes.Status404NotFound);
        }

        return ErrorPage(code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError);
    }

    private ViewResult ErrorPage(int status)
    {
        Response.StatusCode = status;
        if (status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status429TooManyRequests && !Response.Headers.ContainsKey("Retry-After"))
        {
            Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Response.Headers.CacheControl = "no-store";
        return View("Error", ErrorViewModel.For(status));
    }
}

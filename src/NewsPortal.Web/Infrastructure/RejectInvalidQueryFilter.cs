using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// A GET whose route or query values do not bind or validate (<c>?trang=abc</c>, <c>?trang=-1</c>)
/// is the client's mistake: 400 with the friendly page, never a 500 or a silently wrong page.
/// Forms (POST) show their errors next to the fields instead.
/// </summary>
public sealed class RejectInvalidQueryFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.ModelState.IsValid && (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)))
        {
            context.Result = new BadRequestResult();
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

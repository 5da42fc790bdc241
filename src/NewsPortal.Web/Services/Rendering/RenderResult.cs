namespace NewsPortal.Web.Services.Rendering;

/// <summary>The outcome of rendering: safe HTML, or a Vietnamese message saying why not.</summary>
public sealed record RenderResult(string Html, string? Error)
{
    public bool Succeeded => Error is null;

    public static RenderResult Ok(string html) => new(html, null);

    public static RenderResult Fail(string error) => new(string.Empty, error);
}

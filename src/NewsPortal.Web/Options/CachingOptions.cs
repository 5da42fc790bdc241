namespace NewsPortal.Web.Options;

public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    /// <summary>
    /// Keep public pages in the output cache (the default). Off, every request runs the controller
    /// and its queries: for measuring the uncached render (bench) and for counting queries (tests).
    /// </summary>
    public bool OutputCache { get; set; } = true;
}

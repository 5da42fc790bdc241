namespace NewsPortal.Web.Options;

public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    /// <summary>
    /// Keep public pages in the output cache (the default). Off, every request runs the controller
    /// and its queries: for measuring the uncached render (bench) and for counting queries (tests).
    /// </summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>
    /// The most the in-memory output cache holds (one node without Redis), in MiB; the least
    /// recently used pages go first. 64 MiB is the home page, every section and about 2,000
    /// article pages, and keeps a node within 256 MiB of memory. With Redis the pages are there.
    /// </summary>
    public int OutputCacheSizeMegabytes { get; set; } = 64;
}

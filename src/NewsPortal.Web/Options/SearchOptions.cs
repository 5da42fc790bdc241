using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Options;

public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// Folder of this node's Lucene index, relative to the content root. Every web node keeps its
    /// own index and fills it from the database, so nodes share nothing but the database.
    /// </summary>
    [Required]
    public string IndexPath { get; set; } = "App_Data/search-index";

    /// <summary>How often a node looks for articles changed on other nodes.</summary>
    [Range(0.1, 3600)]
    public double SyncIntervalSeconds { get; set; } = 2;

    /// <summary>Each pass also re-reads the articles changed this recently (by the clock), to cover clock skew between nodes and slow commits.</summary>
    [Range(0, 86_400)]
    public int SyncOverlapSeconds { get; set; } = 300;

    /// <summary>How often a node compares the whole index with the database (catches deletions and anything missed).</summary>
    [Range(1, 10_080)]
    public int ReconcileMinutes { get; set; } = 10;

    /// <summary>Results per page.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 10;

    /// <summary>Longest query accepted, in characters.</summary>
    [Range(10, 2_000)]
    public int MaxQueryLength { get; set; } = 200;
}

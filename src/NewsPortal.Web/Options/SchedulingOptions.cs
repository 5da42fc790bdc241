using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Options;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>How often the scheduler looks for due articles.</summary>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 30;

    public bool Enabled { get; set; } = true;
}

using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Options;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Sign-in and two-factor attempts allowed per client address in each window.</summary>
    [Range(1, 100_000)]
    public int SignInPermitLimit { get; set; } = 10;

    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);
}

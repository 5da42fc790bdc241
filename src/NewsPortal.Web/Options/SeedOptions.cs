using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Options;

public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Seed an empty database with the sample site and the first administrator.</summary>
    public bool Enabled { get; set; } = true;

    [Required]
    [EmailAddress]
    public string AdminEmail { get; set; } = "admin@newsportal.local";

    /// <summary>
    /// The first administrator's password (environment variable <c>Seed__AdminPassword</c>).
    /// When empty a strong one is generated and printed once to the console.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>Where the generated password is also written (owner-only), relative to the content root.</summary>
    public string GeneratedPasswordFile { get; set; } = "App_Data/initial-admin-password.txt";
}

using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Options;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (default), SqlServer or PostgreSql.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. For SQLite a relative <c>Data Source</c> is taken from the content root.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=App_Data/newsportal.db";

    /// <summary>
    /// Apply pending migrations at start-up. On by default so <c>dotnet run</c> needs nothing else;
    /// production on SQL Server turns it off and applies the reviewed script or bundle (docs/operations.md).
    /// </summary>
    public bool ApplyMigrationsOnStartup { get; set; } = true;

    /// <summary>Seconds a command may run before it fails (and the page answers 503).</summary>
    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}

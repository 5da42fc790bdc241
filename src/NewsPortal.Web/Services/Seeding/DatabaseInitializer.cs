using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Options;

namespace NewsPortal.Web.Services.Seeding;

/// <summary>Brings the database up to date at start-up (when configured) and seeds an empty one.</summary>
public static partial class DatabaseInitializer
{
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = services.GetRequiredService<NewsDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (options.ApplyMigrationsOnStartup)
        {
            if (db.Database.IsSqlite())
            {
                await PrepareSqliteAsync(db, cancellationToken);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(logger, pending.Count, options.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }

        await services.GetRequiredService<DatabaseSeeder>().SeedAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Statistics for the query planner (sqlite_stat1), from a sample of each index, so it
            // takes milliseconds on a 1 GB file, after the migrations (new indexes) and the seed.
            // Without them SQLite guessed that "Status = 1" was more selective than one commenter's
            // e-mail and walked 450,000 approved comments on every post. SQLite advises it for
            // long-running applications; it analyzes only the tables that need it.
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", cancellationToken);
        }
    }

    /// <summary>
    /// Write-ahead logging lets readers go on while one writer writes; it is a property of the
    /// database file, so setting it once at start-up covers every later connection.
    /// </summary>
    private static async Task PrepareSqliteAsync(NewsDbContext db, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is ":memory:" or "")
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Applying {Count} pending migrations on {Provider}")]
    private static partial void LogMigrating(ILogger logger, int count, DatabaseProvider provider);
}

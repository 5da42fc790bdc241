using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsPortal.Web.Options;

namespace NewsPortal.Web.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NewsDbContext"/> on the configured provider. Services depend on
    /// <see cref="NewsDbContext"/> only; the provider subclass decides which migrations apply.
    /// </summary>
    public static IServiceCollection AddNewsPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options.ConnectionString, environment.ContentRootPath);
                services.AddDbContext<NewsDbContext, SqliteNewsDbContext>((sp, o) => ConfigureSqlite(o.AddInterceptors(sp.GetServices<IInterceptor>()), sqlite, options.CommandTimeoutSeconds));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<NewsDbContext, SqlServerNewsDbContext>((sp, o) => ConfigureSqlServer(o.AddInterceptors(sp.GetServices<IInterceptor>()), options.ConnectionString, options.CommandTimeoutSeconds));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<NewsDbContext, PostgreSqlNewsDbContext>((sp, o) => ConfigurePostgreSql(o.AddInterceptors(sp.GetServices<IInterceptor>()), options.ConnectionString, options.CommandTimeoutSeconds));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'.");
        }

        services.AddHealthChecks().AddDbContextCheck<NewsDbContext>("database", tags: ["ready"]);
        return services;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder builder, string connectionString, int timeoutSeconds = 30) =>
        builder.UseSqlite(connectionString, o => o.CommandTimeout(timeoutSeconds).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    internal static void ConfigureSqlServer(DbContextOptionsBuilder builder, string connectionString, int timeoutSeconds = 30) =>
        builder.UseSqlServer(connectionString, o => o.CommandTimeout(timeoutSeconds).EnableRetryOnFailure().UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    internal static void ConfigurePostgreSql(DbContextOptionsBuilder builder, string connectionString, int timeoutSeconds = 30) =>
        builder.UseNpgsql(connectionString, o => o.CommandTimeout(timeoutSeconds).UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    /// <summary>Resolves a relative SQLite file against the content root and creates its folder.</summary>
    internal static string SqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source
            && !source.Equals(":memory:", StringComparison.OrdinalIgnoreCase)
            && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        return builder.ToString();
    }
}

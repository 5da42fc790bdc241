using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real app under WebApplicationFactory, on a real database. The clock is pinned to the
/// moment the original page was viewed (Chủ nhật Ngày 03 Tháng 07 Năm 2022, 01:30:31 in UTC+7).
/// </summary>
public abstract class NewsPortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminPassword = "kiem-thu-quan-tri-2022";

    public static readonly DateTimeOffset PinnedNow = new(2022, 7, 2, 18, 30, 31, TimeSpan.Zero);

    protected NewsPortalFactory()
    {
        WorkDirectory = Path.Combine(Path.GetTempPath(), "np-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(WorkDirectory);
    }

    /// <summary>A private folder for this host's database file and logs.</summary>
    public string WorkDirectory { get; }

    public string LogDirectory => Path.Combine(WorkDirectory, "logs");

    /// <summary>This host's search index folder (a restart with the same folder keeps the index).</summary>
    public virtual string SearchIndexPath => Path.Combine(WorkDirectory, "search-index");

    public FakeTimeProvider Clock { get; } = new(PinnedNow);

    /// <summary>Extra settings a test class needs (page size, seeding off, …).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Pin the app's clock to <see cref="PinnedNow"/> (browser tests use the real one).</summary>
    protected virtual bool PinClock => true;

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DisposeResourcesAsync();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    protected virtual Task DisposeResourcesAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Seed:AdminPassword", AdminPassword);
        builder.UseSetting("Seed:GeneratedPasswordFile", Path.Combine(WorkDirectory, "initial-admin-password.txt"));
        builder.UseSetting("Search:IndexPath", SearchIndexPath);
        // Read lazily by Serilog when the host builds its logger, so an app-configuration
        // source suffices (a host setting here confuses Serilog's reader of the sink list).
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(LogDirectory, "newsportal-.log"),
        }));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (PinClock)
        {
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        }
    }

    /// <summary>Everything the app logged so far (the rolling file sink's files).</summary>
    public string ReadLogs()
    {
        if (!Directory.Exists(LogDirectory))
        {
            return string.Empty;
        }

        return string.Concat(Directory.GetFiles(LogDirectory).Order(StringComparer.Ordinal).Select(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }
}

public class SqliteFactory : NewsPortalFactory
{
    protected override string Provider => "Sqlite";

    public string SqliteConnectionString => $"Data Source={Path.Combine(WorkDirectory, "newsportal.db")}";

    protected override string ConnectionString => SqliteConnectionString;
}

/// <summary>The same app on a throwaway PostgreSQL 15 cluster of its own.</summary>
public class PostgreSqlFactory : NewsPortalFactory
{
    private string? _connectionString;

    public PostgresCluster? Cluster { get; private set; }

    protected override string Provider => "PostgreSql";

    protected override string ConnectionString => _connectionString ?? throw new InvalidOperationException("The cluster has not started.");

    public override async Task InitializeAsync()
    {
        Cluster = await PostgresCluster.StartAsync();
        _connectionString = await Cluster.CreateDatabaseAsync();
    }

    protected override async Task DisposeResourcesAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

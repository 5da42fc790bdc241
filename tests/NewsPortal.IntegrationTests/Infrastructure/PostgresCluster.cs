using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster: initdb into a temp folder, pg_ctl on 127.0.0.1 and a free
/// port, stopped and deleted on dispose. As root, the server runs as the postgres user
/// (initdb refuses root).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private readonly string _dataDirectory;
    private bool _running;

    private PostgresCluster(string dataDirectory, int port)
    {
        _dataDirectory = dataDirectory;
        Port = port;
    }

    public int Port { get; }

    public static bool IsAvailable => File.Exists(Path.Combine(BinDirectory, "initdb")) && File.Exists(Path.Combine(BinDirectory, "pg_ctl"));

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=5;Command Timeout=30";

    public static async Task<PostgresCluster> StartAsync()
    {
        if (!IsAvailable)
        {
            throw new InvalidOperationException($"PostgreSQL 15 server binaries were not found in {BinDirectory}.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "np-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var cluster = new PostgresCluster(directory, FreePort());
        try
        {
            if (IsRoot)
            {
                await RunAsync("chown", $"postgres:postgres {directory}");
            }

            await RunPostgresToolAsync("initdb", $"-D {directory} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync --no-instructions");
            var options = $"-p {cluster.Port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            await RunPostgresToolAsync("pg_ctl", $"-D {directory} -l {directory}/server.log -w -t 60 -o \"{options}\" start");
            cluster._running = true;
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "np_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server at once, as a crash or an outage would.</summary>
    public async Task StopAsync()
    {
        if (_running)
        {
            _running = false;
            NpgsqlConnection.ClearAllPools();
            await RunPostgresToolAsync("pg_ctl", $"-D {_dataDirectory} -m immediate -w stop");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunPostgresToolAsync(string tool, string arguments)
    {
        var path = Path.Combine(BinDirectory, tool);
        return IsRoot ? RunAsync("runuser", $"-u postgres -- {path} {arguments}") : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string fileName, string arguments)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            var stdout = await output;
            var stderr = await error;
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"{fileName} {arguments} exited with {process.ExitCode}: {stdout} {stderr}"));
        }
    }
}

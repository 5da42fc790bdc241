using System.Diagnostics;
using System.Text;
using NewsPortal.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace NewsPortal.IntegrationTests.Proxy;

/// <summary>
/// Runs bench/multinode.sh (PostgreSQL, Redis, two portal processes and nginx on 127.0.0.1) with
/// this build's NewsPortal.Web, and requires every one of its four checks to pass. The script is
/// the proof; this test makes CI run it and fails when a check is missing from its output.
/// </summary>
public sealed class MultiNodeScriptTests(ITestOutputHelper output)
{
    private const string Nginx = "/usr/sbin/nginx";

    /// <summary>The checks the script must report, each as a "PASS name: ..." line.</summary>
    private static readonly string[] Checks = ["sign-in", "eviction", "photo", "scheduler"];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task TheScriptPassesEveryCheckThroughNginx()
    {
        var missing = new List<string>();
        if (!PostgresCluster.IsAvailable)
        {
            missing.Add($"the PostgreSQL 15 server binaries ({PostgresCluster.BinDirectory})");
        }

        if (!RedisServer.IsAvailable)
        {
            missing.Add(RedisServer.Executable);
        }

        if (!File.Exists(Nginx))
        {
            missing.Add(Nginx);
        }

        Assert.True(missing.Count == 0, $"The several-nodes check needs {string.Join(", ", missing)}; ./test.sh installs them (apt-get install postgresql-15 redis-server nginx-light).");

        var root = SolutionRoot();
        var portal = PortalBuild(root);
        Assert.True(File.Exists(Path.Combine(portal, "NewsPortal.Web.dll")), $"NewsPortal.Web.dll is not in {portal}: build the test project first.");

        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        info.ArgumentList.Add(Path.Combine(root, "bench", "multinode.sh"));
        info.ArgumentList.Add(portal);
        info.Environment["MULTINODE_TIMEOUT"] = "200";

        var log = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The script bounds itself; this is the last resort if it does not.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"bench/multinode.sh did not finish within {Timeout}:\n{Text(log)}");
        }

        // WaitForExitAsync has seen the end of both streams once it returns.
        var text = Text(log);
        output.WriteLine(text);
        Assert.True(process.ExitCode == 0, $"bench/multinode.sh exited with {process.ExitCode}:\n{text}");
        var lines = text.Split('\n');
        foreach (var check in Checks)
        {
            Assert.True(lines.Any(l => l.StartsWith($"PASS {check}:", StringComparison.Ordinal)), $"No \"PASS {check}\" line in the script's output:\n{text}");
        }

        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL ", StringComparison.Ordinal));
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    /// <summary>
    /// The portal's own build output for the configuration and framework this test was built
    /// with (src/NewsPortal.Web/bin/Debug/net10.0 after a Debug build of the test project).
    /// </summary>
    private static string PortalBuild(string root)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        return Path.Combine(root, "src", "NewsPortal.Web", "bin", configuration.Name, framework.Name);
    }

    private static string SolutionRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NewsPortal.sln not found above " + AppContext.BaseDirectory);
    }
}

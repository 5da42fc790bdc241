using System.Diagnostics;
using System.Text.Json;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's python3-feedparser, the parser many feed readers are built on, run on a feed's bytes.
/// /usr/bin/python3 explicitly: a pyenv shim earlier on the PATH has no Debian packages.
/// </summary>
public static class PythonFeedParser
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        import feedparser, json, sys, calendar
        d = feedparser.parse(sys.stdin.buffer.read())
        def when(t):
            return calendar.timegm(t) if t else None
        print(json.dumps({
            "bozo": bool(d.bozo),
            "error": str(d.get("bozo_exception", "")),
            "version": d.version,
            "title": d.feed.get("title"),
            "link": d.feed.get("link"),
            "entries": [{
                "title": e.get("title"),
                "link": e.get("link"),
                "id": e.get("id"),
                "summary": e.get("summary"),
                "author": e.get("author"),
                "published": when(e.get("published_parsed")),
                "tags": [t.term for t in e.get("tags", [])],
                "enclosures": [x.get("href") for x in e.get("enclosures", [])],
            } for e in d.entries],
        }))
        """;

    private static readonly Lazy<bool> Installed = new(() => Run("import feedparser", []).ExitCode == 0);

    public static bool IsInstalled => File.Exists(Python) && Installed.Value;

    public const string InstallHint = "python3-feedparser is not installed; ./test.sh installs it (apt-get install -y python3-feedparser).";

    public static JsonDocument Parse(byte[] feed)
    {
        var (exitCode, output, error) = Run(Script, feed);
        Assert.True(exitCode == 0, "feedparser failed: " + error);
        return JsonDocument.Parse(output);
    }

    private static (int ExitCode, string Output, string Error) Run(string script, byte[] input)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException("feedparser did not finish in time.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}

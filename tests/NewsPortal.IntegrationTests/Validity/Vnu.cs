using System.Diagnostics;
using System.Text.Json;

namespace NewsPortal.IntegrationTests.Validity;

/// <summary>One message of the Nu HTML Checker: type "error", "info" (subType "warning" or none) or "non-document-error".</summary>
public sealed record VnuMessage(string Type, string? SubType, string File, int? Line, int? Column, string Message, string? Extract)
{
    public bool IsError => Type is "error" or "non-document-error";

    public override string ToString() =>
        $"line {Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}, column {Column?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}: {Message}"
        + (Extract is null ? string.Empty : $"\n      near: {Extract.ReplaceLineEndings("⏎")}");
}

/// <summary>
/// The W3C Nu HTML Checker (vnu.jar from the npm package vnu-jar, installed by test.sh into
/// tests/tools) run once, in one JVM, over a set of files.
/// </summary>
public static class Vnu
{
    public const string JavaPath = "/usr/bin/java";

    private const string JarInTools = "tests/tools/node_modules/vnu-jar/build/dist/vnu.jar";

    /// <summary>The jar: NEWSPORTAL_VNU_JAR, or tests/tools/node_modules in the repository above the test binaries.</summary>
    public static string? FindJar()
    {
        if (Environment.GetEnvironmentVariable("NEWSPORTAL_VNU_JAR") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, JarInTools);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Why the checker cannot run here, or null when it can.</summary>
    public static string? MissingReason()
    {
        if (!File.Exists(JavaPath))
        {
            return $"Java is not installed at {JavaPath}; ./test.sh installs it (apt-get install default-jre-headless).";
        }

        if (Environment.GetEnvironmentVariable("NEWSPORTAL_VNU_JAR") is { Length: > 0 } configured && !File.Exists(configured))
        {
            return $"NEWSPORTAL_VNU_JAR names {configured}, which does not exist.";
        }

        return FindJar() is null
            ? $"vnu.jar is not installed ({JarInTools}); ./test.sh installs it (cd tests/tools && npm ci --no-audit --no-fund --ignore-scripts)."
            : null;
    }

    /// <summary>
    /// Checks every file in one run, as HTML or, with <paramref name="asCss"/>, as CSS. (Not both in
    /// one run: with --also-check-css, vnu 26.9.27 reports every HTML line one too low.)
    /// </summary>
    public static async Task<IReadOnlyList<VnuMessage>> CheckAsync(IReadOnlyList<string> files, bool asCss = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var jar = FindJar() ?? throw new InvalidOperationException(MissingReason());
        var start = new ProcessStartInfo(JavaPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // One small JVM: it starts faster and leaves the shared cores to the app.
        foreach (var argument in new[] { "-Xss2m", "-XX:TieredStopAtLevel=1", "-jar", jar, "--format", "json", "--exit-zero-always", "--stdout" })
        {
            start.ArgumentList.Add(argument);
        }

        if (asCss)
        {
            start.ArgumentList.Add("--css");
        }

        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start java.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("vnu.jar did not finish in 5 minutes.");
        }

        var json = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0 || string.IsNullOrWhiteSpace(json))
        {
            throw new InvalidOperationException($"vnu.jar exited with {process.ExitCode}: {errors}");
        }

        var messages = Parse(json);
        // An error about no file (vnu could not read one, say) would otherwise belong to no page.
        var unattributed = messages.Where(m => m.IsError && m.File.Length == 0).ToList();
        if (unattributed.Count > 0)
        {
            throw new InvalidOperationException("vnu.jar reported errors about no file: " + string.Join("; ", unattributed.Select(m => m.Message)));
        }

        return messages;
    }

    public static IReadOnlyList<VnuMessage> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var messages = new List<VnuMessage>();
        foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            string? Text(string name) => message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            int? Number(string name) => message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
            var url = Text("url");
            // "file:/dir/name.html": the name is enough, every file of a run is in one folder.
            var file = url is null ? string.Empty : Uri.UnescapeDataString(url[(url.LastIndexOf('/') + 1)..]);
            messages.Add(new VnuMessage(
                Text("type") ?? "?", Text("subType"), file, Number("lastLine"), Number("firstColumn") ?? Number("lastColumn"),
                Text("message") ?? string.Empty, Text("extract")));
        }

        return messages;
    }
}

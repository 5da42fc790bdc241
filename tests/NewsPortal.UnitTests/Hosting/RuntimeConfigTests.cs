using System.Text.Json;

namespace NewsPortal.UnitTests.Hosting;

/// <summary>What the built portal tells the .NET runtime (its runtimeconfig.json, as published).</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void ThePortalRunsWithTheConcurrentServerGarbageCollector()
    {
        // The choice measured in docs/performance.md and described in docs/operations.md; a
        // misspelt MSBuild property once left the docs saying one thing and the build another.
        var path = Path.Combine(AppContext.BaseDirectory, "NewsPortal.Web.runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var properties = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
    }
}

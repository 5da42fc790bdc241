using System.Globalization;
using System.Reflection;
using NewsPortal.Web.Services.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NewsPortal.Web.Services.Seeding;

/// <summary>
/// One seed article: YAML front matter (the format of shared/fixtures/seed-article.md) and a
/// Markdown body whose first paragraph is the lead.
/// </summary>
public sealed class SeedDocument
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public required string Title { get; init; }

    /// <summary>Vietnam local time of publication.</summary>
    public required DateTime PublishedLocal { get; init; }

    public required string Section { get; init; }

    public string? Source { get; init; }

    public string? Byline { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? ImageCaption { get; init; }

    public string? ImageAlt { get; init; }

    /// <summary>The image file the body refers to, if any (<c>![alt](file.jpg "caption")</c>).</summary>
    public string? ImageFileName { get; init; }

    public IReadOnlyDictionary<string, string> Abbreviations { get; init; } = new Dictionary<string, string>();

    public required string Lead { get; init; }

    public required string BodyMarkdown { get; init; }

    public static SeedDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = VietnameseText.Nfc(text.Replace("\r\n", "\n", StringComparison.Ordinal))!;
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new FormatException("A seed document starts with YAML front matter.");
        }

        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException("The front matter is not closed by '---'.");
        }

        var front = Yaml.Deserialize<FrontMatter>(text[4..end]) ?? throw new FormatException("Empty front matter.");
        var body = text[(end + 5)..].Trim('\n');
        var split = body.IndexOf("\n\n", StringComparison.Ordinal);
        var lead = split < 0 ? body : body[..split];
        var rest = split < 0 ? string.Empty : body[(split + 2)..].Trim('\n');

        return new SeedDocument
        {
            Title = front.Title ?? throw new FormatException("title is required."),
            PublishedLocal = DateTime.ParseExact(
                front.Published ?? throw new FormatException("published is required."),
                ["yyyy-MM-dd", "yyyy-MM-dd HH:mm"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None),
            Section = front.Section ?? throw new FormatException("section is required."),
            Source = front.Source,
            Byline = front.Byline,
            Tags = front.Tags ?? [],
            ImageCaption = front.Image?.Caption,
            ImageAlt = front.Image?.Alt,
            ImageFileName = ImageFileIn(rest),
            Abbreviations = front.Abbreviations ?? [],
            Lead = lead.Trim(),
            BodyMarkdown = rest,
        };
    }

    /// <summary>The seed documents shipped as embedded resources, the fixture first.</summary>
    public static IReadOnlyList<SeedDocument> LoadEmbedded()
    {
        var assembly = typeof(SeedDocument).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".md", StringComparison.Ordinal) && n.Contains(".Data.Seed.", StringComparison.Ordinal))
            .OrderBy(n => n.EndsWith(".seed-article.md", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
        return [.. names.Select(n => Parse(ReadResource(assembly, n)))];
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string? ImageFileIn(string markdown)
    {
        var start = markdown.IndexOf("![", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var open = markdown.IndexOf("](", start, StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var close = markdown.IndexOfAny([' ', ')'], open + 2);
        return close < 0 ? null : markdown[(open + 2)..close];
    }

    private sealed class FrontMatter
    {
        public string? Title { get; set; }

        public string? Published { get; set; }

        public string? Section { get; set; }

        public string? Source { get; set; }

        public string? Byline { get; set; }

        public List<string>? Tags { get; set; }

        public ImageMatter? Image { get; set; }

        public Dictionary<string, string>? Abbreviations { get; set; }
    }

    private sealed class ImageMatter
    {
        public string? Caption { get; set; }

        public string? Alt { get; set; }
    }
}

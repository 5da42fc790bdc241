using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Imaging;
using NewsPortal.Web.Services.Rendering;
using NewsPortal.Web.Services.Seeding;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Bench;

/// <summary>
/// Fills an empty NewsPortal database with generated articles (10 sections, tags, photos, comments):
/// Vietnamese news text from <see cref="NewsText"/> (topics with a skewed spread, their own units, places,
/// people and figures, now and then a sentence of the real sample articles), bodies rendered by the
/// portal's own Markdown renderer. Deterministic for a given seed.
/// </summary>
internal static class DataGenerator
{
    private const int BatchSize = 2_000;
    private const int PhotoCount = 200;

    private static readonly string[] SectionNames =
    [
        "Tin tức – Sự kiện", "Cải cách hành chính", "Chính phủ điện tử", "Quốc phòng – An ninh", "Xây dựng Đảng",
        "Huấn luyện – Sẵn sàng chiến đấu", "Hậu cần – Kỹ thuật", "Dân vận", "Pháp luật", "Văn hóa – Xã hội",
    ];

    private static readonly string[] Bylines =
    [
        "Tin, ảnh: VĂN DƯƠNG", "Bài, ảnh: HOÀNG MINH", "Tin: THU HÀ", "NGUYỄN VĂN HÙNG", "Bài, ảnh: LÒ VĂN PỌM", "Tin, ảnh: ĐỨC THẮNG",
        "PHẠM THỊ HUYỀN", "Tin: QUANG HUY", "Bài, ảnh: VŨ LONG", "Tin, ảnh: MINH ĐỨC",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var watch = Stopwatch.StartNew();
        await using (var db = options.CreateContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            await db.Database.MigrateAsync();
            if (await db.Articles.AnyAsync())
            {
                Console.Error.WriteLine("The database already has articles; generate into an empty one.");
                return 1;
            }
        }

        Console.WriteLine($"migrated in {watch.Elapsed.TotalSeconds:F1} s");
        var random = new Random(options.Seed);
        var text = new NewsText(random, LoadSentences());
        var renderer = new ArticleRenderer(NullLogger<ArticleRenderer>.Instance);
        var now = DateTime.UtcNow;

        var (sectionIds, tagIds, abbreviationTags, photoIds) = await CreateReferenceDataAsync(options, now);
        Console.WriteLine($"sections, {tagIds.Count} tags and {photoIds.Count} photos in {watch.Elapsed.TotalSeconds:F1} s");

        var span = TimeSpan.FromDays(365 * 8);
        var first = now - span;
        var articleIds = new List<int>(options.Articles);
        for (var done = 0; done < options.Articles; done += BatchSize)
        {
            await using var db = options.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var count = Math.Min(BatchSize, options.Articles - done);
            var batch = new List<Article>(count);
            var stories = new List<List<int>>(count);
            for (var i = 0; i < count; i++)
            {
                var n = done + i;
                // Evenly spread over eight years, oldest first, with a little jitter.
                var published = first + TimeSpan.FromTicks(span.Ticks / options.Articles * n) + TimeSpan.FromMinutes(random.Next(0, 600));
                var topic = text.NextTopic();
                var story = text.NextStory(topic, published);
                var article = NewArticle(n, story, renderer, random, sectionIds[topic.Section], published, now);
                if (random.Next(3) == 0)
                {
                    var photoId = photoIds[random.Next(photoIds.Count)];
                    db.Entry(article).Property(a => a.FeaturedMediaId).CurrentValue = photoId;
                    db.Entry(article).Property(a => a.FeaturedAlt).CurrentValue = "Ảnh minh họa: cán bộ, chiến sĩ Quân khu 2 làm nhiệm vụ";
                    db.Entry(article).Property(a => a.FeaturedCaption).CurrentValue = "Cán bộ, chiến sĩ trong giờ làm nhiệm vụ.";
                }

                db.Articles.Add(article);
                batch.Add(article);
                stories.Add(TagsOf(topic, story, published, random, tagIds, abbreviationTags));
            }

            await db.SaveChangesAsync();
            // Tags go through the join table directly: topic, province, district or year, sometimes an abbreviation.
            for (var i = 0; i < batch.Count; i++)
            {
                var article = batch[i];
                foreach (var tagId in stories[i])
                {
                    db.Set<Dictionary<string, object>>("ArticleTags").Add(new Dictionary<string, object> { ["ArticlesId"] = article.Id, ["TagsId"] = tagId });
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            articleIds.AddRange(batch.Select(a => a.Id));
            if ((done / BatchSize) % 10 == 9 || done + count >= options.Articles)
            {
                Console.WriteLine($"{done + count} articles in {watch.Elapsed.TotalSeconds:F1} s");
            }
        }

        await CreateCommentsAsync(options, random, text, articleIds, now, watch);
        Console.WriteLine($"done: {options.Articles} articles, {options.Comments} comments in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static Article NewArticle(int n, NewsText.Story story, ArticleRenderer renderer, Random random, int sectionId, DateTime published, DateTime now)
    {
        var slug = VietnameseText.Slugify(story.Title, 150) + "-" + n.ToString(CultureInfo.InvariantCulture);
        var lead = story.Lead.Length > Article.LeadMaxLength ? story.Lead[..Article.LeadMaxLength] : story.Lead;
        var markdown = string.Join("\n\n", story.Paragraphs);
        var article = new Article(story.Title.Length > Article.TitleMaxLength ? story.Title[..Article.TitleMaxLength] : story.Title, slug, sectionId, now);
        article.SetContent(lead, markdown, renderer.Render(markdown).Html, Bylines[random.Next(Bylines.Length)], "QK2", null, now);
        article.Publish(now, published);
        return article;
    }

    private static List<int> TagsOf(NewsText.Topic topic, NewsText.Story story, DateTime published, Random random, Dictionary<string, int> tags, List<int> abbreviations)
    {
        var chosen = new List<int> { tags[topic.Tag] };
        if (random.Next(2) == 0)
        {
            chosen.Add(tags[story.Province]);
        }

        if (random.Next(3) == 0)
        {
            chosen.Add(tags[story.District]);
        }

        if (random.Next(4) == 0)
        {
            chosen.Add(tags["Năm " + published.Year.ToString(CultureInfo.InvariantCulture)]);
        }

        if (abbreviations.Count > 0 && random.Next(8) == 0)
        {
            chosen.Add(abbreviations[random.Next(abbreviations.Count)]);
        }

        return chosen.Distinct().ToList();
    }

    /// <summary>Every sentence of the sample articles' leads and bodies, Markdown marks removed.</summary>
    private static List<string> LoadSentences()
    {
        var sentences = new List<string>();
        foreach (var document in SeedDocument.LoadEmbedded())
        {
            var text = document.Lead + "\n" + document.BodyMarkdown;
            foreach (var line in text.Split('\n'))
            {
                var clean = line.Trim().TrimStart('#', '>', '-', '*', ' ').Replace("**", string.Empty, StringComparison.Ordinal).Replace("*", string.Empty, StringComparison.Ordinal);
                if (clean.StartsWith('!') || clean.StartsWith('|') || clean.Length < 20)
                {
                    continue;
                }

                foreach (var sentence in clean.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (sentence.Length >= 20 && !sentence.Contains('[', StringComparison.Ordinal))
                    {
                        sentences.Add(sentence.EndsWith('.') ? sentence : sentence + ".");
                    }
                }
            }
        }

        return sentences;
    }

    private static async Task<(Dictionary<string, int> Sections, Dictionary<string, int> Tags, List<int> AbbreviationTags, List<int> Photos)> CreateReferenceDataAsync(Options options, DateTime now)
    {
        await using var db = options.CreateContext();
        var sections = SectionNames.Select((name, i) => new Section(name, VietnameseText.Slugify(name), i + 1, "Tin bài về " + name.ToLowerInvariant() + ".")).ToList();
        db.Sections.AddRange(sections);

        var abbreviations = await db.Abbreviations.Select(a => a.ShortForm).ToListAsync();
        var tagNames = NewsText.Topics.Select(t => t.Tag)
            .Concat(NewsText.Provinces).Concat(NewsText.Districts).Concat(abbreviations)
            .Concat(Enumerable.Range(2015, 12).Select(year => "Năm " + year.ToString(CultureInfo.InvariantCulture)))
            .Distinct(StringComparer.Ordinal);
        var tags = tagNames.Select(name => new Tag(name, VietnameseText.Slugify(name))).DistinctBy(t => t.Slug).ToList();
        db.Tags.AddRange(tags);

        var processor = new ImageProcessor(new ImageProcessingOptions());
        var photos = new List<Media>();
        var templates = Enumerable.Range(1, 10).Select(i => processor.Process(PlaceholderPhoto.Create(i))).ToList();
        for (var i = 0; i < PhotoCount; i++)
        {
            var processed = templates[i % templates.Count];
            var original = processed.Original!;
            var media = new Media($"anh-bench-{i + 1:000}.jpg", original.ContentType, original.Width, processed.HeightAt(original.Width), original.Content, "Ảnh minh họa", now);
            foreach (var variant in processed.Variants)
            {
                media.Variants.Add(new MediaVariant(variant.Width, processed.HeightAt(variant.Width), variant.ContentType, variant.Content));
            }

            photos.Add(media);
        }

        db.Media.AddRange(photos);
        await db.SaveChangesAsync();
        return (sections.ToDictionary(s => s.Name, s => s.Id), tags.ToDictionary(t => t.Name, t => t.Id),
            tags.Where(t => abbreviations.Contains(t.Name)).Select(t => t.Id).ToList(), photos.Select(p => p.Id).ToList());
    }

    private static async Task CreateCommentsAsync(Options options, Random random, NewsText text, List<int> articleIds, DateTime now, Stopwatch watch)
    {
        for (var done = 0; done < options.Comments; done += BatchSize * 5)
        {
            await using var db = options.CreateContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var count = Math.Min(BatchSize * 5, options.Comments - done);
            for (var i = 0; i < count; i++)
            {
                // Newer articles draw more comments: the index is skewed toward the end of the list.
                var article = articleIds[(int)(articleIds.Count * Math.Pow(random.NextDouble(), 0.5))];
                var comment = new Comment(article, null, text.Person(), $"doc-gia-{random.Next(100_000)}@example.vn", null, text.Comment(), $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}", now.AddMinutes(-random.Next(0, 500_000)));
                if (random.Next(10) != 0)
                {
                    comment.Approve(now);
                }

                db.Comments.Add(comment);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if ((done / (BatchSize * 5)) % 10 == 9 || done + count >= options.Comments)
            {
                Console.WriteLine($"{done + count} comments in {watch.Elapsed.TotalSeconds:F1} s");
            }
        }
    }

    private sealed record Options(string Provider, string Connection, int Articles, int Comments, int Seed)
    {
        public static Options Parse(string[] args)
        {
            string Get(string name, string fallback)
            {
                var at = Array.IndexOf(args, "--" + name);
                return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
            }

            return new Options(
                Get("provider", "Sqlite"),
                Get("connection", "Data Source=bench/.data/newsportal-bench.db"),
                int.Parse(Get("articles", "100000"), CultureInfo.InvariantCulture),
                int.Parse(Get("comments", "0"), CultureInfo.InvariantCulture),
                int.Parse(Get("seed", "42"), CultureInfo.InvariantCulture));
        }

        public NewsDbContext CreateContext()
        {
            switch (Provider)
            {
                case "Sqlite":
                    var sqlite = new DbContextOptionsBuilder<SqliteNewsDbContext>();
                    DataServiceCollectionExtensions.ConfigureSqlite(sqlite, DataServiceCollectionExtensions.SqliteConnectionString(Connection, Environment.CurrentDirectory));
                    return new SqliteNewsDbContext(sqlite.Options);
                case "PostgreSql":
                    var postgres = new DbContextOptionsBuilder<PostgreSqlNewsDbContext>();
                    DataServiceCollectionExtensions.ConfigurePostgreSql(postgres, Connection);
                    return new PostgreSqlNewsDbContext(postgres.Options);
                default:
                    throw new ArgumentException($"Unknown provider '{Provider}' (Sqlite or PostgreSql).");
            }
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Imaging;
using NewsPortal.Web.Services.Seeding;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Bench;

/// <summary>
/// Fills an empty NewsPortal database with generated articles (10 sections, tags, photos, comments)
/// whose sentences come from the real sample articles, so the text has real Vietnamese words at real
/// frequencies. Deterministic for a given seed.
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

    private static readonly string[] Places =
    [
        "Phú Thọ", "Hà Giang", "Tuyên Quang", "Lào Cai", "Yên Bái", "Lai Châu", "Điện Biên", "Sơn La", "Hòa Bình", "Vĩnh Phúc",
        "Mường Khương", "Bát Xát", "Mường Tè", "Đồng Văn", "Mèo Vạc", "Sìn Hồ", "Tủa Chùa", "Mộc Châu", "Bắc Hà", "Than Uyên",
    ];

    private static readonly string[] TitleOpenings =
    [
        "Quân khu 2 triển khai", "Bộ Chỉ huy Quân sự tỉnh {0} tổng kết", "Đẩy mạnh", "Nâng cao hiệu quả", "Hội nghị sơ kết",
        "Kiểm tra công tác", "{0}: ra quân", "Tập huấn", "Hoàn thành", "Lực lượng vũ trang {0} tích cực", "Ban Chỉ huy Quân sự huyện {0} thực hiện",
        "Phát động phong trào", "Ứng dụng công nghệ thông tin trong", "Bảo đảm", "Sơ kết 6 tháng",
    ];

    private static readonly string[] TitleSubjects =
    [
        "cải cách hành chính", "chuyển đổi số", "dịch vụ công trực tuyến", "huấn luyện chiến sĩ mới", "diễn tập khu vực phòng thủ",
        "tuyển quân năm {1}", "công tác dân vận", "phòng chống thiên tai", "xây dựng Chính phủ điện tử", "quản lý văn bản điều hành",
        "thủ tục hành chính một cửa", "tuần tra biên giới", "tăng gia sản xuất", "phổ biến giáo dục pháp luật", "sẵn sàng chiến đấu",
        "bảo đảm hậu cần", "giúp dân thu hoạch mùa màng", "xây dựng nông thôn mới", "cơ sở dữ liệu quốc phòng", "an toàn thông tin",
    ];

    private static readonly string[] Bylines =
    [
        "Tin, ảnh: VĂN DƯƠNG", "Bài, ảnh: HOÀNG MINH", "Tin: THU HÀ", "NGUYỄN VĂN HÙNG", "Bài, ảnh: LÒ VĂN PỌM", "Tin, ảnh: ĐỨC THẮNG",
        "PHẠM THỊ HUYỀN", "Tin: QUANG HUY", "Bài, ảnh: VŨ LONG", "Tin, ảnh: MINH ĐỨC",
    ];

    private static readonly string[] CommentNames =
    [
        "Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung", "Hoàng Văn Em", "Vũ Thị Giang", "Đặng Quốc Huy", "Bùi Thị Lan",
        "Đỗ Minh Khôi", "Lò Thị Mai", "Sùng A Páo", "Giàng Thị Súa", "Hà Văn Thắng", "Triệu Thị Uyên", "Ngô Đức Vinh",
    ];

    private static readonly string[] CommentTexts =
    [
        "Bài viết rất thiết thực, cảm ơn tòa soạn.", "Mong đơn vị tiếp tục phát huy.", "Thủ tục giờ nhanh hơn nhiều so với trước.",
        "Xin hỏi hồ sơ nộp trực tuyến ở đâu ạ?", "Tự hào về bộ đội Cụ Hồ!", "Cần nhân rộng mô hình này ở các địa phương khác.",
        "Dịch vụ công trực tuyến rất tiện, không phải đi lại nhiều.", "Chúc các chiến sĩ mới hoàn thành tốt nhiệm vụ.",
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
        var sentences = LoadSentences();
        var now = DateTime.UtcNow;

        var (sectionIds, tagIds, photoIds) = await CreateReferenceDataAsync(options, now);
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
            for (var i = 0; i < count; i++)
            {
                var n = done + i;
                // Evenly spread over eight years, oldest first, with a little jitter.
                var published = first + TimeSpan.FromTicks(span.Ticks / options.Articles * n) + TimeSpan.FromMinutes(random.Next(0, 600));
                var article = NewArticle(n, random, sentences, sectionIds[random.Next(sectionIds.Count)], published, now);
                if (random.Next(3) == 0)
                {
                    var photoId = photoIds[random.Next(photoIds.Count)];
                    db.Entry(article).Property(a => a.FeaturedMediaId).CurrentValue = photoId;
                    db.Entry(article).Property(a => a.FeaturedAlt).CurrentValue = "Ảnh minh họa: cán bộ, chiến sĩ Quân khu 2 làm nhiệm vụ";
                    db.Entry(article).Property(a => a.FeaturedCaption).CurrentValue = "Cán bộ, chiến sĩ trong giờ làm nhiệm vụ.";
                }

                db.Articles.Add(article);
                batch.Add(article);
            }

            await db.SaveChangesAsync();
            // Tags go through the join table directly: 1–4 per article.
            var links = new StringBuilder();
            foreach (var article in batch)
            {
                foreach (var tagId in Enumerable.Range(0, random.Next(1, 5)).Select(_ => tagIds[random.Next(tagIds.Count)]).Distinct())
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

        await CreateCommentsAsync(options, random, articleIds, now, watch);
        Console.WriteLine($"done: {options.Articles} articles, {options.Comments} comments in {watch.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static Article NewArticle(int n, Random random, IReadOnlyList<string> sentences, int sectionId, DateTime published, DateTime now)
    {
        var place = Places[random.Next(Places.Length)];
        var year = published.Year.ToString(CultureInfo.InvariantCulture);
        var title = string.Format(CultureInfo.InvariantCulture, TitleOpenings[random.Next(TitleOpenings.Length)], place, year)
            + " " + string.Format(CultureInfo.InvariantCulture, TitleSubjects[random.Next(TitleSubjects.Length)], place, year)
            + (random.Next(2) == 0 ? $" năm {year}" : $" tại {place}");
        var slug = VietnameseText.Slugify(title, 150) + "-" + n.ToString(CultureInfo.InvariantCulture);
        var lead = Sentence(random, sentences) + " " + Sentence(random, sentences);
        var markdown = new StringBuilder();
        var html = new StringBuilder();
        var paragraphs = random.Next(4, 9);
        for (var p = 0; p < paragraphs; p++)
        {
            var paragraph = string.Join(' ', Enumerable.Range(0, random.Next(2, 5)).Select(_ => Sentence(random, sentences)));
            markdown.Append(paragraph).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        var article = new Article(title, slug, sectionId, now);
        article.SetContent(lead.Length > Article.LeadMaxLength ? lead[..Article.LeadMaxLength] : lead, markdown.ToString().TrimEnd(), html.ToString(), Bylines[random.Next(Bylines.Length)], "QK2", null, now);
        article.Publish(now, published);
        return article;
    }

    private static string Sentence(Random random, IReadOnlyList<string> sentences) => sentences[random.Next(sentences.Count)];

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

    private static async Task<(List<int> Sections, List<int> Tags, List<int> Photos)> CreateReferenceDataAsync(Options options, DateTime now)
    {
        await using var db = options.CreateContext();
        var sections = SectionNames.Select((name, i) => new Section(name, VietnameseText.Slugify(name), i + 1, "Tin bài về " + name.ToLowerInvariant() + ".")).ToList();
        db.Sections.AddRange(sections);

        var tagNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in TitleSubjects)
        {
            tagNames.Add(string.Format(CultureInfo.InvariantCulture, subject, "", "").Trim());
        }

        foreach (var place in Places)
        {
            tagNames.Add(place);
        }

        foreach (var entry in await db.Abbreviations.Select(a => a.ShortForm).ToListAsync())
        {
            tagNames.Add(entry);
        }

        for (var year = 2015; year <= 2026; year++)
        {
            tagNames.Add("Năm " + year.ToString(CultureInfo.InvariantCulture));
        }

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
        return (sections.Select(s => s.Id).ToList(), tags.Select(t => t.Id).ToList(), photos.Select(p => p.Id).ToList());
    }

    private static async Task CreateCommentsAsync(Options options, Random random, List<int> articleIds, DateTime now, Stopwatch watch)
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
                var name = CommentNames[random.Next(CommentNames.Length)];
                var comment = new Comment(article, null, name, $"doc-gia-{random.Next(100_000)}@example.vn", null, CommentTexts[random.Next(CommentTexts.Length)], $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}", now.AddMinutes(-random.Next(0, 500_000)));
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

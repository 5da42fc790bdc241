using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Options;
using NewsPortal.Web.Services.Imaging;
using NewsPortal.Web.Services.Rendering;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Services.Seeding;

/// <summary>
/// Fills an empty database with the sample site: sections, the fixture article and the sample
/// articles with placeholder photos, a few comments, the roles and the first Administrator.
/// A database that has any section, article or user is left alone, so it never runs twice.
/// </summary>
public sealed partial class DatabaseSeeder(
    NewsDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    ArticleRenderer renderer,
    ImageProcessor images,
    TimeProvider time,
    IOptions<SeedOptions> options,
    IHostEnvironment environment,
    ILogger<DatabaseSeeder> logger)
{
    public static readonly IReadOnlyList<(string Name, string Description)> SeedSections =
    [
        ("Tin tức – Sự kiện", "Tin hoạt động của Quân khu và các đơn vị."),
        ("Cải cách hành chính", "Kết quả, kinh nghiệm cải cách hành chính trong lực lượng vũ trang Quân khu."),
        ("Chính phủ điện tử", "Xây dựng Chính phủ điện tử, Chính phủ số và chuyển đổi số."),
        ("Quốc phòng – An ninh", "Nhiệm vụ quốc phòng, an ninh trên địa bàn Quân khu."),
    ];

    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return false;
        }

        if (await db.Sections.AnyAsync(cancellationToken) || await db.Articles.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            LogSkipped(logger);
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var sections = await SeedSectionsAsync(cancellationToken);
            var articles = await SeedArticlesAsync(sections, now, cancellationToken);
            await SeedCommentsAsync(articles[0], now, cancellationToken);
            // Identity's stores share this DbContext, so the account joins the same transaction.
            await SeedRolesAndAdministratorAsync(now);
            await transaction.CommitAsync(cancellationToken);
            LogSeeded(logger, sections.Count, articles.Count);
        });

        return true;
    }

    private async Task<Dictionary<string, Section>> SeedSectionsAsync(CancellationToken cancellationToken)
    {
        var sections = new Dictionary<string, Section>(StringComparer.Ordinal);
        var order = 0;
        foreach (var (name, description) in SeedSections)
        {
            var section = new Section(name, VietnameseText.Slugify(name), ++order, description);
            sections[name] = section;
            db.Sections.Add(section);
        }

        await db.SaveChangesAsync(cancellationToken);
        return sections;
    }

    /// <returns>The articles in document order, the fixture first.</returns>
    private async Task<List<Article>> SeedArticlesAsync(Dictionary<string, Section> sections, DateTime now, CancellationToken cancellationToken)
    {
        var documents = SeedDocument.LoadEmbedded();
        var tags = new Dictionary<string, Tag>(StringComparer.Ordinal);
        var photoNumber = 0;
        var articles = new List<Article>(documents.Count);
        foreach (var document in documents)
        {
            if (!sections.TryGetValue(document.Section, out var section))
            {
                section = new Section(document.Section, VietnameseText.Slugify(document.Section), sections.Count + 1);
                sections[document.Section] = section;
                db.Sections.Add(section);
                await db.SaveChangesAsync(cancellationToken);
            }

            var slug = VietnameseText.Slugify(document.Title, Article.SlugMaxLength);
            var article = new Article(document.Title, slug, section.Id, now);
            var rendered = renderer.Render(document.BodyMarkdown);
            if (!rendered.Succeeded)
            {
                throw new InvalidOperationException($"Seed article '{slug}' does not render: {rendered.Error}");
            }

            article.SetContent(document.Lead, document.BodyMarkdown, rendered.Html, document.Byline, document.Source, null, now);

            if (document.ImageAlt is not null)
            {
                var fileName = document.ImageFileName ?? $"{slug[..Math.Min(slug.Length, 60)].TrimEnd('-')}.jpg";
                var media = SeedPhoto(fileName, ++photoNumber, document.ImageAlt, now);
                db.Media.Add(media);
                article.SetFeaturedPhoto(media, document.ImageCaption, document.ImageAlt);
            }

            foreach (var name in document.Tags.Distinct(StringComparer.Ordinal))
            {
                if (!tags.TryGetValue(name, out var tag))
                {
                    tag = new Tag(name, VietnameseText.Slugify(name));
                    tags[name] = tag;
                }

                article.Tags.Add(tag);
            }

            // The fixture, the article the portal was specified from, leads the home page.
            article.Pin(articles.Count == 0, now);
            article.Publish(now, VietnamClock.ToUtc(document.PublishedLocal));
            db.Articles.Add(article);
            articles.Add(article);
        }

        await db.SaveChangesAsync(cancellationToken);
        return articles;
    }

    /// <summary>A placeholder photo stored the way an upload is: re-encoded, with its resized copies.</summary>
    private Media SeedPhoto(string fileName, int number, string alt, DateTime now)
    {
        var processed = images.Process(PlaceholderPhoto.Create(number));
        var original = processed.Original ?? throw new InvalidOperationException("The placeholder photo did not process: " + processed.Error);
        var media = new Media(fileName, original.ContentType, original.Width, processed.HeightAt(original.Width), original.Content, alt, now);
        foreach (var variant in processed.Variants)
        {
            media.Variants.Add(new MediaVariant(variant.Width, processed.HeightAt(variant.Width), variant.ContentType, variant.Content));
        }

        return media;
    }

    /// <summary>A short approved thread and one pending comment on the fixture article.</summary>
    private async Task SeedCommentsAsync(Article fixture, DateTime now, CancellationToken cancellationToken)
    {
        var published = fixture.PublishedAtUtc!.Value;

        var first = new Comment(fixture.Id, null, "Nguyễn Văn Hải", "hai.nguyen@example.vn", null,
            "Bài viết rất thiết thực. Mong Quân khu tiếp tục đẩy mạnh giải quyết thủ tục hành chính trên Cổng Dịch vụ công.",
            "203.0.113.10", published.AddHours(20));
        first.Approve(now);
        db.Comments.Add(first);
        await db.SaveChangesAsync(cancellationToken);

        var reply = new Comment(fixture.Id, first.Id, "Trần Thị Lan", "lan.tran@example.vn", "https://example.vn",
            "Đồng ý với anh Hải.\n\nỞ đơn vị tôi, hồ sơ chính sách nay đã nộp trực tuyến được.",
            "198.51.100.7", published.AddHours(22));
        reply.Approve(now);
        db.Comments.Add(reply);

        db.Comments.Add(new Comment(fixture.Id, null, "Bạn đọc chưa duyệt", "cho.duyet@example.vn", null,
            "Bình luận này đang chờ kiểm duyệt và không hiển thị công khai.", "192.0.2.44", published.AddHours(23)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedRolesAndAdministratorAsync(DateTime now)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var settings = options.Value;
        var generated = string.IsNullOrEmpty(settings.AdminPassword);
        var password = generated ? GeneratePassword() : settings.AdminPassword!;
        var admin = new ApplicationUser
        {
            UserName = settings.AdminEmail,
            Email = settings.AdminEmail,
            EmailConfirmed = true,
            DisplayName = "Quản trị viên",
            CreatedAtUtc = now,
        };
        Check(await users.CreateAsync(admin, password));
        Check(await users.AddToRoleAsync(admin, Roles.Administrator));

        if (generated)
        {
            AnnounceGeneratedPassword(settings, password);
        }
    }

    /// <summary>
    /// Printed straight to the console, never through the logger, so the password does not end
    /// up in log files; also written to an owner-only file for whoever missed the console.
    /// </summary>
    private void AnnounceGeneratedPassword(SeedOptions settings, string password)
    {
        var file = Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.GeneratedPasswordFile));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, $"{settings.AdminEmail}\n{password}\n", Encoding.UTF8);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var line = new string('=', 72);
        Console.WriteLine(line);
        Console.WriteLine(" NewsPortal: the first Administrator account was created.");
        Console.WriteLine($"   Email:    {settings.AdminEmail}");
        Console.WriteLine($"   Password: {password}");
        Console.WriteLine($"   (also saved in {file}; change it after the first sign-in)");
        Console.WriteLine(line);
    }

    private static string GeneratePassword()
    {
        // 20 characters from an unambiguous alphabet: about 110 bits.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding identity failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Seeded {Sections} sections and {Articles} articles")]
    private static partial void LogSeeded(ILogger logger, int sections, int articles);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "The database has content; seeding skipped")]
    private static partial void LogSkipped(ILogger logger);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Data;

public sealed class SeedingTests
{
    private static string FixturePath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "NewsPortal.Web", "Data", "Seed", "seed-article.md");
    }

    [Fact]
    public async Task StartingOnSqliteLeavesPlannerStatisticsForTheCommentIndexes()
    {
        await using var factory = new SqliteFactory();
        _ = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();

        var indexes = await db.Database.SqlQueryRaw<string>("SELECT idx AS \"Value\" FROM sqlite_stat1 WHERE tbl = 'Comments'").ToListAsync();

        Assert.Contains("IX_Comments_AuthorEmail_CreatedAtUtc", indexes);
        Assert.Contains("IX_Comments_Status_CreatedAtUtc", indexes);
    }

    [Fact]
    public async Task TheMigrationSeedsTheGlossaryOfAbbreviations()
    {
        await using var factory = new SqliteFactory();
        _ = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var glossary = await scope.ServiceProvider.GetRequiredService<NewsPortal.Web.Services.Glossary.AbbreviationGlossary>().GetAsync();
        var byShortForm = glossary.ToDictionary(e => e.ShortForm, e => e.Expansion, StringComparer.Ordinal);

        Assert.Equal("cải cách hành chính", byShortForm["CCHC"]);
        Assert.Equal("Chính phủ điện tử", byShortForm["CPĐT"]);
        Assert.Equal("thủ tục hành chính", byShortForm["TTHC"]);
        Assert.Equal("dịch vụ công", byShortForm["DVC"]);
        Assert.Equal("Bộ Quốc phòng", byShortForm["BQP"]);
        Assert.Equal("Quân khu", byShortForm["QK"]);
        Assert.Equal("lực lượng vũ trang", byShortForm["LLVT"]);
        Assert.True(glossary.Count > 7);
        Assert.All(glossary, e => Assert.True(e.Expansion.IsNormalized(System.Text.NormalizationForm.FormC)));
    }

    [Fact]
    public async Task EmptyDatabaseIsSeededOnceWithTheFixtureAndTheAdministrator()
    {
        await using var factory = new SqliteFactory();
        _ = factory.CreateClient();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            Assert.Equal(31, await db.Articles.CountAsync());
            Assert.Equal(4, await db.Sections.CountAsync());

            var fixture = await db.Articles.Include(a => a.Section).Include(a => a.Tags).Include(a => a.FeaturedMedia)
                .SingleAsync(a => a.Slug == "bo-quoc-phong-tong-ket-cong-tac-cai-cach-hanh-chinh-va-xay-dung-chinh-phu-dien-tu-nam-2021");
            var text = (await File.ReadAllTextAsync(FixturePath())).Replace("\r\n", "\n", StringComparison.Ordinal);
            var body = text[(text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5)..].Trim('\n');

            Assert.Equal("Bộ Quốc phòng tổng kết công tác cải cách hành chính và xây dựng Chính phủ điện tử năm 2021", fixture.Title);
            Assert.Equal(body, fixture.Lead + "\n\n" + fixture.BodyMarkdown);
            Assert.Equal("Cải cách hành chính", fixture.Section!.Name);
            Assert.Equal("QK2", fixture.Source);
            Assert.Equal("Tin, ảnh: VĂN DƯƠNG", fixture.Byline);
            Assert.Equal(["Bộ Quốc phòng", "CCHC", "Chính phủ điện tử"], fixture.Tags.Select(t => t.Name).Order(StringComparer.Ordinal));
            Assert.Equal(ArticleStatus.Published, fixture.Status);
            Assert.Equal(new DateTime(2022, 1, 3, 17, 0, 0, DateTimeKind.Utc), fixture.PublishedAtUtc); // 04/01/2022 00:00 in UTC+7
            Assert.Equal("hoi-nghi-diem-cau-quan-khu.jpg", fixture.FeaturedMedia!.FileName);
            Assert.Equal("Toàn cảnh hội nghị tại điểm cầu Quân khu.", fixture.FeaturedCaption);
            Assert.Equal("Toàn cảnh hội nghị trực tuyến tại điểm cầu Quân khu", fixture.FeaturedAlt);
            Assert.True(fixture.IsPinned);

            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = await users.FindByEmailAsync("admin@newsportal.local");
            Assert.NotNull(admin);
            Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
            Assert.True(await users.CheckPasswordAsync(admin, NewsPortalFactory.AdminPassword));
            Assert.Equal(4, await db.Roles.CountAsync());
        }

        // A second start on the same database seeds nothing more.
        await using var again = new SqliteOnSameFileFactory(factory);
        _ = again.CreateClient();
        await using var scope2 = again.Services.CreateAsyncScope();
        var db2 = scope2.ServiceProvider.GetRequiredService<NewsDbContext>();
        Assert.Equal(31, await db2.Articles.CountAsync());
        Assert.Equal(1, await db2.Users.CountAsync());
        Assert.Equal(3, await db2.Comments.CountAsync());
    }

    [Fact]
    public async Task ANonEmptyDatabaseIsNeverTouched()
    {
        await using var factory = new SqliteFactory();
        // Make the database by hand first: migrated, with one section of its own.
        var options = new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite(factory.SqliteConnectionString).Options;
        await using (var db = new SqliteNewsDbContext(options))
        {
            await db.Database.MigrateAsync();
            db.Sections.Add(new Section("Chuyên mục riêng", "chuyen-muc-rieng", 1));
            await db.SaveChangesAsync();
        }

        _ = factory.CreateClient();

        await using var scope = factory.Services.CreateAsyncScope();
        var seeded = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        Assert.Equal(["chuyen-muc-rieng"], await seeded.Sections.Select(s => s.Slug).ToListAsync());
        Assert.Equal(0, await seeded.Articles.CountAsync());
        Assert.Equal(0, await seeded.Users.CountAsync());
    }

    [Fact]
    public async Task GeneratedAdministratorPasswordIsWrittenForTheNewcomerAndWorks()
    {
        await using var factory = new GeneratedPasswordFactory();
        _ = factory.CreateClient();

        var file = Path.Combine(factory.WorkDirectory, "initial-admin-password.txt");
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal("admin@newsportal.local", lines[0]);
        Assert.Equal(20, lines[1].Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("admin@newsportal.local");
        Assert.True(await users.CheckPasswordAsync(admin!, lines[1]));
        // The password never reaches the log files.
        Assert.DoesNotContain(lines[1], factory.ReadLogs(), StringComparison.Ordinal);
    }

    private sealed class SqliteOnSameFileFactory(SqliteFactory first) : SqliteFactory
    {
        protected override string ConnectionString => first.SqliteConnectionString;
    }

    private sealed class GeneratedPasswordFactory : SqliteFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Seed:AdminPassword"] = string.Empty };
    }
}

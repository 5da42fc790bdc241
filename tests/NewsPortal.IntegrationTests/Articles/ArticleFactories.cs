using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Articles;

/// <summary>
/// Settings every article test host shares: the scheduler's timer is off (tests run its pass
/// themselves, so a moved clock never races them), and sign-in is not rate limited (a test
/// signs in several accounts from the one test-client address).
/// </summary>
internal static class ArticleTestSettings
{
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["Scheduling:Enabled"] = "false",
        ["Security:SignInPermitLimit"] = "10000",
    };
}

public class ArticleSqliteFactory : SqliteFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => ArticleTestSettings.Values;
}

public class ArticlePostgreSqlFactory : PostgreSqlFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => ArticleTestSettings.Values;

    /// <summary>The database's connection string, for a second app instance on the same database.</summary>
    public string SharedConnectionString => ConnectionString;
}

/// <summary>Another instance of the app on the first one's PostgreSQL database (its seeding is skipped: the database is not empty).</summary>
public sealed class SecondPostgreSqlInstance(ArticlePostgreSqlFactory first) : PostgreSqlFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => ArticleTestSettings.Values;

    protected override string ConnectionString => first.SharedConnectionString;

    public override Task InitializeAsync() => Task.CompletedTask;
}

/// <summary>Reads what the app stored, through a DbContext of its own.</summary>
public static class ArticleStore
{
    public static async Task<T> QueryAsync<T>(this NewsPortalFactory factory, Func<NewsDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NewsDbContext>());
    }

    public static Task<Article?> ArticleAsync(this NewsPortalFactory factory, int id) =>
        factory.QueryAsync(db => db.Articles.AsNoTracking().Include(a => a.Tags).SingleOrDefaultAsync(a => a.Id == id));

    public static Task<List<ArticleRevision>> RevisionsAsync(this NewsPortalFactory factory, int id) =>
        factory.QueryAsync(db => db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync());

    /// <summary>The audit entries about article <paramref name="id"/>, oldest first.</summary>
    public static Task<List<AuditEntry>> AuditAsync(this NewsPortalFactory factory, int id)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return factory.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetType == "article" && e.TargetId == key).OrderBy(e => e.Id).ToListAsync());
    }

    public static Task<int> FirstSectionIdAsync(this NewsPortalFactory factory) =>
        factory.QueryAsync(db => db.Sections.OrderBy(s => s.SortOrder).Select(s => s.Id).FirstAsync());
}

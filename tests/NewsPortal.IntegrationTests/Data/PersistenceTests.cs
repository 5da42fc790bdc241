using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;

namespace NewsPortal.IntegrationTests.Data;

/// <summary>What the DbContext guarantees on every provider: NFC text, UTC times, versions.</summary>
public abstract class PersistenceTests<TFactory>(TFactory factory)
    where TFactory : NewsPortalFactory
{
    private static NewsDbContext NewContext(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<NewsDbContext>();

    [Fact]
    public async Task TextIsStoredInNfcWhateverFormItCameIn()
    {
        _ = factory.CreateClient();
        var nfdName = "Đoàn kết – Kỷ luật".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Đoàn kết – Kỷ luật", nfdName);

        int id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = NewContext(scope);
            var tag = new Tag(nfdName, "doan-ket-ky-luat-" + Guid.NewGuid().ToString("N")[..6]);
            db.Tags.Add(tag);
            await db.SaveChangesAsync();
            id = tag.Id;
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = NewContext(scope);
            // Found by its NFC spelling: the stored value is NFC.
            Assert.True(await db.Tags.AnyAsync(t => t.Id == id && t.Name == "Đoàn kết – Kỷ luật"));
        }
    }

    [Fact]
    public async Task TimesComeBackAsUtc()
    {
        _ = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var article = await NewContext(scope).Articles.AsNoTracking().FirstAsync();
        Assert.Equal(DateTimeKind.Utc, article.CreatedAtUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, article.PublishedAtUtc!.Value.Kind);
    }

    [Fact]
    public async Task ASaveFromAStaleCopyIsRefusedAndTheVersionMovesOn()
    {
        _ = factory.CreateClient();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await using var scopeA = factory.Services.CreateAsyncScope();
        await using var scopeB = factory.Services.CreateAsyncScope();
        var a = await NewContext(scopeA).Articles.OrderBy(x => x.Id).Skip(3).FirstAsync();
        var b = await NewContext(scopeB).Articles.SingleAsync(x => x.Id == a.Id);
        var before = a.Version;

        a.Rename(a.Title + " (sửa A)", a.Slug);
        await NewContext(scopeA).SaveChangesAsync();
        Assert.Equal(before + 1, a.Version);

        b.Rename(b.Title + " (sửa B)", b.Slug);
        b.Pin(false, now);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => NewContext(scopeB).SaveChangesAsync());

        await using var check = factory.Services.CreateAsyncScope();
        var stored = await NewContext(check).Articles.AsNoTracking().SingleAsync(x => x.Id == a.Id);
        Assert.EndsWith("(sửa A)", stored.Title, StringComparison.Ordinal);
        Assert.Equal(before + 1, stored.Version);
    }
}

public sealed class SqlitePersistenceTests(SqliteFactory factory)
    : PersistenceTests<SqliteFactory>(factory), IClassFixture<SqliteFactory>;

public sealed class PostgreSqlPersistenceTests(PostgreSqlFactory factory)
    : PersistenceTests<PostgreSqlFactory>(factory), IClassFixture<PostgreSqlFactory>;

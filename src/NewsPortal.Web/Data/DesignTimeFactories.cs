using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsPortal.Web.Data;

// Used by `dotnet ef` only: each provider's migrations are generated from its own subclass,
// with a placeholder connection (no server is contacted to add a migration or make a script).

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteNewsDbContext>
{
    public SqliteNewsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteNewsDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlite(builder, "Data Source=design-time.db");
        return new SqliteNewsDbContext(builder.Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerNewsDbContext>
{
    public SqlServerNewsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerNewsDbContext>();
        DataServiceCollectionExtensions.ConfigureSqlServer(builder, "Server=localhost;Database=NewsPortal;Integrated Security=true;TrustServerCertificate=true");
        return new SqlServerNewsDbContext(builder.Options);
    }
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlNewsDbContext>
{
    public PostgreSqlNewsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlNewsDbContext>();
        DataServiceCollectionExtensions.ConfigurePostgreSql(builder, "Host=localhost;Database=newsportal;Username=newsportal");
        return new PostgreSqlNewsDbContext(builder.Options);
    }
}

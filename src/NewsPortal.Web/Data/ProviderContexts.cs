using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Web.Data;

/// <summary>SQLite: the embedded default. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteNewsDbContext(DbContextOptions<SqliteNewsDbContext> options) : NewsDbContext(options);

/// <summary>SQL Server: the production database. Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerNewsDbContext(DbContextOptions<SqlServerNewsDbContext> options) : NewsDbContext(options);

/// <summary>PostgreSQL. Migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlNewsDbContext(DbContextOptions<PostgreSqlNewsDbContext> options) : NewsDbContext(options);

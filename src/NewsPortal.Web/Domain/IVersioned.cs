namespace NewsPortal.Web.Domain;

/// <summary>
/// An entity with an optimistic-concurrency version. The DbContext increments it on every update
/// and EF Core checks the original value in the UPDATE's WHERE clause, on every provider alike
/// (no SQL Server rowversion, which SQLite and PostgreSQL lack).
/// </summary>
public interface IVersioned
{
    int Version { get; }
}

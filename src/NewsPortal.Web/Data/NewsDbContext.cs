using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.Web.Data;

/// <summary>
/// The one DbContext. Its mappings are provider-neutral; each provider has a thin subclass
/// (<see cref="SqliteNewsDbContext"/>, …) that owns that provider's migration set, so the three
/// sets live side by side in this assembly without being mixed up.
/// </summary>
public abstract class NewsDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Section> Sections => Set<Section>();

    public DbSet<Tag> Tags => Set<Tag>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<Media> Media => Set<Media>();

    public DbSet<MediaVariant> MediaVariants => Set<MediaVariant>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<ArticleSlugRedirect> ArticleSlugRedirects => Set<ArticleSlugRedirect>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CommentModeration> CommentModerations => Set<CommentModeration>();

    public DbSet<CommentBan> CommentBans => Set<CommentBan>();

    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    public DbSet<Abbreviation> Abbreviations => Set<Abbreviation>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Every DateTime is UTC. SQLite hands back Kind=Unspecified; mark it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// The last line of defence for the text rules: every string is stored in NFC, and every
    /// versioned entity's version moves on with each update (the original value is checked).
    /// </summary>
    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry is { Entity: AuditEntry, State: EntityState.Modified or EntityState.Deleted })
            {
                throw new InvalidOperationException("Audit entries are never changed or deleted.");
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            NormalizeStrings(entry);
            if (entry is { State: EntityState.Modified, Entity: IVersioned })
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    private static void NormalizeStrings(EntityEntry entry)
    {
        foreach (var property in entry.Properties)
        {
            if (property.Metadata.ClrType == typeof(string)
                && property.CurrentValue is string { Length: > 0 } value
                && (entry.State == EntityState.Added || property.IsModified))
            {
                var normalized = VietnameseText.Nfc(value);
                if (!ReferenceEquals(normalized, value))
                {
                    property.CurrentValue = normalized;
                }
            }
        }
    }
}

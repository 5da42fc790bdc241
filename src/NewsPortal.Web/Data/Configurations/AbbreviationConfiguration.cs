using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class AbbreviationConfiguration : IEntityTypeConfiguration<Abbreviation>
{
    public void Configure(EntityTypeBuilder<Abbreviation> builder)
    {
        builder.Property(a => a.ShortForm).HasMaxLength(Abbreviation.ShortFormMaxLength).IsRequired();
        builder.Property(a => a.Expansion).HasMaxLength(Abbreviation.ExpansionMaxLength).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.ShortForm).IsUnique();
        builder.HasData(Abbreviation.Seed.Select(s => new { s.Id, s.ShortForm, s.Expansion, Version = 0 }));
    }
}

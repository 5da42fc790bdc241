using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(Section.NameMaxLength).IsRequired();
        builder.Property(s => s.Slug).HasMaxLength(Section.SlugMaxLength).IsRequired();
        builder.Property(s => s.Description).HasMaxLength(Section.DescriptionMaxLength);
        builder.HasIndex(s => s.Slug).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class MediaConfiguration : IEntityTypeConfiguration<Media>
{
    public void Configure(EntityTypeBuilder<Media> builder)
    {
        builder.Property(m => m.FileName).HasMaxLength(Media.FileNameMaxLength).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(Media.ContentTypeMaxLength).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(m => m.AltText).HasMaxLength(Media.AltMaxLength);
        builder.Property(m => m.Content).IsRequired();
        builder.HasIndex(m => m.FileName).IsUnique();
    }
}

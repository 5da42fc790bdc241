using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class MediaVariantConfiguration : IEntityTypeConfiguration<MediaVariant>
{
    public void Configure(EntityTypeBuilder<MediaVariant> builder)
    {
        builder.Property(v => v.ContentType).HasMaxLength(Media.ContentTypeMaxLength).IsRequired();
        builder.Property(v => v.Content).IsRequired();
        builder.HasIndex(v => new { v.MediaId, v.Width }).IsUnique();
    }
}

internal sealed class MediaConfiguration : IEntityTypeConfiguration<Media>
{
    public void Configure(EntityTypeBuilder<Media> builder)
    {
        builder.Property(m => m.FileName).HasMaxLength(Media.FileNameMaxLength).IsRequired();
        builder.Property(m => m.ContentType).HasMaxLength(Media.ContentTypeMaxLength).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(m => m.AltText).HasMaxLength(Media.AltMaxLength);
        builder.Property(m => m.Content).IsRequired();
        builder.Property(m => m.Caption).HasMaxLength(Article.CaptionMaxLength);
        builder.Property(m => m.UploadedById).HasMaxLength(450);
        builder.HasIndex(m => m.FileName).IsUnique();
        builder.HasIndex(m => m.CreatedAtUtc);
        builder.HasMany(m => m.Variants).WithOne().HasForeignKey(v => v.MediaId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Variants).AutoInclude(false);
    }
}

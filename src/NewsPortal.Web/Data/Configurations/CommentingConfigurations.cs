using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class CommentModerationConfiguration : IEntityTypeConfiguration<CommentModeration>
{
    public void Configure(EntityTypeBuilder<CommentModeration> builder)
    {
        builder.Property(m => m.Action).HasMaxLength(CommentModeration.ActionMaxLength).IsRequired();
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.UserName).HasMaxLength(AuditEntry.UserNameMaxLength).IsRequired();
        builder.Property(m => m.Reason).HasMaxLength(CommentModeration.ReasonMaxLength);
        builder.Property(m => m.FromStatus).HasConversion<int>();
        builder.Property(m => m.ToStatus).HasConversion<int>();
        builder.HasIndex(m => new { m.CommentId, m.AtUtc });
        builder.HasOne<Comment>().WithMany().HasForeignKey(m => m.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommentBanConfiguration : IEntityTypeConfiguration<CommentBan>
{
    public void Configure(EntityTypeBuilder<CommentBan> builder)
    {
        builder.Property(b => b.Kind).HasConversion<int>();
        builder.Property(b => b.Value).HasMaxLength(CommentBan.ValueMaxLength).IsRequired();
        builder.Property(b => b.Reason).HasMaxLength(CommentBan.ReasonMaxLength);
        builder.Property(b => b.CreatedBy).HasMaxLength(AuditEntry.UserNameMaxLength).IsRequired();
        builder.HasIndex(b => new { b.Kind, b.Value });
    }
}

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.CommentHoldWords).HasMaxLength(SiteSettings.WordListMaxLength).IsRequired();
        builder.Property(s => s.CommentBlockWords).HasMaxLength(SiteSettings.WordListMaxLength).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasData(new SiteSettings());
    }
}

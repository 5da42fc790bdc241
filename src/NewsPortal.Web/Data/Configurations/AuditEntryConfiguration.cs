using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.UserName).HasMaxLength(AuditEntry.UserNameMaxLength).IsRequired();
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.TargetType).HasMaxLength(AuditEntry.TargetMaxLength);
        builder.Property(a => a.TargetId).HasMaxLength(AuditEntry.TargetMaxLength);
        builder.Property(a => a.Summary).HasMaxLength(AuditEntry.SummaryMaxLength).IsRequired();
        builder.HasIndex(a => a.AtUtc);
        builder.HasIndex(a => new { a.Action, a.AtUtc });
        builder.HasIndex(a => new { a.UserName, a.AtUtc });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.Property(c => c.AuthorName).HasMaxLength(Comment.NameMaxLength).IsRequired();
        builder.Property(c => c.AuthorEmail).HasMaxLength(Comment.EmailMaxLength).IsRequired();
        builder.Property(c => c.AuthorUrl).HasMaxLength(Comment.UrlMaxLength);
        builder.Property(c => c.Body).HasMaxLength(Comment.BodyMaxLength).IsRequired();
        builder.Property(c => c.IpAddress).HasMaxLength(Comment.IpMaxLength);
        builder.Property(c => c.Status).HasConversion<int>();
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAtUtc });
        builder.HasIndex(c => new { c.Status, c.CreatedAtUtc });
        builder.Property(c => c.StaffUserId).HasMaxLength(450);
        builder.HasIndex(c => new { c.AuthorEmail, c.CreatedAtUtc });
        builder.HasIndex(c => new { c.IpAddress, c.CreatedAtUtc });

        builder.HasOne(c => c.Article).WithMany(a => a.Comments).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

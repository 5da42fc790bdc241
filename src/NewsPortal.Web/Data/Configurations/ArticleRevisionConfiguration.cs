using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        builder.Property(r => r.Slug).HasMaxLength(Article.SlugMaxLength).IsRequired();
        builder.Property(r => r.Lead).HasMaxLength(Article.LeadMaxLength).IsRequired();
        builder.Property(r => r.BodyMarkdown).IsRequired();
        builder.Property(r => r.Byline).HasMaxLength(Article.BylineMaxLength);
        builder.Property(r => r.Source).HasMaxLength(Article.SourceMaxLength);
        builder.Property(r => r.MetaDescription).HasMaxLength(Article.MetaDescriptionMaxLength);
        builder.Property(r => r.FeaturedCaption).HasMaxLength(Article.CaptionMaxLength);
        builder.Property(r => r.FeaturedAlt).HasMaxLength(Article.AltMaxLength);
        builder.Property(r => r.Tags).HasMaxLength(ArticleRevision.TagsMaxLength).IsRequired();
        builder.Property(r => r.UserName).HasMaxLength(AuditEntry.UserNameMaxLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(ArticleRevision.NoteMaxLength);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

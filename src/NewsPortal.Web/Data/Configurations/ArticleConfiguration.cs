using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(Article.SlugMaxLength).IsRequired();
        builder.Property(a => a.Lead).HasMaxLength(Article.LeadMaxLength).IsRequired();
        builder.Property(a => a.BodyMarkdown).IsRequired();
        builder.Property(a => a.BodyHtml).IsRequired();
        builder.Property(a => a.Byline).HasMaxLength(Article.BylineMaxLength);
        builder.Property(a => a.Source).HasMaxLength(Article.SourceMaxLength);
        builder.Property(a => a.MetaDescription).HasMaxLength(Article.MetaDescriptionMaxLength);
        builder.Property(a => a.FeaturedCaption).HasMaxLength(Article.CaptionMaxLength);
        builder.Property(a => a.FeaturedAlt).HasMaxLength(Article.AltMaxLength);
        builder.Property(a => a.Status).HasConversion<int>();
        builder.Property(a => a.CommentsMode).HasConversion<int>();
        builder.Property(a => a.ReviewNotes).HasMaxLength(Article.ReviewNotesMaxLength);
        builder.Property(a => a.AuthorId).HasMaxLength(450);
        builder.Property(a => a.Version).IsConcurrencyToken();

        builder.HasIndex(a => a.Slug).IsUnique();
        // Public listings (docs/performance.md, "Queries"): newest published overall, with the
        // section so that "related" tests it in the index; per section (and its count); "most read"
        // read backwards; the pinned lead story.
        builder.HasIndex(a => new { a.Status, a.PublishedAtUtc, a.SectionId });
        builder.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAtUtc });
        builder.HasIndex(a => new { a.Status, a.ViewCount, a.PublishedAtUtc });
        builder.HasIndex(a => new { a.IsPinned, a.Status, a.PublishedAtUtc });
        // The scheduler's two scans, and the admin list per status and author.
        builder.HasIndex(a => new { a.Status, a.ScheduledAtUtc });
        builder.HasIndex(a => new { a.Status, a.UnpublishAtUtc });
        builder.HasIndex(a => new { a.Status, a.UpdatedAtUtc });
        builder.HasIndex(a => new { a.AuthorId, a.Status });
        // The search index follows changes by this column on every web node.
        builder.HasIndex(a => a.UpdatedAtUtc);

        builder.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.FeaturedMedia).WithMany().HasForeignKey(a => a.FeaturedMediaId).OnDelete(DeleteBehavior.SetNull);
        // A tag page reads the tag's article ids from this index alone (the key is (ArticlesId, TagsId)).
        builder.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTags", j => j.HasIndex("TagsId", "ArticlesId"));
    }
}

using NewsPortal.Web.Domain;

namespace NewsPortal.UnitTests.Domain;

public sealed class ArticleTests
{
    private static readonly DateTime Now = new(2022, 1, 4, 10, 0, 0, DateTimeKind.Utc);

    private static Article Draft()
    {
        var article = new Article("Tiêu đề", "tieu-de", 1, Now);
        article.SetContent("Sapo.", "Nội dung.", "<p>Nội dung.</p>", "Tin: A", "QK2", null, Now);
        return article;
    }

    [Fact]
    public void ANewArticleIsADraftAndNotPublic()
    {
        var article = Draft();

        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAtUtc);
        Assert.False(article.IsPublic(Now));
        Assert.Equal(Now, article.CreatedAtUtc);
    }

    [Fact]
    public void PublishMakesItPublicNow()
    {
        var article = Draft();
        article.Publish(Now);

        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Now, article.PublishedAtUtc);
        Assert.True(article.IsPublic(Now));
    }

    [Fact]
    public void PublishKeepsAGivenPublishTimeAndIsNotPublicBeforeIt()
    {
        var article = Draft();
        var at = Now.AddHours(2);
        article.Publish(Now, at);

        Assert.Equal(at, article.PublishedAtUtc);
        Assert.False(article.IsPublic(Now));
        Assert.True(article.IsPublic(at));
    }

    [Fact]
    public void PublishingTwiceIsRefused()
    {
        var article = Draft();
        article.Publish(Now);

        var error = Assert.Throws<DomainException>(() => article.Publish(Now));
        Assert.Equal("Bài viết đã được xuất bản.", error.Message);
    }

    [Fact]
    public void AnEmptyArticleCannotBePublished()
    {
        var article = new Article("Tiêu đề", "tieu-de", 1, Now);
        Assert.Throws<DomainException>(() => article.Publish(Now));
    }

    [Fact]
    public void UnpublishTakesAPublishedArticleDownAndOnlyThat()
    {
        var article = Draft();
        Assert.Throws<DomainException>(() => article.Unpublish(Now));

        article.Publish(Now);
        article.Unpublish(Now.AddMinutes(1));

        Assert.Equal(ArticleStatus.Unpublished, article.Status);
        Assert.False(article.IsPublic(Now.AddMinutes(2)));
        Assert.Equal(Now.AddMinutes(1), article.UpdatedAtUtc);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ATitleIsRequired(string title) =>
        Assert.Equal("Tiêu đề không được để trống.", Assert.Throws<DomainException>(() => new Article(title, "slug", 1, Now)).Message);

    [Fact]
    public void OverlongFieldsAreRefusedWithTheirLimit()
    {
        Assert.Throws<DomainException>(() => new Article(new string('a', Article.TitleMaxLength + 1), "slug", 1, Now));
        var article = Draft();
        var error = Assert.Throws<DomainException>(() => article.SetContent(new string('a', Article.LeadMaxLength + 1), "x", "x", null, null, null, Now));
        Assert.Contains(Article.LeadMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => article.SetContent("x", new string('a', Article.BodyMaxLength + 1), "x", null, null, null, Now));
    }

    [Fact]
    public void TextIsTrimmedAndBlankOptionalFieldsBecomeNull()
    {
        var article = new Article("  Tiêu đề  ", "tieu-de", 1, Now);
        article.SetContent("  Sapo  ", "x", "<p>x</p>", "   ", "", null, Now);

        Assert.Equal("Tiêu đề", article.Title);
        Assert.Equal("Sapo", article.Lead);
        Assert.Null(article.Byline);
        Assert.Null(article.Source);
    }

    [Fact]
    public void AFeaturedPhotoNeedsAltText()
    {
        var article = Draft();
        var photo = new Media("anh.jpg", "image/jpeg", 10, 10, [1, 2, 3], null, Now);

        Assert.Throws<DomainException>(() => article.SetFeaturedPhoto(photo, "Chú thích", " "));
        article.SetFeaturedPhoto(photo, "Chú thích", "Mô tả ảnh");
        Assert.Equal("Mô tả ảnh", article.FeaturedAlt);
        Assert.Equal("Chú thích", article.FeaturedCaption);

        article.SetFeaturedPhoto(null, "Chú thích", "Mô tả ảnh");
        Assert.Null(article.FeaturedCaption);
        Assert.Null(article.FeaturedAlt);
    }
}

public sealed class CommentAndMediaTests
{
    private static readonly DateTime Now = new(2022, 1, 4, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ACommentStartsPendingAndIsApprovedOnce()
    {
        var comment = new Comment(1, null, "Bạn đọc", "ban.doc@example.vn", null, "Nội dung", "203.0.113.1", Now);
        Assert.Equal(CommentStatus.Pending, comment.Status);

        comment.Approve(Now.AddMinutes(5));
        Assert.Equal(CommentStatus.Approved, comment.Status);
        Assert.Equal(Now.AddMinutes(5), comment.ModeratedAtUtc);
        Assert.Throws<DomainException>(() => comment.Approve(Now));
    }

    [Fact]
    public void ACommentLongerThan5000CharactersIsRefused() =>
        Assert.Throws<DomainException>(() => new Comment(1, null, "A", "a@example.vn", null, new string('x', Comment.BodyMaxLength + 1), null, Now));

    [Fact]
    public void MediaKnowsItsHashLengthAndUrl()
    {
        var media = new Media("hội nghị.jpg", "image/jpeg", 2, 1, "abc"u8.ToArray(), "Ảnh", Now);

        Assert.Equal(3, media.Length);
        // SHA-256 of "abc", the FIPS 180-2 test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", media.Sha256);
        Assert.Equal("/media/h%E1%BB%99i%20ngh%E1%BB%8B.jpg", Media.UrlFor(media.FileName));
    }
}

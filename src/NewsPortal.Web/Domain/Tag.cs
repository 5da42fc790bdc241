namespace NewsPortal.Web.Domain;

public sealed class Tag
{
    public const int NameMaxLength = 100;
    public const int SlugMaxLength = 120;

    private Tag()
    {
        Name = string.Empty;
        Slug = string.Empty;
    }

    public Tag(string name, string slug)
    {
        Name = Section.Require(name, NameMaxLength, "Tên thẻ");
        Slug = Section.Require(slug, SlugMaxLength, "Đường dẫn thẻ");
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public ICollection<Article> Articles { get; } = [];
}

namespace NewsPortal.Web.Domain;

public sealed class Section
{
    public const int NameMaxLength = 100;
    public const int SlugMaxLength = 120;
    public const int DescriptionMaxLength = 500;

    private Section()
    {
        Name = string.Empty;
        Slug = string.Empty;
    }

    public Section(string name, string slug, int sortOrder, string? description = null)
    {
        Name = Require(name, NameMaxLength, "Tên chuyên mục");
        Slug = Require(slug, SlugMaxLength, "Đường dẫn chuyên mục");
        SortOrder = sortOrder;
        Description = description;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string? Description { get; private set; }

    public int SortOrder { get; private set; }

    internal static string Require(string value, int maxLength, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException($"{label} không được để trống.");
        }

        var trimmed = value.Trim();
        return trimmed.Length <= maxLength
            ? trimmed
            : throw new DomainException($"{label} dài quá {maxLength} ký tự.");
    }
}

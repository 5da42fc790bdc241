using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Options;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    [Required]
    [StringLength(200)]
    public string Name { get; set; } = "Cải cách hành chính Quân khu 2";

    [StringLength(300)]
    public string Tagline { get; set; } = "Trang thông tin cải cách hành chính và xây dựng Chính phủ điện tử";

    /// <summary>Articles per archive page.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 10;
}

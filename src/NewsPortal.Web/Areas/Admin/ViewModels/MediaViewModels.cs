using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Areas.Admin.ViewModels;

public sealed record MediaUploadInput
{
    [Required(ErrorMessage = "Vui lòng nhập mô tả ảnh (alt) cho người khiếm thị.")]
    [StringLength(Media.AltMaxLength, ErrorMessage = "Mô tả ảnh dài quá {1} ký tự.")]
    [Display(Name = "Mô tả ảnh (alt)")]
    public string AltText { get; init; } = string.Empty;

    [StringLength(Article.CaptionMaxLength, ErrorMessage = "Chú thích dài quá {1} ký tự.")]
    [Display(Name = "Chú thích")]
    public string? Caption { get; init; }
}

public sealed record MediaRow(int Id, string FileName, string? AltText, string? Caption, int Width, int Height, long Length, DateTime CreatedAtUtc);

public sealed record MediaLibraryViewModel(IReadOnlyList<MediaRow> Items, int Page, int Total, int PageSize)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Areas.Admin.ViewModels;

/// <summary>The comment rules form; <see cref="Version"/> is the row's version when the form was shown.</summary>
public sealed record CommentSettingsInput
{
    [Range(0, 3650, ErrorMessage = "Số ngày phải từ 0 đến 3650 (0: không tự đóng).")]
    [Display(Name = "Đóng bình luận sau (ngày)")]
    public int CommentsCloseAfterDays { get; init; }

    [Range(1, 10, ErrorMessage = "Độ sâu trả lời phải từ 1 đến 10.")]
    [Display(Name = "Độ sâu trả lời")]
    public int CommentThreadDepth { get; init; } = 5;

    [Range(5, 500, ErrorMessage = "Số bình luận mỗi trang phải từ 5 đến 500.")]
    [Display(Name = "Bình luận mỗi trang")]
    public int CommentsPerPage { get; init; } = 50;

    [Range(0, 100, ErrorMessage = "Số liên kết phải từ 0 đến 100 (0: không giữ lại theo liên kết).")]
    [Display(Name = "Giữ lại khi có từ (số liên kết)")]
    public int CommentHoldLinkCount { get; init; } = 2;

    [StringLength(SiteSettings.WordListMaxLength, ErrorMessage = "Danh sách từ giữ lại quá dài.")]
    [Display(Name = "Từ giữ lại chờ duyệt (mỗi dòng một từ)")]
    public string? CommentHoldWords { get; init; }

    [StringLength(SiteSettings.WordListMaxLength, ErrorMessage = "Danh sách từ chặn quá dài.")]
    [Display(Name = "Từ chặn, đưa vào spam (mỗi dòng một từ)")]
    public string? CommentBlockWords { get; init; }

    [Display(Name = "Tác giả đã có bình luận được duyệt không phải chờ duyệt")]
    public bool CommentApprovedAuthorsSkipQueue { get; init; }

    [Range(0, 3600, ErrorMessage = "Số giây giữa hai bình luận phải từ 0 đến 3600.")]
    [Display(Name = "Khoảng cách giữa hai bình luận (giây)")]
    public int CommentFloodSeconds { get; init; } = 15;

    [Range(0, 600, ErrorMessage = "Thời gian điền tối thiểu phải từ 0 đến 600 giây.")]
    [Display(Name = "Thời gian điền biểu mẫu tối thiểu (giây)")]
    public int CommentMinFillSeconds { get; init; } = 3;

    public int Version { get; init; }

    public static CommentSettingsInput From(SiteSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new()
        {
            CommentsCloseAfterDays = settings.CommentsCloseAfterDays,
            CommentThreadDepth = settings.CommentThreadDepth,
            CommentsPerPage = settings.CommentsPerPage,
            CommentHoldLinkCount = settings.CommentHoldLinkCount,
            CommentHoldWords = settings.CommentHoldWords,
            CommentBlockWords = settings.CommentBlockWords,
            CommentApprovedAuthorsSkipQueue = settings.CommentApprovedAuthorsSkipQueue,
            CommentFloodSeconds = settings.CommentFloodSeconds,
            CommentMinFillSeconds = settings.CommentMinFillSeconds,
            Version = settings.Version,
        };
    }
}

public sealed record CommentBanInput
{
    [Required(ErrorMessage = "Vui lòng nhập email hoặc dải địa chỉ IP.")]
    [StringLength(CommentBan.ValueMaxLength, ErrorMessage = "Giá trị quá dài.")]
    [Display(Name = "Email hoặc dải địa chỉ IP (CIDR)")]
    public string Value { get; init; } = string.Empty;

    [DataType(DataType.Date)]
    [Display(Name = "Hết hạn (giờ Việt Nam, để trống: vĩnh viễn)")]
    public DateTime? ExpiresOn { get; init; }

    [StringLength(CommentBan.ReasonMaxLength, ErrorMessage = "Lý do dài quá 500 ký tự.")]
    [Display(Name = "Lý do")]
    public string? Reason { get; init; }
}

public sealed record CommentBanRow(int Id, CommentBanKind Kind, string Value, DateTime? ExpiresAtUtc, string? Reason, string CreatedBy, DateTime CreatedAtUtc, bool Active);

public sealed record CommentBansPage(IReadOnlyList<CommentBanRow> Bans, CommentBanInput Input);

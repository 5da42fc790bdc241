using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Comments;

namespace NewsPortal.Web.Areas.Admin.ViewModels;

/// <summary>The queue's tabs, as they appear in its address.</summary>
public static class CommentTabs
{
    public static readonly IReadOnlyList<(CommentStatus Status, string Slug)> All =
    [
        (CommentStatus.Pending, "cho-duyet"),
        (CommentStatus.Approved, "da-duyet"),
        (CommentStatus.Spam, "spam"),
        (CommentStatus.Trash, "thung-rac"),
    ];

    public static string SlugOf(CommentStatus status) => All.First(t => t.Status == status).Slug;

    public static CommentStatus? Parse(string? slug) =>
        All.FirstOrDefault(t => t.Slug == slug) is { Slug: not null } tab ? tab.Status : null;
}

/// <summary>The actions, as they appear in the addresses and the bulk select.</summary>
public static class CommentSteps
{
    public static readonly IReadOnlyList<(CommentAction Action, string Slug, string Label)> All =
    [
        (CommentAction.Approve, "duyet", "Duyệt"),
        (CommentAction.Unapprove, "bo-duyet", "Bỏ duyệt"),
        (CommentAction.Spam, "spam", "Spam"),
        (CommentAction.NotSpam, "khong-spam", "Không phải spam"),
        (CommentAction.Trash, "thung-rac", "Chuyển vào thùng rác"),
        (CommentAction.Restore, "khoi-phuc", "Khôi phục"),
        (CommentAction.Delete, "xoa", "Xóa vĩnh viễn"),
    ];

    public static CommentAction? Parse(string? slug) =>
        All.FirstOrDefault(s => s.Slug == slug) is { Slug: not null } step ? step.Action : null;

    /// <summary>The actions that fit a comment in each tab.</summary>
    public static IEnumerable<(CommentAction Action, string Slug, string Label)> For(CommentStatus status) => All.Where(s => s.Action switch
    {
        CommentAction.Approve => status is CommentStatus.Pending,
        CommentAction.Unapprove => status is CommentStatus.Approved,
        CommentAction.Spam => status is CommentStatus.Pending or CommentStatus.Approved,
        CommentAction.NotSpam => status is CommentStatus.Spam,
        CommentAction.Trash => status is CommentStatus.Pending or CommentStatus.Approved or CommentStatus.Spam,
        CommentAction.Restore => status is CommentStatus.Trash,
        CommentAction.Delete => status is CommentStatus.Spam or CommentStatus.Trash,
        _ => false,
    });
}

public sealed record CommentQueueViewModel(CommentQueuePage Queue, string Tab, string ReturnUrl)
{
    public string PageUrl(int page, string? tab = null) =>
        $"/admin/binh-luan?trangThai={tab ?? Tab}&baiViet={Uri.EscapeDataString(Queue.Filter.Article ?? "")}&tacGia={Uri.EscapeDataString(Queue.Filter.Author ?? "")}&email={Uri.EscapeDataString(Queue.Filter.Email ?? "")}&ip={Uri.EscapeDataString(Queue.Filter.Ip ?? "")}&q={Uri.EscapeDataString(Queue.Filter.Text ?? "")}&trang={page}";
}

public sealed record CommentEditInput
{
    [Required(ErrorMessage = "Vui lòng nhập tên.")]
    [StringLength(Comment.NameMaxLength, ErrorMessage = "Tên dài tối đa {1} ký tự.")]
    public string AuthorName { get; init; } = string.Empty;

    [StringLength(Comment.UrlMaxLength, ErrorMessage = "Địa chỉ trang web dài tối đa {1} ký tự.")]
    public string? AuthorUrl { get; init; }

    [Required(ErrorMessage = "Vui lòng nhập nội dung bình luận.")]
    [StringLength(Comment.BodyMaxLength, ErrorMessage = "Bình luận dài tối đa {1} ký tự.")]
    public string Body { get; init; } = string.Empty;
}

public sealed record CommentEditViewModel(CommentQueueRow Comment, CommentEditInput Input, string? Error);

public sealed record CommentHistoryViewModel(CommentQueueRow Comment, IReadOnlyList<CommentHistoryRow> Rows);

public sealed record PersonalDataViewModel(string? Email, string? Error);

namespace NewsPortal.Web.Domain;

/// <summary>The Vietnamese names of workflow states, as editors see them.</summary>
public static class StatusNames
{
    public static string Of(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "Bản nháp",
        ArticleStatus.PendingReview => "Chờ duyệt",
        ArticleStatus.Scheduled => "Đã lên lịch",
        ArticleStatus.Published => "Đã xuất bản",
        ArticleStatus.Unpublished => "Đã gỡ",
        ArticleStatus.Trashed => "Thùng rác",
        _ => status.ToString(),
    };

    public static string Of(CommentStatus status) => status switch
    {
        CommentStatus.Pending => "Chờ duyệt",
        CommentStatus.Approved => "Đã duyệt",
        CommentStatus.Spam => "Spam",
        CommentStatus.Trash => "Thùng rác",
        _ => status.ToString(),
    };
}

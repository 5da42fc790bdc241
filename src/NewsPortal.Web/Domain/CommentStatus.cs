namespace NewsPortal.Web.Domain;

public enum CommentStatus
{
    Pending = 0,
    Approved = 1,
    Spam = 2,
    Trash = 3,
}

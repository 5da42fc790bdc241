namespace NewsPortal.Web.Domain;

/// <summary>The editorial workflow: Draft → PendingReview → Scheduled or Published → Unpublished → Trashed.</summary>
public enum ArticleStatus
{
    Draft = 0,
    PendingReview = 1,
    Scheduled = 2,
    Published = 3,
    Unpublished = 4,
    Trashed = 5,
}

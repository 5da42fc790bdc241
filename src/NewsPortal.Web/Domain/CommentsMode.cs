namespace NewsPortal.Web.Domain;

/// <summary>An article's own comment setting.</summary>
public enum CommentsMode
{
    /// <summary>Follow the site: open until the closing days after publishing have passed.</summary>
    SiteDefault = 0,
    Open = 1,
    Closed = 2,
}

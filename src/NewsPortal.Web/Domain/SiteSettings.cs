namespace NewsPortal.Web.Domain;

/// <summary>
/// The site's settings that administrators change at run time (one row). Comment rules follow
/// WordPress's discussion settings, with pre-moderation of everything as the default.
/// </summary>
public sealed class SiteSettings : IVersioned
{
    public const int SingletonId = 1;
    public const int WordListMaxLength = 20_000;

    public int Id { get; private set; } = SingletonId;

    /// <summary>Comments close this many days after publishing; 0 (the default, as in WordPress) keeps them open.</summary>
    public int CommentsCloseAfterDays { get; set; }

    /// <summary>How deep replies may nest (WordPress's default is 5).</summary>
    public int CommentThreadDepth { get; set; } = 5;

    /// <summary>Top-level comments per page under an article.</summary>
    public int CommentsPerPage { get; set; } = 50;

    /// <summary>A comment with this many links or more waits for a moderator.</summary>
    public int CommentHoldLinkCount { get; set; } = 2;

    /// <summary>Words or phrases (one a line) that send a comment to the queue.</summary>
    public string CommentHoldWords { get; set; } = string.Empty;

    /// <summary>Words or phrases (one a line) that send a comment straight to spam.</summary>
    public string CommentBlockWords { get; set; } = string.Empty;

    /// <summary>An author with an earlier approved comment skips the queue. Off: government sites pre-moderate.</summary>
    public bool CommentApprovedAuthorsSkipQueue { get; set; }

    /// <summary>Seconds between two comments from one address or one email.</summary>
    public int CommentFloodSeconds { get; set; } = 15;

    /// <summary>A form sent back sooner than this after it was shown was filled by a robot.</summary>
    public int CommentMinFillSeconds { get; set; } = 3;

    public int Version { get; private set; }
}

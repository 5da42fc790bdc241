namespace NewsPortal.Web.Domain;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Moderator = "Moderator";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Author, Moderator];
}

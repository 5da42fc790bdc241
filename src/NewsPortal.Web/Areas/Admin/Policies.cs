using Microsoft.AspNetCore.Authorization;
using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Areas.Admin;

/// <summary>Who may do what in the Admin area; docs/roles.md has the whole matrix.</summary>
public static class Policies
{
    /// <summary>Any member of the editorial office.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Write and submit articles, upload photos.</summary>
    public const string Writers = nameof(Writers);

    /// <summary>Publish, schedule, unpublish, review and edit anyone's articles.</summary>
    public const string Publishers = nameof(Publishers);

    /// <summary>Moderate reader comments.</summary>
    public const string Moderators = nameof(Moderators);

    /// <summary>Users, roles, the audit log.</summary>
    public const string Administrators = nameof(Administrators);

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Staff, p => p.RequireRole(Roles.All));
        options.AddPolicy(Writers, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.Author));
        options.AddPolicy(Publishers, p => p.RequireRole(Roles.Administrator, Roles.Editor));
        options.AddPolicy(Moderators, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.Moderator));
        options.AddPolicy(Administrators, p => p.RequireRole(Roles.Administrator));
    }
}

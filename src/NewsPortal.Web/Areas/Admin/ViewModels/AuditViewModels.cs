namespace NewsPortal.Web.Areas.Admin.ViewModels;

public sealed record AuditRow(DateTime AtUtc, string UserName, string Action, string? TargetType, string? TargetId, string Summary);

public sealed record AuditViewModel(string? Action, string? User, string? Text, DateOnly? From, DateOnly? To, int Page, int Total, int PageSize, IReadOnlyList<AuditRow> Rows, IReadOnlyList<string> Actions)
{
    public int TotalPages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

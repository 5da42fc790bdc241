using NewsPortal.Web.Domain;

namespace NewsPortal.Web.Areas.Admin.ViewModels;

public sealed record DashboardArticle(int Id, string Title, ArticleStatus Status, DateTime UpdatedAtUtc);

public sealed record DashboardViewModel(IReadOnlyDictionary<ArticleStatus, int> Counts, int PendingComments, IReadOnlyList<DashboardArticle> Mine)
{
    public int Count(ArticleStatus status) => Counts.TryGetValue(status, out var n) ? n : 0;
}

namespace NewsPortal.Web.ViewModels;

/// <summary>One search result: the card and its highlighted title and passage (encoded HTML with &lt;mark&gt;).</summary>
public sealed record SearchResult(ArticleCard Card, string TitleHtml, string SnippetHtml);

public sealed record SearchPageViewModel(
    string Query,
    string? SectionSlug,
    string? From,
    string? To,
    IReadOnlyList<SectionLink> Sections,
    IReadOnlyList<string> Messages,
    PagedList<SearchResult>? Results)
{
    /// <summary>The reader asked for something (results may still be empty).</summary>
    public bool Searched => Results is not null;

    /// <summary>The link to page <paramref name="page"/> of these results.</summary>
    public string PageUrl(int page)
    {
        var query = new List<KeyValuePair<string, string?>> { new("q", Query) };
        if (!string.IsNullOrEmpty(SectionSlug))
        {
            query.Add(new("chuyen-muc", SectionSlug));
        }

        if (!string.IsNullOrEmpty(From))
        {
            query.Add(new("tu", From));
        }

        if (!string.IsNullOrEmpty(To))
        {
            query.Add(new("den", To));
        }

        if (page > 1)
        {
            query.Add(new("trang", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return "/tim-kiem" + new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(query!).ToQueryString();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Web.Data;
using NewsPortal.Web.Domain;
using NewsPortal.Web.Services.Rendering;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>Articles written straight through the entities, for tests that need one of a kind.</summary>
public static class TestArticles
{
    /// <param name="publish">Published at <paramref name="publishedAtUtc"/> (default now), or else left a draft.</param>
    /// <param name="scheduleAtUtc">Instead of publishing, schedule for this (future) time.</param>
    public static async Task<int> AddAsync(
        NewsPortalFactory factory, string title, string slug, string sectionSlug, bool publish = true,
        DateTime? publishedAtUtc = null, string lead = "Sapo của bài kiểm thử.", string body = "Nội dung bài kiểm thử.",
        string? byline = null, DateTime? scheduleAtUtc = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<ArticleRenderer>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var sectionId = await db.Sections.Where(s => s.Slug == sectionSlug).Select(s => s.Id).SingleAsync();
        var article = new Article(title, slug, sectionId, now);
        article.SetContent(lead, body, renderer.Render(body).Html, byline, null, null, now);
        if (scheduleAtUtc is { } at)
        {
            article.Schedule(at, now);
        }
        else if (publish)
        {
            article.Publish(now, publishedAtUtc);
        }

        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article.Id;
    }
}

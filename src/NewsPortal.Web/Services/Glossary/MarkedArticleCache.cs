using Microsoft.Extensions.Caching.Memory;

namespace NewsPortal.Web.Services.Glossary;

/// <summary>
/// The article lead and body with abbreviations marked (<see cref="AbbreviationMarker"/>), kept in
/// memory per (article id, article version, glossary stamp): an edit of the article moves its
/// version on, a change of the glossary moves the stamp on, and either way the next view marks
/// the article again, without anybody re-saving it. The cache is this class's own, bounded by
/// the characters it holds, with a sliding expiry, so it never grows past
/// <see cref="SizeLimitCharacters"/> however many articles are read.
/// </summary>
public sealed class MarkedArticleCache(AbbreviationGlossary glossary) : IDisposable
{
    /// <summary>About 64 MB of UTF-16 text.</summary>
    public const long SizeLimitCharacters = 32L * 1024 * 1024;

    public static readonly TimeSpan SlidingExpiration = TimeSpan.FromMinutes(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitCharacters });

    public async Task<MarkedArticle> GetAsync(int articleId, int articleVersion, string? lead, string? bodyHtml, CancellationToken cancellationToken)
    {
        // Reading the glossary first reloads it when it is stale or was changed on this node, so
        // the stamp in the key is the current one. The marks are cached only when no reload came
        // between the two reads of the stamp, so the entries used are exactly the stamp's.
        var before = glossary.Stamp;
        var entries = await glossary.GetAsync(cancellationToken);
        var stamp = glossary.Stamp;
        var key = new Key(articleId, articleVersion, stamp);
        if (_cache.TryGetValue(key, out MarkedArticle? cached) && cached is not null)
        {
            return cached;
        }

        var marked = AbbreviationMarker.Mark(lead, bodyHtml, entries);
        if (before == stamp)
        {
            _cache.Set(key, marked, new MemoryCacheEntryOptions
            {
                Size = Math.Max(1, marked.LeadHtml.Length + marked.BodyHtml.Length),
                SlidingExpiration = SlidingExpiration,
            });
        }

        return marked;
    }

    public void Dispose() => _cache.Dispose();

    private readonly record struct Key(int ArticleId, int Version, int Stamp);
}

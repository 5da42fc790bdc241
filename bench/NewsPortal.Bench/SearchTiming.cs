using System.Diagnostics;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPortal.Web.Options;
using NewsPortal.Web.Services.Glossary;
using NewsPortal.Web.Services.Search;

namespace NewsPortal.Bench;

/// <summary>Times the index alone (no HTTP, no database): search and highlight per query.</summary>
internal static class SearchTiming
{
    public static int Run(string[] args)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new SearchOptions { IndexPath = args[0] });
        using var index = new SearchIndex(options, new HostingEnvironment { ContentRootPath = Environment.CurrentDirectory }, NullLogger<SearchIndex>.Instance);
        GlossaryEntry[] glossary = [new("CCHC", "cải cách hành chính"), new("QK", "Quân khu"), new("DVCTT", "dịch vụ công trực tuyến"), new("DVC", "dịch vụ công")];
        foreach (var text in args.Skip(1))
        {
            var query = SearchQuery.Parse(text, index.Analyzer, glossary);
            var times = new List<double>();
            SearchHits? hits = null;
            for (var i = 0; i < 7; i++)
            {
                var watch = Stopwatch.StartNew();
                hits = index.Search(new SearchRequest(query, null, null, null, DateTime.UtcNow, 0, 10));
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var highlight = Stopwatch.StartNew();
            for (var i = 0; i < 10; i++)
            {
                Snippets.Highlight(string.Concat(Enumerable.Repeat("Quân khu 2 đẩy mạnh cải cách hành chính và xây dựng Chính phủ điện tử. ", 30)), SearchIndex.Terms(query), 220);
            }

            Console.WriteLine($"{text}: {hits!.Total} hits, search median {times.Order().ElementAt(3):F1} ms (first {times[0]:F1}), 10 highlights {highlight.Elapsed.TotalMilliseconds:F1} ms");
        }

        return 0;
    }
}


using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Spans;
using Lucene.Net.Store;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Options;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsPortal.Web.Services.Search;

/// <summary>An article as the search index holds it.</summary>
public sealed record IndexedArticle(
    int Id,
    int Version,
    string Title,
    string Lead,
    string BodyText,
    string? Byline,
    IReadOnlyList<string> Tags,
    int SectionId,
    DateTime PublishedAtUtc);

/// <summary>What to look for, and where.</summary>
public sealed record SearchRequest(SearchQuery Query, int? SectionId, DateTime? FromUtc, DateTime? ToUtc, DateTime NowUtc, int Skip, int Take);

public sealed record SearchHits(int Total, IReadOnlyList<int> ArticleIds);

/// <summary>
/// This node's Lucene index of public articles. One writer per process; readers are refreshed
/// after every change (near-real-time). <see cref="SearchIndexSync"/> keeps it in step with the
/// database. The commit's user data records how far it has read the database's changes.
/// </summary>
public sealed partial class SearchIndex : IDisposable
{
    /// <summary>Bumped when documents or analysis change: an index of another schema is rebuilt.</summary>
    private const string Schema = "1";

    private const string SchemaKey = "schema";
    private const string WatermarkKey = "watermark";
    private const string CompleteKey = "complete";

    /// <summary>A word found in more than this share of articles is not required to match.</summary>
    private const double CommonWordShare = 0.5;

    private readonly ILogger<SearchIndex> _logger;
    private readonly LuceneDirectory _directory;
    private readonly string? _temporaryPath;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Dictionary<int, int> _versions = [];
    private readonly System.Threading.Lock _gate = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SearchIndex(IOptions<SearchOptions> options, IHostEnvironment environment, ILogger<SearchIndex> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _logger = logger;
        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.IndexPath));
        try
        {
            (_directory, _writer) = Open(path);
        }
        catch (LockObtainFailedException)
        {
            // Another process on this machine holds the folder (two nodes started from one
            // checkout without their own Search:IndexPath). Work from a private copy instead.
            _temporaryPath = Path.Combine(Path.GetTempPath(), "newsportal-search-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
            LogIndexLocked(path, _temporaryPath);
            (_directory, _writer) = Open(_temporaryPath);
        }

        var data = _writer.CommitData ?? new Dictionary<string, string>();
        IsComplete = data.TryGetValue(SchemaKey, out var schema) && schema == Schema
            && data.TryGetValue(CompleteKey, out var complete) && complete == "1";
        Watermark = IsComplete && data.TryGetValue(WatermarkKey, out var mark)
            && long.TryParse(mark, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTime(ticks, DateTimeKind.Utc)
            : null;
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        if (IsComplete)
        {
            LoadVersions();
        }
    }

    public VietnameseAnalyzer Analyzer { get; } = new();

    /// <summary>The index holds every public article as of <see cref="Watermark"/> (minus the overlap).</summary>
    public bool IsComplete { get; private set; }

    /// <summary>The newest change time read from the database so far.</summary>
    public DateTime? Watermark { get; private set; }

    /// <summary>Completes once the index has caught up with the database after start.</summary>
    public Task Ready => _ready.Task;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _versions.Count;
            }
        }
    }

    internal void MarkReady() => _ready.TrySetResult();

    public int? IndexedVersion(int id)
    {
        lock (_gate)
        {
            return _versions.TryGetValue(id, out var version) ? version : null;
        }
    }

    public Dictionary<int, int> IndexedVersions()
    {
        lock (_gate)
        {
            return new Dictionary<int, int>(_versions);
        }
    }

    /// <summary>Empties the index before a full rebuild.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _writer.DeleteAll();
            _versions.Clear();
            IsComplete = false;
            Watermark = null;
        }
    }

    /// <summary>Adds or replaces <paramref name="upserts"/>, removes <paramref name="deletes"/>, and commits.</summary>
    public void Apply(IReadOnlyCollection<IndexedArticle> upserts, IReadOnlyCollection<int> deletes, DateTime? watermark, bool complete)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletes);
        lock (_gate)
        {
            foreach (var article in upserts)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, Key(article.Id)), ToDocument(article));
                _versions[article.Id] = article.Version;
            }

            foreach (var id in deletes)
            {
                _writer.DeleteDocuments(new Term(SearchFields.Id, Key(id)));
                _versions.Remove(id);
            }

            if (watermark is { } mark && (Watermark is null || mark > Watermark))
            {
                Watermark = mark;
            }

            IsComplete |= complete;
            var changed = upserts.Count > 0 || deletes.Count > 0;
            if (changed || complete)
            {
                _writer.SetCommitData(new Dictionary<string, string>
                {
                    [SchemaKey] = Schema,
                    [CompleteKey] = IsComplete ? "1" : "0",
                    [WatermarkKey] = (Watermark?.Ticks ?? 0).ToString(CultureInfo.InvariantCulture),
                });
                _writer.Commit();
            }

            if (changed)
            {
                _searchers.MaybeRefreshBlocking();
            }
        }
    }

    /// <summary>
    /// Finds public articles for <paramref name="request"/>, best first. The score is built in
    /// tiers: the whole query as a phrase in the title, then how much of the query the title
    /// holds, then tags and lead, then body and byline; each word counts by how rare it is, so a
    /// word in nearly every article (a byline) neither decides nor is required. Equal scores go
    /// newest first.
    /// </summary>
    public SearchHits Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Query.IsEmpty)
        {
            return new SearchHits(0, []);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var total = Math.Max(reader.NumDocs, 1);
            var units = request.Query.Units;
            var frequencies = units.Select(u => DocumentFrequency(reader, u)).ToList();
            var idf = frequencies.Select(df => Math.Max(Math.Log(1 + ((total - df + 0.5) / (df + 0.5))), 1e-3)).ToList();
            var idfSum = idf.Sum();

            var scoring = new BooleanQuery(disableCoord: true);
            for (var u = 0; u < units.Count; u++)
            {
                var share = (float)(idf[u] / idfSum);
                foreach (var (field, weight) in SearchFields.Text)
                {
                    scoring.Add(new ConstantScoreQuery(UnitQuery(units[u], field)) { Boost = weight * share }, Occur.SHOULD);
                }
            }

            if (units.Count > 1)
            {
                foreach (var (field, weight) in SearchFields.Phrase)
                {
                    scoring.Add(new ConstantScoreQuery(PhraseSpan(units, field)) { Boost = weight }, Occur.SHOULD);
                }
            }

            // Required: every word that is not common; if all are common, all of them.
            var rare = Enumerable.Range(0, units.Count).Where(u => frequencies[u] <= CommonWordShare * total).ToList();
            var required = new BooleanQuery();
            foreach (var u in rare.Count > 0 ? rare : Enumerable.Range(0, units.Count))
            {
                var anyField = new BooleanQuery();
                foreach (var (field, _) in SearchFields.Text)
                {
                    anyField.Add(UnitQuery(units[u], field), Occur.SHOULD);
                }

                required.Add(anyField, Occur.MUST);
            }

            var filter = new BooleanFilter
            {
                new FilterClause(new QueryWrapperFilter(required), Occur.MUST),
                new FilterClause(NumericRangeFilter.NewInt64Range(SearchFields.Published, request.FromUtc?.Ticks, Math.Min(request.ToUtc?.Ticks ?? long.MaxValue, request.NowUtc.Ticks), true, true), Occur.MUST),
            };
            if (request.SectionId is { } sectionId)
            {
                filter.Add(new FilterClause(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Section, Key(sectionId)))), Occur.MUST));
            }

            var sort = new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.PublishedSort, SortFieldType.INT64, true));
            var wanted = Math.Max(request.Skip + request.Take, 1);
            var top = searcher.Search(scoring, filter, wanted, sort, doDocScores: true, doMaxScore: false);
            var ids = new List<int>(request.Take);
            foreach (var hit in top.ScoreDocs.Skip(request.Skip))
            {
                var id = searcher.Doc(hit.Doc).Get(SearchFields.Id, CultureInfo.InvariantCulture);
                ids.Add(int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture));
            }

            return new SearchHits(top.TotalHits, ids);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// <paramref name="text"/> with the query's words wrapped in &lt;mark&gt;, HTML-encoded; the best
    /// passage of about <paramref name="fragmentLength"/> characters, or the whole text when 0.
    /// Null when nothing in it matches.
    /// </summary>
    public string? Highlight(SearchQuery query, string field, string text, int fragmentLength)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty || string.IsNullOrEmpty(text))
        {
            return null;
        }

        var words = new BooleanQuery();
        foreach (var unit in query.Units)
        {
            words.Add(UnitQuery(unit, field), Occur.SHOULD);
        }

        var scorer = new QueryScorer(words, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
        {
            TextFragmenter = fragmentLength > 0 ? new SimpleSpanFragmenter(scorer, fragmentLength) : new NullFragmenter(),
            MaxDocCharsToAnalyze = 200_000,
        };
        return highlighter.GetBestFragment(Analyzer, field, text);
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
        if (_temporaryPath is not null)
        {
            try
            {
                System.IO.Directory.Delete(_temporaryPath, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private (LuceneDirectory Directory, IndexWriter Writer) Open(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(new DirectoryInfo(path));
        try
        {
            var config = new IndexWriterConfig(VietnameseAnalyzer.Version, Analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND };
            return (directory, new IndexWriter(directory, config));
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private void LoadVersions()
    {
        var searcher = _searchers.Acquire();
        try
        {
            foreach (var context in searcher.IndexReader.Leaves)
            {
                var leaf = context.AtomicReader;
                var live = leaf.LiveDocs;
                for (var doc = 0; doc < leaf.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc))
                    {
                        continue;
                    }

                    var stored = leaf.Document(doc);
                    var id = int.Parse(stored.Get(SearchFields.Id, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture);
                    _versions[id] = stored.GetField(SearchFields.Version).GetInt32Value() ?? 0;
                }
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Document ToDocument(IndexedArticle article)
    {
        var document = new Document
        {
            new StringField(SearchFields.Id, Key(article.Id), Field.Store.YES),
            new StoredField(SearchFields.Version, article.Version),
            new TextField(SearchFields.Title, article.Title, Field.Store.NO),
            new TextField(SearchFields.Lead, article.Lead, Field.Store.NO),
            new TextField(SearchFields.Body, article.BodyText, Field.Store.NO),
            new TextField(SearchFields.Byline, article.Byline ?? string.Empty, Field.Store.NO),
            new StringField(SearchFields.Section, Key(article.SectionId), Field.Store.NO),
            new Int64Field(SearchFields.Published, article.PublishedAtUtc.Ticks, Field.Store.NO),
            new NumericDocValuesField(SearchFields.PublishedSort, article.PublishedAtUtc.Ticks),
        };
        foreach (var tag in article.Tags)
        {
            document.Add(new TextField(SearchFields.Tags, tag, Field.Store.NO));
        }

        return document;
    }

    /// <summary>In how many articles the unit appears, at most (the largest over fields and alternatives).</summary>
    private static int DocumentFrequency(IndexReader reader, IReadOnlyList<string[]> unit)
    {
        var frequency = 0;
        foreach (var alternative in unit)
        {
            foreach (var (field, _) in SearchFields.Text)
            {
                // A phrase is at most as frequent as its rarest word.
                var df = alternative.Min(word => reader.DocFreq(new Term(field, word)));
                frequency = Math.Max(frequency, df);
            }
        }

        return frequency;
    }

    private static Query UnitQuery(IReadOnlyList<string[]> unit, string field)
    {
        if (unit.Count == 1)
        {
            return AlternativeQuery(unit[0], field);
        }

        var any = new BooleanQuery();
        foreach (var alternative in unit)
        {
            any.Add(AlternativeQuery(alternative, field), Occur.SHOULD);
        }

        return any;
    }

    private static Query AlternativeQuery(string[] words, string field)
    {
        if (words.Length == 1)
        {
            return new TermQuery(new Term(field, words[0]));
        }

        var phrase = new PhraseQuery();
        foreach (var word in words)
        {
            phrase.Add(new Term(field, word));
        }

        return phrase;
    }

    /// <summary>The whole query, unit after unit with nothing between, in <paramref name="field"/>.</summary>
    private static SpanNearQuery PhraseSpan(IReadOnlyList<IReadOnlyList<string[]>> units, string field) =>
        new SpanNearQuery([.. units.Select(u => UnitSpan(u, field))], 0, true);

    private static SpanQuery UnitSpan(IReadOnlyList<string[]> unit, string field)
    {
        var alternatives = unit.Select(words => words.Length == 1
            ? (SpanQuery)new SpanTermQuery(new Term(field, words[0]))
            : new SpanNearQuery([.. words.Select(w => (SpanQuery)new SpanTermQuery(new Term(field, w)))], 0, true)).ToArray();
        return alternatives.Length == 1 ? alternatives[0] : new SpanOrQuery(alternatives);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index folder {Path} is in use by another process; this node indexes into {Temporary} instead. Give each node its own Search:IndexPath.")]
    private partial void LogIndexLocked(string path, string temporary);
}

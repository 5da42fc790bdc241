using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
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
    private const string Schema = "4";

    private const string SchemaKey = "schema";
    private const string WatermarkKey = "watermark";
    private const string CompleteKey = "complete";

    /// <summary>A word found in more than this share of articles is not required to match.</summary>
    private const double CommonWordShare = 0.5;

    private static readonly SortField NewestFirst = new(SearchFields.PublishedSort, SortFieldType.INT64, true);

    /// <summary>
    /// Whether the top tier's clause (the phrase in the title, or for one unit the unit in the
    /// title) is worth more than every other clause together, so that its matches come first;
    /// fixed by the field weights, so worked out once.
    /// </summary>
    private static readonly bool PhraseTierOutranksTheRest =
        SearchFields.Phrase.Single(p => p.Field == SearchFields.Title).Weight
        > SearchFields.AllWeight + SearchFields.Text.Sum(t => t.Weight) + SearchFields.Phrase.Where(p => p.Field != SearchFields.Title).Sum(p => p.Weight);

    private static readonly bool TitleTierOutranksTheRest =
        SearchFields.Text.Single(t => t.Field == SearchFields.Title).Weight
        > SearchFields.AllWeight + SearchFields.Text.Where(t => t.Field != SearchFields.Title).Sum(t => t.Weight);

    private readonly ILogger<SearchIndex> _logger;
    private readonly LuceneDirectory _directory;
    private readonly string? _temporaryPath;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Dictionary<int, int> _versions = [];

    /// <summary>The latest publish time in the index, ever (deletions do not lower it): no date filter is needed up to it.</summary>
    private long _newestPublishedTicks = long.MaxValue;
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
    }

    private bool _versionsLoaded;

    /// <summary>
    /// Reads every indexed article's version from a complete index, once. It takes a second or two
    /// on 100,000 articles, so the sync's first pass does it in the background rather than the
    /// constructor on the start-up path (hosted services are built before the server listens).
    /// Until then searches work, only without the version map the sync needs.
    /// </summary>
    internal void LoadVersionsOnce()
    {
        lock (_gate)
        {
            if (_versionsLoaded)
            {
                return;
            }

            _versionsLoaded = true;
            if (IsComplete)
            {
                LoadVersions();
            }
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
            Interlocked.Exchange(ref _newestPublishedTicks, long.MaxValue);
            IsComplete = false;
            Watermark = null;
        }
    }

    /// <summary>
    /// Merges the index into one segment: after a full build, searches walk one posting list per
    /// word instead of one per segment (about a third faster on 100,000 articles).
    /// </summary>
    public void Optimize()
    {
        lock (_gate)
        {
            _writer.ForceMerge(1);
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>
    /// Adds or replaces <paramref name="upserts"/>, removes <paramref name="deletes"/>, and (unless
    /// <paramref name="commit"/> is false, as during a full build) commits and refreshes the readers.
    /// </summary>
    public void Apply(IReadOnlyCollection<IndexedArticle> upserts, IReadOnlyCollection<int> deletes, DateTime? watermark, bool complete, bool commit = true)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletes);
        lock (_gate)
        {
            foreach (var article in upserts)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, Key(article.Id)), ToDocument(article));
                _versions[article.Id] = article.Version;
                if (_newestPublishedTicks == long.MaxValue || article.PublishedAtUtc.Ticks > _newestPublishedTicks)
                {
                    Interlocked.Exchange(ref _newestPublishedTicks, article.PublishedAtUtc.Ticks);
                }
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
            if (!commit)
            {
                return;
            }

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

            _searchers.MaybeRefreshBlocking();
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

            // Required: every unit that is not common (if all are, all of them), looked up once in
            // the field that holds all the text; finding it anywhere is worth its share of 1 point.
            // The places that rank (title, tags, lead, byline) are optional clauses, evaluated
            // only on the documents that have every required unit.
            var matching = new BooleanQuery(disableCoord: true);
            var ranking = new BooleanQuery(disableCoord: true);
            // The clause worth more than all the others together (the whole query as a phrase in the
            // title; for one unit, the unit in the title): its matches outrank every other article.
            Query? topTier = null;
            var rare = Enumerable.Range(0, units.Count).Where(u => frequencies[u] <= CommonWordShare * total).ToList();
            var required = rare.Count > 0 ? rare : [.. Enumerable.Range(0, units.Count)];
            for (var u = 0; u < units.Count; u++)
            {
                var share = (float)(idf[u] / idfSum);
                if (required.Contains(u))
                {
                    matching.Add(new ConstantScoreQuery(UnitQuery(units[u], SearchFields.All)) { Boost = SearchFields.AllWeight * share }, Occur.MUST);
                }

                foreach (var (field, weight) in SearchFields.Text)
                {
                    var clause = new ConstantScoreQuery(UnitQuery(units[u], field)) { Boost = weight * share };
                    ranking.Add(clause, Occur.SHOULD);
                    if (units.Count == 1 && field == SearchFields.Title)
                    {
                        topTier = clause;
                    }
                }
            }

            if (units.Count > 1)
            {
                foreach (var (field, weight) in SearchFields.Phrase)
                {
                    var clause = new ConstantScoreQuery(WholePhrase(units, field)) { Boost = weight };
                    ranking.Add(clause, Occur.SHOULD);
                    if (field == SearchFields.Title)
                    {
                        topTier = clause;
                    }
                }
            }

            // Filters only when they exclude something: a date range over every article costs a
            // few milliseconds, and until an article is published with a future date none is needed.
            var filter = new BooleanFilter();
            var to = Math.Min(request.ToUtc?.Ticks ?? long.MaxValue, request.NowUtc.Ticks);
            if (request.FromUtc is not null || to < Interlocked.Read(ref _newestPublishedTicks))
            {
                filter.Add(new FilterClause(NumericRangeFilter.NewInt64Range(SearchFields.Published, request.FromUtc?.Ticks, to, true, true), Occur.MUST));
            }

            if (request.SectionId is { } sectionId)
            {
                filter.Add(new FilterClause(new QueryWrapperFilter(new TermQuery(new Term(SearchFields.Section, Key(sectionId)))), Occur.MUST));
            }

            // Every match scores the same from the required units; the ranking clauses (title, lead,
            // tags, phrases) add to that. So the ranking's matches, scored and sorted, come first in
            // exactly the order one query over all matches would give, and the rest (found in the
            // body only, equal scores) follow newest first. Scoring only the ranking's matches rather
            // than every match is what keeps a query found in 40% of 100,000 articles fast; the
            // number of matches is counted without scoring.
            var useFilter = filter.Any() ? filter : null;
            var wanted = Math.Max(request.Skip + request.Take, 1);
            var counter = new TotalHitCountCollector();
            searcher.Search(matching, useFilter, counter);
            var byScore = new Sort(SortField.FIELD_SCORE, NewestFirst);
            var ranked = new BooleanQuery(disableCoord: true) { { matching, Occur.MUST }, { ranking, Occur.MUST } };
            TopDocs? first = null;
            if (topTier is not null && (units.Count > 1 ? PhraseTierOutranksTheRest : TitleTierOutranksTheRest))
            {
                // Enough articles in the top tier fill the page alone, and scoring them is cheaper
                // than scoring every title and lead match (a common phrase is in thousands of leads).
                // The tier's clause counts twice here, the same for each of them: the order holds.
                var top = new BooleanQuery(disableCoord: true) { { ranked, Occur.MUST }, { topTier, Occur.MUST } };
                var tier = searcher.Search(top, useFilter, wanted, byScore, doDocScores: false, doMaxScore: false);
                first = tier.TotalHits >= wanted ? tier : null;
            }

            first ??= searcher.Search(ranked, useFilter, wanted, byScore, doDocScores: false, doMaxScore: false);
            var docs = first.ScoreDocs.Select(d => d.Doc).ToList();
            if (docs.Count < wanted && first.TotalHits < counter.TotalHits)
            {
                var rest = new BooleanQuery(disableCoord: true) { { matching, Occur.MUST }, { ranking, Occur.MUST_NOT } };
                docs.AddRange(searcher.Search(rest, useFilter, wanted - docs.Count, new Sort(NewestFirst)).ScoreDocs.Select(d => d.Doc));
            }

            var ids = new List<int>(request.Take);
            foreach (var doc in docs.Skip(request.Skip))
            {
                var id = searcher.Doc(doc).Get(SearchFields.Id, CultureInfo.InvariantCulture);
                ids.Add(int.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture));
            }

            return new SearchHits(counter.TotalHits, ids);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>Every alternative of every unit of <paramref name="query"/> (words and phrases), for <see cref="Snippets"/>.</summary>
    public static IReadOnlyList<string[]> Terms(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. query.Units.SelectMany(u => u)];
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
            var newest = long.MinValue;
            foreach (var context in searcher.IndexReader.Leaves)
            {
                var leaf = context.AtomicReader;
                var live = leaf.LiveDocs;
                var published = leaf.GetNumericDocValues(SearchFields.PublishedSort);
                for (var doc = 0; doc < leaf.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc))
                    {
                        continue;
                    }

                    var stored = leaf.Document(doc);
                    var id = int.Parse(stored.Get(SearchFields.Id, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture);
                    _versions[id] = stored.GetField(SearchFields.Version).GetInt32Value() ?? 0;
                    newest = Math.Max(newest, published?.Get(doc) ?? long.MaxValue);
                }
            }

            if (newest != long.MinValue)
            {
                _newestPublishedTicks = newest;
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
            new StringField(SearchFields.Section, Key(article.SectionId), Field.Store.NO),
            new Int64Field(SearchFields.Published, article.PublishedAtUtc.Ticks, Field.Store.NO),
            new NumericDocValuesField(SearchFields.PublishedSort, article.PublishedAtUtc.Ticks),
        };
        string[] head = [article.Lead, article.Byline ?? string.Empty, .. article.Tags];
        AddText(document, SearchFields.Title, [article.Title]);
        AddText(document, SearchFields.Head, head);
        // Everything a reader can find the article by, in one field: one posting list per word
        // decides what matches. The body is indexed only here (it ranks by presence alone).
        AddText(document, SearchFields.All, [article.Title, article.BodyText, .. head]);
        return document;
    }

    /// <summary>Each part as words and as pairs of words; parts never pair across each other's edges.</summary>
    private static void AddText(Document document, string field, IEnumerable<string> parts)
    {
        foreach (var part in parts.Where(p => p.Length > 0))
        {
            document.Add(new TextField(field, part, Field.Store.NO));
            document.Add(new TextField(Pairs(field), part, Field.Store.NO));
        }
    }

    /// <summary>In how many articles the unit appears, at most (the largest over its alternatives).</summary>
    private static int DocumentFrequency(IndexReader reader, IReadOnlyList<string[]> unit)
    {
        const string Field = SearchFields.All;
        var frequency = 0;
        foreach (var alternative in unit)
        {
            // A phrase is at most as frequent as its rarest pair of words.
            var df = alternative.Length == 1
                ? reader.DocFreq(new Term(Field, alternative[0]))
                : Enumerable.Range(0, alternative.Length - 1).Min(i => reader.DocFreq(new Term(Pairs(Field), VietnameseAnalyzer.Pair(alternative[i], alternative[i + 1]))));
            frequency = Math.Max(frequency, df);
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

    private static string Pairs(string field) => field + VietnameseAnalyzer.ShingleSuffix;

    /// <summary>One word, or a phrase as all of its neighbouring pairs.</summary>
    private static Query AlternativeQuery(string[] words, string field)
    {
        if (words.Length == 1)
        {
            return new TermQuery(new Term(field, words[0]));
        }

        var pairs = new BooleanQuery();
        for (var i = 0; i + 1 < words.Length; i++)
        {
            pairs.Add(new TermQuery(new Term(Pairs(field), VietnameseAnalyzer.Pair(words[i], words[i + 1]))), Occur.MUST);
        }

        return pairs;
    }

    /// <summary>
    /// The whole query as a phrase in <paramref name="field"/>: every unit that is a phrase, and
    /// at each boundary between units one of the pairs its alternatives can make.
    /// </summary>
    private static BooleanQuery WholePhrase(IReadOnlyList<IReadOnlyList<string[]>> units, string field)
    {
        var phrase = new BooleanQuery();
        for (var u = 0; u < units.Count; u++)
        {
            if (units[u].Any(a => a.Length > 1))
            {
                phrase.Add(UnitQuery(units[u], field), Occur.MUST);
            }

            if (u + 1 < units.Count)
            {
                var boundary = new BooleanQuery();
                foreach (var pair in units[u].Select(a => a[^1]).Distinct(StringComparer.Ordinal)
                    .SelectMany(last => units[u + 1].Select(b => VietnameseAnalyzer.Pair(last, b[0]))).Distinct(StringComparer.Ordinal))
                {
                    boundary.Add(new TermQuery(new Term(Pairs(field), pair)), Occur.SHOULD);
                }

                phrase.Add(boundary, Occur.MUST);
            }
        }

        return phrase;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index folder {Path} is in use by another process; this node indexes into {Temporary} instead. Give each node its own Search:IndexPath.")]
    private partial void LogIndexLocked(string path, string temporary);
}

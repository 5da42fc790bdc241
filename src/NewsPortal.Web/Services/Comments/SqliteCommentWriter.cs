using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Web.Data;

namespace NewsPortal.Web.Services.Comments;

/// <summary>
/// Group commit for comment posts on SQLite. SQLite has one writer at a time and, with
/// <c>synchronous=FULL</c>, waits for the disk on every commit (4 ms here: at most ~250 commits a
/// second). So the posts of this process go through one queue: the writer takes whatever has
/// arrived, runs each post's checks and insert in turn inside one transaction (a later post's
/// duplicate and flood checks see the earlier ones' rows) and commits them together; only then is
/// each post answered. If the batch fails, every post in it is run again alone, so one bad post
/// does not take the others with it. Nothing is answered "accepted" before it is on disk.
/// </summary>
public sealed partial class SqliteCommentWriter(IServiceScopeFactory scopes, ILogger<SqliteCommentWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<Post> _queue = Channel.CreateUnbounded<Post>(new UnboundedChannelOptions { SingleReader = true });

    public Task<CommentOutcome> RunAsync(Func<NewsDbContext, CancellationToken, Task<CommentOutcome>> work, CancellationToken cancellationToken)
    {
        var post = new Post(work, new TaskCompletionSource<CommentOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(post))
        {
            throw new OperationCanceledException("The application is stopping.");
        }

        // A reader who leaves stops waiting; the post itself is still stored or refused.
        return post.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Post>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await DrainAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Stopping: what was sent before is still answered.
        _queue.Writer.TryComplete();
        await DrainAsync(batch, CancellationToken.None);
    }

    private async Task DrainAsync(List<Post> batch, CancellationToken cancellationToken)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var post))
            {
                batch.Add(post);
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                Answer(batch, await InOneTransactionAsync(batch, cancellationToken));
            }
            catch (Exception exception) when (batch.Count > 1)
            {
                LogBatchFailed(batch.Count, exception);
                foreach (var post in batch)
                {
                    try
                    {
                        Answer([post], await InOneTransactionAsync([post], cancellationToken));
                    }
                    catch (Exception alone)
                    {
                        post.Done.TrySetException(alone);
                    }
                }
            }
            catch (Exception exception)
            {
                batch[0].Done.TrySetException(exception);
            }
        }
    }

    /// <summary>Runs the posts in turn in one transaction; their outcomes once it is committed.</summary>
    private async Task<CommentOutcome[]> InOneTransactionAsync(IReadOnlyList<Post> posts, CancellationToken cancellationToken)
    {
        var outcomes = new CommentOutcome[posts.Count];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < posts.Count; i++)
        {
            db.ChangeTracker.Clear();
            outcomes[i] = await posts[i].Work(db, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    private static void Answer(IReadOnlyList<Post> posts, CommentOutcome[] outcomes)
    {
        for (var i = 0; i < posts.Count; i++)
        {
            posts[i].Done.TrySetResult(outcomes[i]);
        }
    }

    private sealed record Post(Func<NewsDbContext, CancellationToken, Task<CommentOutcome>> Work, TaskCompletionSource<CommentOutcome> Done);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Warning, Message = "A batch of {Count} comment posts failed; each is run again alone")]
    private partial void LogBatchFailed(int count, Exception exception);
}

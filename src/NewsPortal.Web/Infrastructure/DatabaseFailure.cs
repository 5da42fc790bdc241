using System.Data.Common;
using StackExchange.Redis;

namespace NewsPortal.Web.Infrastructure;

public static class DatabaseFailure
{
    /// <summary>
    /// True when an exception means the database, or the Redis that several nodes share (the key
    /// ring, the page cache), could not be reached or answered in time: the page answers 503 with
    /// Retry-After rather than 500.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException or RedisException)
            {
                return true;
            }
        }

        return false;
    }
}

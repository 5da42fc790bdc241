using System.Data.Common;

namespace NewsPortal.Web.Infrastructure;

public static class DatabaseFailure
{
    /// <summary>
    /// True when an exception means the database could not be reached or answered in time:
    /// the page answers 503 with Retry-After rather than 500.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}

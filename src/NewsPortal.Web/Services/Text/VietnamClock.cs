namespace NewsPortal.Web.Services.Text;

/// <summary>
/// Converts between the UTC stored in the database and Vietnam's local time shown on screen.
/// Time comes from the injected <see cref="TimeProvider"/> so tests can pin it.
/// </summary>
public sealed class VietnamClock(TimeProvider timeProvider)
{
    /// <summary>Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving since 1975).</summary>
    public static readonly TimeZoneInfo Zone = FindZone();

    public DateTime UtcNow => timeProvider.GetUtcNow().UtcDateTime;

    public DateTime LocalNow => ToLocal(UtcNow);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public static DateTimeOffset ToLocalOffset(DateTime utc) =>
        new(ToLocal(utc), Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A container without tzdata: Vietnam has kept UTC+7 without DST since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "ICT");
        }
    }
}

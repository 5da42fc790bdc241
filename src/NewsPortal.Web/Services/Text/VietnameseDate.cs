using System.Globalization;

namespace NewsPortal.Web.Services.Text;

/// <summary>
/// Vietnamese date forms. The weekday names are pinned here rather than taken from ICU's
/// <c>dddd</c>, whose vi-VN data has changed between versions ("Chủ Nhật" vs "Chủ nhật").
/// </summary>
public static class VietnameseDate
{
    private static readonly string[] Weekdays =
    [
        "Chủ nhật", // DayOfWeek.Sunday = 0
        "Thứ hai",
        "Thứ ba",
        "Thứ tư",
        "Thứ năm",
        "Thứ sáu",
        "Thứ bảy",
    ];

    public static string WeekdayName(DayOfWeek day) => Weekdays[(int)day];

    /// <summary>The header line: <c>Chủ nhật Ngày 03 Tháng 07 Năm 2022, 01:30:31</c>.</summary>
    public static string HeaderLine(DateTime local) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{WeekdayName(local.DayOfWeek)} Ngày {local:dd} Tháng {local:MM} Năm {local:yyyy}, {local:HH:mm:ss}");

    /// <summary>A short date: <c>04/01/2022</c>.</summary>
    public static string ShortDate(DateTime local) => local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date and time: <c>04/01/2022 15:30</c>.</summary>
    public static string DateTime(DateTime local) => local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A month heading for archives: <c>Tháng 01/2022</c>.</summary>
    public static string MonthHeading(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"Tháng {month:00}/{year}");
}

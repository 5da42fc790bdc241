using System.Globalization;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.UnitTests.Text;

public sealed class VietnameseDateTests
{
    // The week of Monday 2022-07-04 to Sunday 2022-07-10, with the pinned Vietnamese weekday names.
    public static TheoryData<int, string, DayOfWeek> Week => new()
    {
        { 4, "Thứ hai", DayOfWeek.Monday },
        { 5, "Thứ ba", DayOfWeek.Tuesday },
        { 6, "Thứ tư", DayOfWeek.Wednesday },
        { 7, "Thứ năm", DayOfWeek.Thursday },
        { 8, "Thứ sáu", DayOfWeek.Friday },
        { 9, "Thứ bảy", DayOfWeek.Saturday },
        { 10, "Chủ nhật", DayOfWeek.Sunday },
    };

    [Theory]
    [MemberData(nameof(Week))]
    public void WeekdayNameIsPinnedVietnameseName(int dayOfJuly2022, string expected, DayOfWeek day)
    {
        var date = new DateTime(2022, 7, dayOfJuly2022, 9, 0, 0, DateTimeKind.Unspecified);
        Assert.Equal(day, date.DayOfWeek);

        Assert.Equal(expected, VietnameseDate.WeekdayName(day));
        Assert.Equal(expected, VietnameseDate.WeekdayName(date.DayOfWeek));
    }

    [Theory]
    [MemberData(nameof(Week))]
    public void HeaderLineStartsWithWeekdayOfThatDate(int dayOfJuly2022, string expected, DayOfWeek day)
    {
        var date = new DateTime(2022, 7, dayOfJuly2022, 8, 5, 9, DateTimeKind.Unspecified);
        Assert.Equal(day, date.DayOfWeek);

        var line = VietnameseDate.HeaderLine(date);

        Assert.Equal(
            expected + " Ngày " + dayOfJuly2022.ToString("00", CultureInfo.InvariantCulture) + " Tháng 07 Năm 2022, 08:05:09",
            line);
    }

    [Fact]
    public void WeekdayNamesAreSevenDistinctNames()
    {
        var names = Enum.GetValues<DayOfWeek>().Select(VietnameseDate.WeekdayName).ToList();

        Assert.Equal(7, names.Count);
        Assert.Equal(7, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void HeaderLineMatchesPortalHeaderExample()
    {
        var local = new DateTime(2022, 7, 3, 1, 30, 31, DateTimeKind.Unspecified);

        Assert.Equal("Chủ nhật Ngày 03 Tháng 07 Năm 2022, 01:30:31", VietnameseDate.HeaderLine(local));
    }

    [Fact]
    public void HeaderLineUsesTwentyFourHourClock()
    {
        var local = new DateTime(2022, 1, 4, 23, 59, 58, DateTimeKind.Unspecified);

        Assert.Equal("Thứ ba Ngày 04 Tháng 01 Năm 2022, 23:59:58", VietnameseDate.HeaderLine(local));
    }

    [Fact]
    public void HeaderLineKeepsTwoDigitDayAndMonth()
    {
        var local = new DateTime(2022, 12, 31, 0, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal("Thứ bảy Ngày 31 Tháng 12 Năm 2022, 00:00:00", VietnameseDate.HeaderLine(local));
    }

    [Theory]
    [InlineData(2022, 1, 4, "04/01/2022")]
    [InlineData(2021, 12, 31, "31/12/2021")]
    [InlineData(2000, 2, 29, "29/02/2000")]
    public void ShortDateIsDayMonthYearWithTwoDigits(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, VietnameseDate.ShortDate(new DateTime(year, month, day, 15, 30, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void DateTimeIsShortDateWithHoursAndMinutes()
    {
        Assert.Equal("04/01/2022 15:30", VietnameseDate.DateTime(new DateTime(2022, 1, 4, 15, 30, 45, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void MonthHeadingHasTwoDigitMonth()
    {
        Assert.Equal("Tháng 01/2022", VietnameseDate.MonthHeading(2022, 1));
        Assert.Equal("Tháng 11/2021", VietnameseDate.MonthHeading(2021, 11));
    }

    [Theory]
    [InlineData("vi-VN")]
    [InlineData("en-US")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    public void FormatsDoNotDependOnCurrentCulture(string cultureName)
    {
        var local = new DateTime(2022, 7, 3, 1, 30, 31, DateTimeKind.Unspecified);
        var originalCulture = CultureInfo.CurrentCulture;
        var originalUiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(cultureName);
            CultureInfo.CurrentUICulture = new CultureInfo(cultureName);

            Assert.Equal("Chủ nhật Ngày 03 Tháng 07 Năm 2022, 01:30:31", VietnameseDate.HeaderLine(local));
            Assert.Equal("03/07/2022", VietnameseDate.ShortDate(local));
            Assert.Equal("03/07/2022 01:30", VietnameseDate.DateTime(local));
            Assert.Equal("Tháng 07/2022", VietnameseDate.MonthHeading(2022, 7));
            Assert.Equal("Thứ hai", VietnameseDate.WeekdayName(DayOfWeek.Monday));
        }
        finally
        {
            CultureInfo.CurrentCulture = originalCulture;
            CultureInfo.CurrentUICulture = originalUiCulture;
        }
    }
}

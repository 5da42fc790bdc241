using Microsoft.Extensions.Time.Testing;
using NewsPortal.Web.Services.Text;

namespace NewsPortal.UnitTests.Text;

public sealed class VietnamClockTests
{
    [Fact]
    public void ToLocalAddsSevenHours()
    {
        var utc = new DateTime(2022, 7, 2, 18, 30, 31, DateTimeKind.Utc);

        var local = VietnamClock.ToLocal(utc);

        Assert.Equal(new DateTime(2022, 7, 3, 1, 30, 31, DateTimeKind.Unspecified), local);
        Assert.NotEqual(DateTimeKind.Utc, local.Kind);
    }

    [Fact]
    public void ToLocalCrossesYearBoundary()
    {
        var utc = new DateTime(2021, 12, 31, 17, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), VietnamClock.ToLocal(utc));
    }

    [Fact]
    public void ToLocalTreatsUnspecifiedKindAsUtc()
    {
        var stored = new DateTime(2022, 7, 2, 18, 30, 31, DateTimeKind.Unspecified);

        Assert.Equal(new DateTime(2022, 7, 3, 1, 30, 31, DateTimeKind.Unspecified), VietnamClock.ToLocal(stored));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10)]
    public void ToLocalIsUtcPlusSevenAllYear(int month)
    {
        // No daylight saving: the offset is +7 in every season.
        var utc = new DateTime(2023, month, 15, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2023, month, 15, 19, 0, 0, DateTimeKind.Unspecified), VietnamClock.ToLocal(utc));
    }

    [Fact]
    public void ToUtcSubtractsSevenHours()
    {
        var local = new DateTime(2022, 7, 3, 1, 30, 31, DateTimeKind.Unspecified);

        var utc = VietnamClock.ToUtc(local);

        Assert.Equal(new DateTime(2022, 7, 2, 18, 30, 31, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void ToUtcIgnoresKindOfLocalValue()
    {
        var local = new DateTime(2022, 7, 3, 1, 30, 31, DateTimeKind.Local);

        Assert.Equal(new DateTime(2022, 7, 2, 18, 30, 31, DateTimeKind.Utc), VietnamClock.ToUtc(local));
    }

    [Fact]
    public void ToUtcIsInverseOfToLocal()
    {
        var utc = new DateTime(2022, 1, 4, 8, 15, 0, DateTimeKind.Utc);

        Assert.Equal(utc, VietnamClock.ToUtc(VietnamClock.ToLocal(utc)));
    }

    [Fact]
    public void ToLocalOffsetHasPlusSevenOffset()
    {
        var utc = new DateTime(2022, 7, 2, 18, 30, 31, DateTimeKind.Utc);

        var offset = VietnamClock.ToLocalOffset(utc);

        Assert.Equal(TimeSpan.FromHours(7), offset.Offset);
        Assert.Equal(new DateTime(2022, 7, 3, 1, 30, 31, DateTimeKind.Unspecified), offset.DateTime);
        Assert.Equal(new DateTimeOffset(2022, 7, 2, 18, 30, 31, TimeSpan.Zero), offset);
        Assert.Equal("2022-07-03T01:30:31+07:00", offset.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void LocalNowComesFromTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 7, 2, 18, 30, 31, TimeSpan.Zero));
        var clock = new VietnamClock(time);

        Assert.Equal(new DateTime(2022, 7, 3, 1, 30, 31, DateTimeKind.Unspecified), clock.LocalNow);
        Assert.Equal(new DateTime(2022, 7, 2, 18, 30, 31, DateTimeKind.Utc), clock.UtcNow);
        Assert.Equal(DateTimeKind.Utc, clock.UtcNow.Kind);
    }

    [Fact]
    public void LocalNowFollowsTimeProviderWhenTimeAdvances()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 12, 31, 16, 59, 59, TimeSpan.Zero));
        var clock = new VietnamClock(time);
        Assert.Equal(new DateTime(2021, 12, 31, 23, 59, 59, DateTimeKind.Unspecified), clock.LocalNow);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), clock.LocalNow);
    }

    [Fact]
    public void HeaderLineOfLocalNowMatchesPortalExample()
    {
        var clock = new VietnamClock(new FakeTimeProvider(new DateTimeOffset(2022, 7, 2, 18, 30, 31, TimeSpan.Zero)));

        Assert.Equal("Chủ nhật Ngày 03 Tháng 07 Năm 2022, 01:30:31", VietnameseDate.HeaderLine(clock.LocalNow));
    }

    [Fact]
    public void LocalNowDoesNotDependOnMachineTimeZone()
    {
        // A provider whose local zone is far from Vietnam must not change the result.
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 7, 2, 18, 30, 31, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("Test/Minus10", TimeSpan.FromHours(-10), "Minus10", "Minus10"));
        var clock = new VietnamClock(time);

        Assert.Equal(new DateTime(2022, 7, 3, 1, 30, 31, DateTimeKind.Unspecified), clock.LocalNow);
    }
}

namespace Purrr.Core.Crypto;

/// <summary>The daily withdrawal limit counts what a player asked for during their own calendar day (their time zone).</summary>
public static class WithdrawalLimits
{
    /// <summary>The player's local day around <paramref name="now"/>, as instants: [local midnight, next local midnight).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) DayOf(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = local.Date;
        return (AtLocal(midnight, zone), AtLocal(midnight.AddDays(1), zone));
    }

    /// <summary>What is still allowed today, given what was already asked for.</summary>
    public static long Remaining(long dailyLimit, long alreadyToday) => Math.Max(0, dailyLimit - alreadyToday);

    // A local wall-clock time as an instant; a time skipped by a DST jump moves forward to the first one that exists.
    private static DateTimeOffset AtLocal(DateTime wallClock, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(wallClock))
            wallClock = wallClock.AddMinutes(30);
        return new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock));
    }
}

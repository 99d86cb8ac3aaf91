namespace Purrr.Core.NightWatch;

/// <summary>
/// When night watch runs for a player: from <see cref="StartHour"/> to <see cref="EndHour"/> in their own time zone
/// (21:00–06:00 by default, spec §6). Works across midnight and on daylight-saving change days.
/// </summary>
public sealed record NightWindow(int StartHour = 21, int EndHour = 6)
{
    public static readonly NightWindow Default = new();

    public bool IsNight(TimeZoneInfo zone, DateTimeOffset now)
    {
        var hour = TimeZoneInfo.ConvertTime(now, zone).Hour;
        return StartHour > EndHour ? hour >= StartHour || hour < EndHour : hour >= StartHour && hour < EndHour;
    }

    /// <summary>The next time night begins (now, if it is night).</summary>
    public DateTimeOffset NextStart(TimeZoneInfo zone, DateTimeOffset now)
    {
        if (IsNight(zone, now))
            return CurrentStart(zone, now);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var start = local.Date.AddHours(StartHour);
        return ToInstant(local < start ? start : start.AddDays(1), zone);
    }

    /// <summary>When the current (or next) night ends: dawn.</summary>
    public DateTimeOffset Dawn(TimeZoneInfo zone, DateTimeOffset now)
    {
        var start = TimeZoneInfo.ConvertTime(NextStart(zone, now), zone).DateTime;
        var end = start.Date.AddHours(EndHour);
        if (end <= start)
            end = end.AddDays(1);
        return ToInstant(end, zone);
    }

    private DateTimeOffset CurrentStart(TimeZoneInfo zone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var start = local.Date.AddHours(StartHour);
        return ToInstant(start <= local ? start : start.AddDays(-1), zone);
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a clock change moves to the first valid minute after.</summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
            wall = wall.AddMinutes(1);
        return new DateTimeOffset(wall, zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall));
    }
}

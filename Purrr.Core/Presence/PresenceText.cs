using System.Globalization;

namespace Purrr.Core.Presence;

/// <summary>Presence as players read it: "Online", "Away", "Busy", "Last seen 5m ago", "Last seen 24 Nov 2026".</summary>
public static class PresenceText
{
    /// <summary>Older than this, "last seen" gives the date (in <c>zone</c>, the reader's; UTC if none).</summary>
    public static readonly TimeSpan DateAfter = TimeSpan.FromDays(7);

    public static string Describe(PresenceState state, DateTimeOffset now, TimeZoneInfo? zone = null) => state.Status switch
    {
        PresenceStatus.Online => "Online",
        PresenceStatus.Away => "Away",
        PresenceStatus.Busy => "Busy",
        _ => state.LastSeenAt is { } at ? "Last seen " + Ago(now - at, at, zone) : "Offline",
    };

    /// <summary>When <see cref="Describe"/> will next say something else without the state changing; null when never.</summary>
    public static DateTimeOffset? NextChange(PresenceState state, DateTimeOffset now)
    {
        if (state is not { Status: PresenceStatus.Offline, LastSeenAt: { } at })
            return null;
        var ago = now - at;
        var unit = ago < TimeSpan.FromHours(1) ? TimeSpan.FromMinutes(1) : ago < TimeSpan.FromDays(1) ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        // The next whole unit since last seen; the units divide a week, so the last step lands on the switch to a date.
        return ago >= DateAfter ? null : at + unit * (Math.Max(0, Math.Floor(ago / unit)) + 1);
    }

    private static string Ago(TimeSpan ago, DateTimeOffset at, TimeZoneInfo? zone) => ago switch
    {
        _ when ago < TimeSpan.FromMinutes(1) => "just now", // also a clock a little behind the one that stored it
        _ when ago < TimeSpan.FromHours(1) => $"{(int)ago.TotalMinutes}m ago",
        _ when ago < TimeSpan.FromDays(1) => $"{(int)ago.TotalHours}h ago",
        _ when ago < DateAfter => $"{(int)ago.TotalDays}d ago",
        _ => TimeZoneInfo.ConvertTime(at, zone ?? TimeZoneInfo.Utc).ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };
}

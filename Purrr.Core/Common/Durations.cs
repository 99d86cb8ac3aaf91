namespace Purrr.Core.Common;

public static class Durations
{
    /// <summary>Time left as players read it: "3 h 20 min", "8 min", "40 s" (rounded up, so it never says less than is left).</summary>
    public static string Countdown(TimeSpan left)
    {
        if (left < TimeSpan.FromMinutes(1))
            return $"{Math.Max(1, Math.Ceiling(left.TotalSeconds)):0} s";
        var minutes = (long)Math.Ceiling(left.TotalMinutes);
        return minutes >= 60 ? $"{minutes / 60} h {minutes % 60} min" : $"{minutes} min";
    }
}

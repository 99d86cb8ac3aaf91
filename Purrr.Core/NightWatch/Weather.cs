using Purrr.Core.Common;

namespace Purrr.Core.NightWatch;

public enum WeatherCondition { Clear, Cloudy, Fog, Rain, Snow }

/// <summary>The weather at a place and time. A real provider can be configured; the default makes it up deterministically.</summary>
public interface IWeatherProvider
{
    WeatherCondition At(GeoPoint place, DateTimeOffset at);
}

/// <summary>
/// Plausible weather without a network: by season (more rain in spring and autumn, snow in winter), stable for an
/// hour over a neighbourhood, the same every time it is asked.
/// </summary>
public sealed class SeasonalWeather : IWeatherProvider
{
    public WeatherCondition At(GeoPoint place, DateTimeOffset at)
    {
        var hour = (long)Math.Floor((at - DateTimeOffset.UnixEpoch).TotalHours);
        var cell = ((long)Math.Floor(place.Latitude * 20) * 73_856_093) ^ ((long)Math.Floor(place.Longitude * 20) * 19_349_663);
        var roll = Roll(unchecked(hour * 83_492_791 ^ cell));
        var (wet, cloudy, foggy) = at.UtcDateTime.Month switch
        {
            12 or 1 or 2 => (0.25, 0.35, 0.10),
            3 or 4 or 5 => (0.30, 0.30, 0.05),
            6 or 7 or 8 => (0.15, 0.25, 0.02),
            _ => (0.30, 0.30, 0.10),
        };
        var winter = at.UtcDateTime.Month is 12 or 1 or 2 && Math.Abs(place.Latitude) > 35;
        return roll switch
        {
            _ when roll < wet => winter ? WeatherCondition.Snow : WeatherCondition.Rain,
            _ when roll < wet + foggy => WeatherCondition.Fog,
            _ when roll < wet + foggy + cloudy => WeatherCondition.Cloudy,
            _ => WeatherCondition.Clear,
        };
    }

    /// <summary>A well-mixed number in [0, 1) from a key (SplitMix64): cheap enough to ask for every patrol every tick.</summary>
    private static double Roll(long key)
    {
        var z = unchecked((ulong)key + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}

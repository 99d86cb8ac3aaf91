using System.Globalization;

namespace Purrr.Core.Common;

/// <summary>
/// Where something on a map is, in words, for the list that stands in for the map (keyboard and screen-reader players):
/// "here", "120 m north-east", "1.4 km south".
/// </summary>
public static class MapDirections
{
    /// <summary>Closer than this is "here": a map pin covers about that much.</summary>
    public const double HereMeters = 15;

    private static readonly string[] Points = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"];

    /// <summary>The initial bearing from <paramref name="from"/> to <paramref name="to"/> in degrees, 0 = north, clockwise, [0, 360).</summary>
    public static double Bearing(GeoPoint from, GeoPoint to)
    {
        var (lat1, lat2) = (Radians(from.Latitude), Radians(to.Latitude));
        var dLng = Radians(to.Longitude - from.Longitude);
        var y = Math.Sin(dLng) * Math.Cos(lat2);
        var x = Math.Cos(lat1) * Math.Sin(lat2) - Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLng);
        var degrees = Math.Atan2(y, x) * 180 / Math.PI;
        return (degrees % 360 + 360) % 360;
    }

    /// <summary>The nearest of the eight compass points for a bearing (22.5° either side of each).</summary>
    public static string Compass(double bearingDegrees) =>
        Points[(int)Math.Round(((bearingDegrees % 360 + 360) % 360) / 45) % 8];

    /// <summary>"here", "120 m north-east" (to 10 m) or "1.4 km south" (to 0.1 km from 1 km on).</summary>
    public static string Describe(GeoPoint from, GeoPoint to)
    {
        var meters = from.DistanceTo(to);
        if (meters < HereMeters)
            return "here";
        var rounded = Math.Round(meters / 10) * 10;
        var distance = rounded < 1000
            ? string.Create(CultureInfo.InvariantCulture, $"{rounded:0} m")
            : string.Create(CultureInfo.InvariantCulture, $"{meters / 1000:0.0} km");
        return $"{distance} {Compass(Bearing(from, to))}";
    }

    /// <summary>"120 m north-east of your home", or "at your home" when it is there.</summary>
    public static string Describe(GeoPoint from, GeoPoint to, string origin) =>
        Describe(from, to) is var words && words == "here" ? $"at {origin}" : $"{words} of {origin}";

    /// <summary>What a neighbourhood map is centred on, for <see cref="Describe(GeoPoint, GeoPoint, string)"/>.</summary>
    public static string Origin(bool hasHome) => hasHome ? "your home" : "the map's centre";

    /// <summary>
    /// The items of a map in list order: nearest to <paramref name="origin"/> first, ties by name, so the list reads the
    /// map outwards from the player's home the same way every time.
    /// </summary>
    public static IReadOnlyList<T> Nearest<T>(IEnumerable<T> items, GeoPoint origin, Func<T, GeoPoint> where, Func<T, string> name) =>
        items.OrderBy(i => Math.Round(origin.DistanceTo(where(i)))).ThenBy(name, StringComparer.CurrentCultureIgnoreCase).ToList();

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}

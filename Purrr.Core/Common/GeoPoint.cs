using System.Globalization;

namespace Purrr.Core.Common;

/// <summary>A point on Earth in degrees (WGS 84).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public const double EarthRadiusMeters = 6_371_000;

    public static Problem? Check(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && latitude is >= -90 and <= 90 && longitude is >= -180 and <= 180
            ? null
            : new Problem("Choose a point on the map (latitude −90 to 90, longitude −180 to 180).", "Location");

    /// <summary>Great-circle distance by the haversine formula.</summary>
    public double DistanceTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLng = ToRadians(other.Longitude - Longitude);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>The point <paramref name="meters"/> away in direction <paramref name="bearingDegrees"/> (0 = north); fine for short hops.</summary>
    public GeoPoint Offset(double meters, double bearingDegrees)
    {
        var bearing = ToRadians(bearingDegrees);
        var dLat = meters * Math.Cos(bearing) / EarthRadiusMeters;
        var dLng = meters * Math.Sin(bearing) / (EarthRadiusMeters * Math.Cos(ToRadians(Latitude)));
        return new GeoPoint(Latitude + dLat * 180 / Math.PI, Longitude + dLng * 180 / Math.PI);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude:0.00000}, {Longitude:0.00000}");

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

using System.Globalization;

namespace Purrr.Cli;

/// <summary>A point given as "latitude,longitude" (37.77,-122.42), the way maps copy it.</summary>
public readonly record struct LatLng(double Latitude, double Longitude)
{
    public const string Expected = "Give a point as latitude,longitude, e.g. 37.77,-122.42.";

    /// <summary>The point, or the message saying what is wrong with the text.</summary>
    public static (LatLng? Point, string? Problem) Parse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryNumber(parts[0], out var latitude) || !TryNumber(parts[1], out var longitude))
            return (null, $"'{text}' is not a point. {Expected}");
        if (latitude is < -90 or > 90)
            return (null, $"Latitude {parts[0]} is out of range: it goes from -90 to 90 (is it the other way round?).");
        if (longitude is < -180 or > 180)
            return (null, $"Longitude {parts[1]} is out of range: it goes from -180 to 180.");
        return (new LatLng(latitude, longitude), null);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>To six decimals (about 10 cm), as it is typed back in; --json keeps the API's full precision.</summary>
    public override string ToString() =>
        $"{Latitude.ToString("0.######", CultureInfo.InvariantCulture)},{Longitude.ToString("0.######", CultureInfo.InvariantCulture)}";
}

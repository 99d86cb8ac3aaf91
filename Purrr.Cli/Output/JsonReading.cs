using System.Globalization;
using System.Text.Json;

namespace Purrr.Cli.Output;

/// <summary>Reading the API's JSON for tables: missing or null values read as empty, never as an exception.</summary>
public static class JsonReading
{
    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string Text(this JsonElement element, string name) => element.Get(name) switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString() ?? "",
        { } other => other.ToString(),
        null => "",
    };

    public static double Number(this JsonElement element, string name) => element.Get(name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : 0;

    public static long Whole(this JsonElement element, string name) => element.Get(name) is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : 0;

    public static bool Flag(this JsonElement element, string name) => element.Get(name) is { ValueKind: JsonValueKind.True };

    public static DateTimeOffset? Time(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.String } text && DateTimeOffset.TryParse(text.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : null;

    public static IEnumerable<JsonElement> Items(this JsonElement element, string? name = null)
    {
        var list = name is null ? element : element.Get(name);
        return list is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
    }
}

/// <summary>How values read in a table: times in a given zone, distances in m or km, numbers with invariant digits.</summary>
public static class Formats
{
    public static string When(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } moment ? TimeZoneInfo.ConvertTime(moment, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    public static string Clock(DateTimeOffset? at, TimeZoneInfo zone) =>
        at is { } moment ? TimeZoneInfo.ConvertTime(moment, zone).ToString("HH:mm", CultureInfo.InvariantCulture) : "";

    public static string Distance(double meters) =>
        meters < 1000 ? $"{Math.Round(meters).ToString(CultureInfo.InvariantCulture)} m" : $"{(meters / 1000).ToString("0.0", CultureInfo.InvariantCulture)} km";

    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>A zone id the API sent (Europe/Paris), or the machine's own zone when it is unknown here.</summary>
    public static TimeZoneInfo Zone(string? id) =>
        id is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Local;
}

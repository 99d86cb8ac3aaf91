using System.Globalization;
using Purrr.Core.Common;
using Purrr.Core.Security;

namespace Purrr.Core.HealthDevices;

/// <summary>What a player fills in to register a device: the cat, the type's wire name ("weight_scale") and the device's id.</summary>
public sealed record DeviceRegistration(CatId Cat, string? Type, string? Serial);

/// <summary>One reading as a device sends it; every field is checked by <see cref="HealthDeviceRules.CheckBatch"/>.</summary>
public sealed record DeviceReading(string? Id, DateTimeOffset? TakenAt, int? WeightGrams = null, int? Steps = null, int? ActiveMinutes = null,
    double? TemperatureC = null);

/// <summary>The rules of health devices: the types and what each measures, the limits of a reading and of a batch, the alerts.</summary>
public static class HealthDeviceRules
{
    public const int MaxBatch = 500;
    public const int MaxActiveDevicesPerCat = 5;

    public const int MinWeightGrams = 100;
    public const int MaxWeightGrams = 20_000;
    public const int MaxSteps = 50_000;
    public const int MaxActiveMinutes = 1_440;
    public const double MinTemperatureC = 30;
    public const double MaxTemperatureC = 45;

    /// <summary>Device clocks drift: a reading may be stamped this far ahead of ours.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>How far back a device may upload what it stored while offline.</summary>
    public static readonly TimeSpan MaxBackfill = TimeSpan.FromDays(365);

    /// <summary>A weight change of more than this fraction within <see cref="WeightWindow"/> alerts the owner.</summary>
    public const double WeightAlertFraction = 0.10;
    public static readonly TimeSpan WeightWindow = TimeSpan.FromDays(14);

    /// <summary>No activity reading for this long (from a cat with an active activity device) alerts the owner.</summary>
    public static readonly TimeSpan SilenceLimit = TimeSpan.FromHours(48);

    /// <summary>Batches a device may push: enough for a device that uploads every second, not for a runaway loop.</summary>
    public static readonly RateLimitPolicy ReadingBatches = new("device-readings", 60, TimeSpan.FromMinutes(1), "batches of readings", "a minute per device");

    public static readonly IReadOnlyList<HealthDeviceType> AllTypes = Enum.GetValues<HealthDeviceType>();

    /// <summary>The wire name of a type: collar_sensor, weight_scale, activity_tracker.</summary>
    public static string NameOf(HealthDeviceType type) => type switch
    {
        HealthDeviceType.CollarSensor => "collar_sensor",
        HealthDeviceType.WeightScale => "weight_scale",
        _ => "activity_tracker",
    };

    public static string Describe(HealthDeviceType type) => type switch
    {
        HealthDeviceType.CollarSensor => "Collar sensor",
        HealthDeviceType.WeightScale => "Weight scale",
        _ => "Activity tracker",
    };

    public static bool TryParseType(string? name, out HealthDeviceType type)
    {
        var wanted = name?.Trim().ToLowerInvariant();
        foreach (var candidate in AllTypes)
        {
            if (NameOf(candidate) == wanted)
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    public static bool MeasuresWeight(HealthDeviceType type) => type == HealthDeviceType.WeightScale;

    public static bool MeasuresActivity(HealthDeviceType type) => type is HealthDeviceType.CollarSensor or HealthDeviceType.ActivityTracker;

    public static bool MeasuresTemperature(HealthDeviceType type) => type == HealthDeviceType.CollarSensor;

    /// <summary>What is wrong with a registration (the cat's ownership is the service's to check).</summary>
    public static IReadOnlyList<Problem> CheckRegistration(DeviceRegistration registration)
    {
        var problems = new List<Problem>();
        if (!TryParseType(registration.Type, out _))
            problems.Add(new($"Purrr works with collar sensors, weight scales and activity trackers (collar_sensor, weight_scale, activity_tracker)" +
                (string.IsNullOrWhiteSpace(registration.Type) ? "; choose one." : $"; \"{Shorten(registration.Type!)}\" is not one of them."), "type"));
        var serial = registration.Serial?.Trim() ?? "";
        if (serial.Length == 0)
            problems.Add(new("Enter the device's id (its serial number, printed on it or shown in its app).", "serial"));
        else if (serial.Length > HealthDevice.SerialMaxLength)
            problems.Add(new($"A device id has at most {HealthDevice.SerialMaxLength} characters.", "serial"));
        else if (!IsPlainId(serial))
            problems.Add(new("A device id uses letters, digits and - _ . : only.", "serial"));
        return problems;
    }

    /// <summary>
    /// Everything wrong with a batch, each problem naming its field (<c>readings[3].weightGrams</c>). A batch is all or
    /// nothing: one bad reading refuses the whole batch, so a device never has to work out which half was stored.
    /// </summary>
    public static IReadOnlyList<Problem> CheckBatch(IReadOnlyList<DeviceReading?>? readings, HealthDeviceType type, DateTimeOffset now)
    {
        if (readings is null || readings.Count == 0)
            return [new("Send at least one reading in \"readings\".", "readings")];
        if (readings.Count > MaxBatch)
            return [new($"A batch holds at most {MaxBatch} readings; this one has {readings.Count:N0}. Send them in smaller batches.", "readings")];

        var problems = new List<Problem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < readings.Count; i++)
        {
            var at = $"readings[{i}]";
            if (readings[i] is not { } reading)
            {
                problems.Add(new($"{at} is empty.", at));
                continue;
            }
            var id = reading.Id?.Trim() ?? "";
            if (id.Length == 0)
                problems.Add(new($"{at}.id is missing: give every reading the device's own id for it, so a batch sent twice is stored once.", $"{at}.id"));
            else if (id.Length > HealthReading.ReadingIdMaxLength || !IsPlainId(id))
                problems.Add(new($"{at}.id must be 1 to {HealthReading.ReadingIdMaxLength} letters, digits or - _ . :", $"{at}.id"));
            else if (!seen.Add(id))
                problems.Add(new($"{at}.id \"{id}\" appears twice in this batch.", $"{at}.id"));

            if (reading.TakenAt is not { } takenAt)
                problems.Add(new($"{at}.takenAt is missing: when was this measured?", $"{at}.takenAt"));
            else if (takenAt > now + MaxClockSkew)
                problems.Add(new($"{at}.takenAt is in the future ({Iso(takenAt)}); check the device's clock.", $"{at}.takenAt"));
            else if (takenAt < now - MaxBackfill)
                problems.Add(new($"{at}.takenAt is more than a year ago ({Iso(takenAt)}).", $"{at}.takenAt"));

            if (reading.WeightGrams is null && reading.Steps is null && reading.ActiveMinutes is null && reading.TemperatureC is null)
                problems.Add(new($"{at} has no measurement: send weightGrams, steps, activeMinutes or temperatureC.", at));
            CheckMeasure(problems, at, "weightGrams", reading.WeightGrams, MeasuresWeight(type), type, MinWeightGrams, MaxWeightGrams, "g");
            CheckMeasure(problems, at, "steps", reading.Steps, MeasuresActivity(type), type, 0, MaxSteps, "steps");
            CheckMeasure(problems, at, "activeMinutes", reading.ActiveMinutes, MeasuresActivity(type), type, 0, MaxActiveMinutes, "minutes");
            CheckMeasure(problems, at, "temperatureC", reading.TemperatureC, MeasuresTemperature(type), type, MinTemperatureC, MaxTemperatureC, "°C");
        }
        return problems;
    }

    private static void CheckMeasure(List<Problem> problems, string at, string field, double? value, bool measured, HealthDeviceType type,
        double min, double max, string unit)
    {
        if (value is not { } v)
            return;
        if (!measured)
            problems.Add(new($"{at}.{field}: a {Describe(type).ToLowerInvariant()} does not measure {FieldWords(field)}.", $"{at}.{field}"));
        else if (double.IsNaN(v) || v < min || v > max)
            problems.Add(new($"{at}.{field} must be between {Number(min)} and {Number(max)} {unit}; {Number(v)} is not a cat's.", $"{at}.{field}"));
    }

    /// <summary>
    /// The change from <paramref name="earliestGrams"/> to <paramref name="latestGrams"/> as a fraction (−0.12 is 12% lighter),
    /// and whether it is enough to alert: more than <see cref="WeightAlertFraction"/> either way (exactly 10% is not).
    /// </summary>
    public static (double Change, bool Alerts) WeightChange(int earliestGrams, int latestGrams)
    {
        var change = (latestGrams - earliestGrams) / (double)earliestGrams;
        // Compared in whole grams, so that 10% of 4,000 g (400 g) is exactly the limit, whatever the floating point says.
        return (change, Math.Abs((long)latestGrams - earliestGrams) * 100 > (long)earliestGrams * (long)(WeightAlertFraction * 100));
    }

    /// <summary>Whether a cat whose last activity reading (or device registration) was at <paramref name="since"/> has been silent too long.</summary>
    public static bool IsSilent(DateTimeOffset since, DateTimeOffset now) => now - since >= SilenceLimit;

    public static string WeightAlertText(string catName, int fromGrams, int toGrams, double change) =>
        $"{catName}'s weight went from {Kilos(fromGrams)} to {Kilos(toGrams)} ({(change > 0 ? "+" : "−")}{Math.Abs(change) * 100:0.#}%) within two weeks. Worth a visit to the vet.";

    public static string SilenceAlertText(string catName) =>
        $"No activity reading from {catName}'s devices for 48 hours. Check the collar or tracker — and {catName}.";

    public static string Kilos(int grams) => (grams / 1000.0).ToString("0.00", CultureInfo.InvariantCulture) + " kg";

    private static bool IsPlainId(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    private static string FieldWords(string field) => field switch
    {
        "weightGrams" => "weight",
        "activeMinutes" => "active minutes",
        "temperatureC" => "temperature",
        _ => field,
    };

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length > 30 ? text[..30] + "…" : text;
}

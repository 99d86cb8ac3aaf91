namespace Purrr.DeviceSimulator;

/// <summary>One reading as the API takes it (POST /api/v1/devices/{id}/readings).</summary>
public sealed record SimulatedReading(string Id, DateTimeOffset TakenAt, int? WeightGrams = null, int? Steps = null, int? ActiveMinutes = null,
    double? TemperatureC = null);

/// <summary>
/// Plausible readings of a healthy cat for the <paramref name="days"/> before <c>end</c>: a scale weighs twice a day around a
/// slowly drifting weight; a tracker counts steps and active minutes every hour, busiest at dawn and dusk (cats sleep most
/// of the day); a collar adds its body temperature. Ids come from the device type and the time, so a second run over the
/// same hours sends the same ids (and the server skips them). The same seed gives the same readings.
/// </summary>
public static class SimulatedReadings
{
    public static readonly IReadOnlyList<string> Types = ["weight_scale", "activity_tracker", "collar_sensor"];

    public static IReadOnlyList<SimulatedReading> For(string type, DateTimeOffset end, int days, int seed = 7)
    {
        if (!Types.Contains(type))
            throw new ArgumentException($"Simulated devices are {string.Join(", ", Types)}.", nameof(type));
        var random = new Random(seed);
        var lastHour = new DateTimeOffset(end.UtcTicks - end.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        var first = lastHour.AddDays(-days).AddHours(1);
        return type == "weight_scale" ? Weights(first, lastHour, random) : Activity(type, first, lastHour, random);
    }

    private static List<SimulatedReading> Weights(DateTimeOffset first, DateTimeOffset last, Random random)
    {
        var readings = new List<SimulatedReading>();
        var grams = 3_800.0 + random.Next(800);
        var drift = (random.NextDouble() - 0.5) * 3; // up to ±1.5 g a day: a change over months, never an alarm in two weeks
        for (var day = first.Date; day <= last.Date; day = day.AddDays(1))
        {
            foreach (var hour in new[] { 7, 19 })
            {
                var at = new DateTimeOffset(day.AddHours(hour).AddMinutes(random.Next(50)), TimeSpan.Zero);
                if (at < first || at > last)
                    continue;
                var weight = (int)Math.Round(grams + (random.NextDouble() - 0.5) * 60);
                readings.Add(new SimulatedReading(IdOf("weight_scale", at), at, WeightGrams: weight));
            }
            grams += drift;
        }
        return readings;
    }

    private static List<SimulatedReading> Activity(string type, DateTimeOffset first, DateTimeOffset last, Random random)
    {
        var readings = new List<SimulatedReading>();
        for (var at = first; at <= last; at = at.AddHours(1))
        {
            // Crepuscular: lively around 6:00 and 19:00, asleep at midday and in the small hours.
            var liveliness = Math.Max(Bump(at.Hour, 6), Bump(at.Hour, 19)) * (0.6 + random.NextDouble() * 0.8);
            var minutes = (int)Math.Round(Math.Min(60, 4 + liveliness * 30));
            var steps = (int)Math.Round(minutes * (25 + random.NextDouble() * 20));
            double? temperature = type == "collar_sensor" ? Math.Round(38.3 + liveliness * 0.4 + (random.NextDouble() - 0.5) * 0.4, 1) : null;
            readings.Add(new SimulatedReading(IdOf(type, at), at, Steps: steps, ActiveMinutes: minutes, TemperatureC: temperature));
        }
        return readings;
    }

    private static double Bump(int hour, int peak)
    {
        var distance = Math.Min(Math.Abs(hour - peak), 24 - Math.Abs(hour - peak));
        return Math.Exp(-distance * distance / 4.0);
    }

    private static string IdOf(string type, DateTimeOffset at) => $"sim-{type}-{at.ToUnixTimeSeconds()}";
}

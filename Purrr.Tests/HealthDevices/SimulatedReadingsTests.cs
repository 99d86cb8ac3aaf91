using Purrr.Core.HealthDevices;
using Purrr.DeviceSimulator;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.HealthDevices;

/// <summary>The simulator's readings: valid for the API, like a healthy cat's, the same for the same seed.</summary>
public sealed class SimulatedReadingsTests
{
    private static readonly DateTimeOffset End = TestClock.Noon;

    private static IReadOnlyList<DeviceReading?> AsSent(IEnumerable<SimulatedReading> readings) =>
        [.. readings.Select(r => (DeviceReading?)new DeviceReading(r.Id, r.TakenAt, r.WeightGrams, r.Steps, r.ActiveMinutes, r.TemperatureC))];

    [Theory]
    [InlineData("weight_scale", HealthDeviceType.WeightScale)]
    [InlineData("activity_tracker", HealthDeviceType.ActivityTracker)]
    [InlineData("collar_sensor", HealthDeviceType.CollarSensor)]
    public void Every_simulated_batch_passes_the_readings_rules(string type, HealthDeviceType deviceType)
    {
        var readings = SimulatedReadings.For(type, End, 90, seed: 3);

        Assert.All(readings.Chunk(HealthDeviceRules.MaxBatch), batch => Assert.Empty(HealthDeviceRules.CheckBatch(AsSent(batch), deviceType, End)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_simulated_healthy_cat_never_changes_weight_enough_to_alert(int seed)
    {
        var weights = SimulatedReadings.For("weight_scale", End, 90, seed).Select(r => (r.TakenAt, Grams: r.WeightGrams!.Value)).ToList();

        Assert.All(weights, latest =>
        {
            var earliest = weights.Where(w => w.TakenAt >= latest.TakenAt - HealthDeviceRules.WeightWindow).MinBy(w => w.TakenAt);
            Assert.False(HealthDeviceRules.WeightChange(earliest.Grams, latest.Grams).Alerts);
        });
    }

    [Fact]
    public void The_same_seed_gives_the_same_readings_and_a_later_run_reuses_the_ids_of_the_hours_it_shares()
    {
        var first = SimulatedReadings.For("collar_sensor", End, 2, seed: 5);
        var again = SimulatedReadings.For("collar_sensor", End, 2, seed: 5);
        var anHourLater = SimulatedReadings.For("collar_sensor", End.AddHours(1), 2, seed: 5);

        Assert.Equal(first, again);
        Assert.Equal(48, first.Count);
        Assert.Equal(47, first.Select(r => r.Id).Intersect(anHourLater.Select(r => r.Id)).Count());
        Assert.All(first, r => Assert.InRange(r.ActiveMinutes!.Value, 0, 60));
    }
}

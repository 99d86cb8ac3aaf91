using Purrr.Core.Common;
using Purrr.Core.HealthDevices;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.HealthDevices;

public sealed class HealthDeviceRulesTests
{
    private static readonly DateTimeOffset Now = TestClock.Noon;

    private static IReadOnlyList<Problem> Check(HealthDeviceType type, params DeviceReading?[] readings) =>
        HealthDeviceRules.CheckBatch(readings, type, Now);

    private static DeviceReading Weight(int grams, string id = "r-1", DateTimeOffset? at = null) => new(id, at ?? Now.AddHours(-1), WeightGrams: grams);

    [Theory]
    [InlineData("collar_sensor", HealthDeviceType.CollarSensor)]
    [InlineData("weight_scale", HealthDeviceType.WeightScale)]
    [InlineData(" Activity_Tracker ", HealthDeviceType.ActivityTracker)]
    public void The_three_device_types_are_known_by_their_wire_names(string name, HealthDeviceType expected)
    {
        Assert.True(HealthDeviceRules.TryParseType(name, out var type));
        Assert.Equal(expected, type);
    }

    [Fact]
    public void Another_device_type_is_refused_with_the_list_of_supported_ones()
    {
        var problem = Assert.Single(HealthDeviceRules.CheckRegistration(new DeviceRegistration(CatId.New(), "smart_litter_box", "BOX-1")));

        Assert.Equal("type", problem.Field);
        Assert.Equal("Purrr works with collar sensors, weight scales and activity trackers (collar_sensor, weight_scale, activity_tracker); " +
            "\"smart_litter_box\" is not one of them.", problem.Message);
    }

    [Theory]
    [InlineData("", "Enter the device's id (its serial number, printed on it or shown in its app).")]
    [InlineData("scale 42", "A device id uses letters, digits and - _ . : only.")]
    public void A_device_id_is_needed_in_plain_characters(string serial, string message)
    {
        var problem = Assert.Single(HealthDeviceRules.CheckRegistration(new DeviceRegistration(CatId.New(), "weight_scale", serial)));

        Assert.Equal(("serial", message), (problem.Field, problem.Message));
    }

    [Fact]
    public void A_good_batch_has_no_problems()
    {
        Assert.Empty(Check(HealthDeviceType.WeightScale, Weight(4_200, "a"), Weight(4_210, "b")));
        Assert.Empty(Check(HealthDeviceType.CollarSensor, new DeviceReading("c", Now, Steps: 1_200, ActiveMinutes: 30, TemperatureC: 38.6)));
    }

    [Theory]
    [InlineData(-5, "readings[0].weightGrams must be between 100 and 20,000 g; -5 is not a cat's.")]
    [InlineData(500_000, "readings[0].weightGrams must be between 100 and 20,000 g; 500,000 is not a cat's.")]
    public void Impossible_weights_are_refused_naming_the_field(int grams, string message)
    {
        var problem = Assert.Single(Check(HealthDeviceType.WeightScale, Weight(grams)));

        Assert.Equal(("readings[0].weightGrams", message), (problem.Field, problem.Message));
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(20_000, true)]
    [InlineData(20_001, false)]
    public void Weights_from_100_g_to_20_kg_are_accepted(int grams, bool accepted) =>
        Assert.Equal(accepted, Check(HealthDeviceType.WeightScale, Weight(grams)).Count == 0);

    [Fact]
    public void A_batch_of_ten_thousand_is_refused_as_a_whole()
    {
        var readings = Enumerable.Range(0, 10_000).Select(i => (DeviceReading?)Weight(4_000, $"r-{i}")).ToArray();

        var problem = Assert.Single(Check(HealthDeviceType.WeightScale, readings));

        Assert.Equal("A batch holds at most 500 readings; this one has 10,000. Send them in smaller batches.", problem.Message);
    }

    [Fact]
    public void Five_hundred_readings_are_one_batch()
    {
        var readings = Enumerable.Range(0, 500).Select(i => (DeviceReading?)Weight(4_000, $"r-{i}")).ToArray();

        Assert.Empty(Check(HealthDeviceType.WeightScale, readings));
    }

    [Fact]
    public void A_timestamp_far_in_the_future_is_refused_but_a_few_minutes_of_clock_drift_is_not()
    {
        var problem = Assert.Single(Check(HealthDeviceType.WeightScale, Weight(4_000, at: Now.AddDays(3))));

        Assert.Equal("readings[0].takenAt", problem.Field);
        Assert.Contains("is in the future", problem.Message, StringComparison.Ordinal);
        Assert.Empty(Check(HealthDeviceType.WeightScale, Weight(4_000, at: Now.AddMinutes(5))));
    }

    [Fact]
    public void Every_bad_reading_of_a_batch_is_listed()
    {
        var problems = Check(HealthDeviceType.WeightScale, Weight(4_000, "same"), Weight(4_000, "same"), new DeviceReading(null, null, WeightGrams: 4_000), null);

        Assert.Equal(["readings[1].id", "readings[2].id", "readings[2].takenAt", "readings[3]"], problems.Select(p => p.Field));
    }

    [Fact]
    public void A_device_sends_only_what_it_measures()
    {
        var problem = Assert.Single(Check(HealthDeviceType.WeightScale, new DeviceReading("x", Now, Steps: 300)));

        Assert.Equal("readings[0].steps: a weight scale does not measure steps.", problem.Message);
        Assert.Single(Check(HealthDeviceType.ActivityTracker, new DeviceReading("y", Now, TemperatureC: 38.5)));
    }

    [Theory]
    [InlineData(4_000, 4_400, false)] // exactly 10%: not more than 10%
    [InlineData(4_000, 4_401, true)]
    [InlineData(4_000, 3_600, false)]
    [InlineData(4_000, 3_599, true)]
    [InlineData(4_000, 4_100, false)]
    public void Weight_alerts_start_above_a_ten_percent_change_either_way(int earliest, int latest, bool alerts) =>
        Assert.Equal(alerts, HealthDeviceRules.WeightChange(earliest, latest).Alerts);

    [Fact]
    public void Forty_eight_hours_without_activity_is_silence_and_a_minute_less_is_not()
    {
        var since = Now.AddHours(-48);

        Assert.True(HealthDeviceRules.IsSilent(since, Now));
        Assert.False(HealthDeviceRules.IsSilent(since.AddMinutes(1), Now));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Common;
using Purrr.Core.HealthDevices;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;
using Purrr.DeviceSimulator;
using Purrr.Tests.Api;

namespace Purrr.Tests.HealthDevices;

/// <summary>Devices pushing readings over HTTP with their own key (X-Device-Key).</summary>
[Trait("Category", "Integration")]
[Collection(ApiCollection.Name)]
public sealed class DevicesApiTests(ApiApp app)
{
    private HealthDeviceService Devices => app.Services.GetRequiredService<HealthDeviceService>();

    private async Task<(UserId Owner, CatId Cat, NewHealthDevice Device)> DeviceAsync(string player, string type = "weight_scale")
    {
        var (owner, cat) = await app.NewPlayerWithCatAsync(player);
        var made = await Devices.RegisterAsync(owner, new DeviceRegistration(cat, type, $"{player}-device"));
        Assert.True(made.Succeeded, made.FirstMessage);
        return (owner, cat, made.Value);
    }

    private HttpClient DeviceClient(string key)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Add("X-Device-Key", key);
        return client;
    }

    private object Weight(string id, int grams, TimeSpan ago) => new { id, takenAt = app.ShiftedClock.GetUtcNow() - ago, weightGrams = grams };

    private async Task<int> StoredAsync(Guid device)
    {
        await using var db = await app.Services.GetRequiredService<IPurrrDbFactory>().CreateAsync();
        return await db.HealthReadings.CountAsync(r => r.DeviceId == device);
    }

    [Fact]
    public async Task A_device_pushes_a_batch_twice_and_it_is_stored_once()
    {
        var (_, _, device) = await DeviceAsync("scaleowner");
        using var api = DeviceClient(device.Key);
        var batch = new { readings = new[] { Weight("r-1", 4_000, TimeSpan.FromHours(2)), Weight("r-2", 4_020, TimeSpan.FromHours(1)) } };

        var first = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings", batch)).DataAsync();
        var again = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings", batch)).DataAsync();

        Assert.Equal((2, 0), (first["stored"]!.GetValue<int>(), first["alreadyStored"]!.GetValue<int>()));
        Assert.Equal((0, 2), (again["stored"]!.GetValue<int>(), again["alreadyStored"]!.GetValue<int>()));
        Assert.Equal(2, await StoredAsync(device.Device.Id));
    }

    [Theory]
    [InlineData(-5, "readings[0].weightGrams must be between 100 and 20,000 g; -5 is not a cat's.")]
    [InlineData(500_000, "readings[0].weightGrams must be between 100 and 20,000 g; 500,000 is not a cat's.")]
    public async Task An_impossible_weight_is_a_problem_naming_the_field_and_nothing_is_stored(int grams, string title)
    {
        var (_, _, device) = await DeviceAsync($"badweight{grams}".Replace("-", "m", StringComparison.Ordinal));
        using var api = DeviceClient(device.Key);

        var problem = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings",
            new { readings = new[] { Weight("r-1", grams, TimeSpan.FromHours(1)) } })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(title, problem.Title());
        Assert.Equal("readings[0].weightGrams", problem["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal(0, await StoredAsync(device.Device.Id));
    }

    [Fact]
    public async Task A_batch_of_ten_thousand_and_a_reading_from_the_future_are_refused()
    {
        var (_, _, device) = await DeviceAsync("bigbatch");
        using var api = DeviceClient(device.Key);
        var huge = Enumerable.Range(0, 10_000).Select(i => Weight($"r-{i}", 4_000, TimeSpan.FromHours(1))).ToArray();

        var tooMany = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings", new { readings = huge })).ProblemAsync(HttpStatusCode.BadRequest);
        var future = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings",
            new { readings = new[] { Weight("f-1", 4_000, TimeSpan.FromDays(-30)) } })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("A batch holds at most 500 readings; this one has 10,000. Send them in smaller batches.", tooMany.Title());
        Assert.Contains("readings[0].takenAt is in the future", future.Title(), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync(device.Device.Id));
    }

    [Fact]
    public async Task A_device_key_opens_only_its_own_devices_readings()
    {
        var (_, _, mine) = await DeviceAsync("keyholder");
        var (_, _, theirs) = await DeviceAsync("neighbour");
        using var api = DeviceClient(mine.Key);

        var other = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{theirs.Device.Id}/readings",
            new { readings = new[] { Weight("x-1", 4_000, TimeSpan.FromHours(1)) } })).ProblemAsync(HttpStatusCode.NotFound);
        var cats = await (await api.GetAsync("/api/v1/cats")).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("There is no device with that id among yours.", other.Title());
        Assert.Equal("A device key can only send readings (POST /api/v1/devices/{id}/readings).", cats.Title());
        Assert.Equal(0, await StoredAsync(theirs.Device.Id));
    }

    [Fact]
    public async Task A_revoked_or_made_up_device_key_is_refused()
    {
        var (owner, _, device) = await DeviceAsync("revoker");
        await Devices.RevokeAsync(owner, device.Device.Id);
        using var revoked = DeviceClient(device.Key);
        using var madeUp = DeviceClient("pd_not-a-key");
        var batch = new { readings = new[] { Weight("r-1", 4_000, TimeSpan.FromHours(1)) } };

        var refused = await (await revoked.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings", batch)).ProblemAsync(HttpStatusCode.Unauthorized);
        var unknown = await (await madeUp.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings", batch)).ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("This device was revoked; register it again for a new key.", refused.Title());
        Assert.Equal("The device key is not valid.", unknown.Title());
    }

    [Fact]
    public async Task A_weight_drop_over_the_threshold_notifies_the_owner_through_the_api()
    {
        var (owner, _, device) = await DeviceAsync("dieter");
        using var api = DeviceClient(device.Key);

        await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings",
            new { readings = new[] { Weight("w-1", 5_000, TimeSpan.FromDays(10)), Weight("w-2", 4_500, TimeSpan.FromDays(5)) } })).DataAsync(); // −10%: not yet
        var before = await HealthNotificationsAsync(owner);
        await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings",
            new { readings = new[] { Weight("w-3", 4_490, TimeSpan.FromHours(1)) } })).DataAsync();

        Assert.Equal(0, before);
        Assert.Equal(1, await HealthNotificationsAsync(owner));
    }

    [Fact]
    public async Task The_simulator_sends_ninety_days_of_a_collar_in_batches_and_a_rerun_stores_nothing_new()
    {
        var (_, _, device) = await DeviceAsync("simulated", "collar_sensor");
        using var http = app.Client();
        var pusher = new DevicePusher(http, device.Device.Id, device.Key);
        var readings = SimulatedReadings.For("collar_sensor", app.ShiftedClock.GetUtcNow(), 90);

        var first = await pusher.PushAsync(readings);
        var rerun = await pusher.PushAsync(readings);

        Assert.Equal(90 * 24, readings.Count);
        Assert.Equal(new PushSummary(readings.Count, 0, 5), first);
        Assert.Equal(new PushSummary(0, readings.Count, 5), rerun);
    }

    [Fact]
    public async Task A_device_key_sending_more_than_sixty_batches_a_minute_is_told_to_slow_down()
    {
        var (_, _, device) = await DeviceAsync("chatty");
        using var api = DeviceClient(device.Key);
        for (var i = 0; i < 60; i++)
            await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings",
                new { readings = new[] { Weight($"r-{i}", 4_000, TimeSpan.FromMinutes(70 - i)) } })).DataAsync();

        var refused = await (await api.SendJsonAsync(HttpMethod.Post, $"/api/v1/devices/{device.Device.Id}/readings",
            new { readings = new[] { Weight("r-60", 4_000, TimeSpan.FromMinutes(5)) } })).ProblemAsync(HttpStatusCode.TooManyRequests);

        Assert.StartsWith("Slow down: at most 60 batches of readings a minute per device.", refused.Title(), StringComparison.Ordinal);
        Assert.Equal(60, await StoredAsync(device.Device.Id));
    }

    private async Task<int> HealthNotificationsAsync(UserId owner)
    {
        await using var db = await app.Services.GetRequiredService<IPurrrDbFactory>().CreateAsync();
        return await db.Notifications.CountAsync(n => n.RecipientId == owner && n.Type == NotificationType.HealthAlert);
    }
}

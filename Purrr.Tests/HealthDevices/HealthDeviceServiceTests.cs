using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Tests.Accounts;
using Purrr.Core.Accounts;
using Purrr.Core.Api;
using Purrr.Core.Common;
using Purrr.Core.HealthDevices;
using Purrr.Core.Notifications;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.HealthDevices;

/// <summary>Devices, readings and alerts through Core over a real migrated database and a fake clock.</summary>
public sealed class HealthDeviceServiceTests : ServiceTestBase
{
    private HealthDeviceService Devices => new(Database.Factory, Clock, Bus);
    private SilenceWatch Watch => new(Database.Factory, Clock, Bus);
    private CatHealthService Health => new(Database.Factory, Clock);

    private async Task<(UserId Owner, CatId Cat)> OwnerWithCatAsync(string name = "milo")
    {
        var owner = await NewPlayerAsync(name);
        var cat = (await Database.AddCatsAsync(ACat.Playful().Named("Tofu").OwnedBy(owner).Build()))[0];
        return (owner, cat.Id);
    }

    private async Task<NewHealthDevice> RegisterAsync(UserId owner, CatId cat, string type = "weight_scale", string serial = "SCALE-1")
    {
        var made = await Devices.RegisterAsync(owner, new DeviceRegistration(cat, type, serial));
        Assert.True(made.Succeeded, made.FirstMessage);
        return made.Value;
    }

    private DeviceReading Weight(string id, int grams, TimeSpan ago) => new(id, Clock.GetUtcNow() - ago, WeightGrams: grams);

    private async Task<int> ReadingsAsync()
    {
        await using var db = Database.NewContext();
        return await db.HealthReadings.CountAsync();
    }

    private async Task<List<Notification>> HealthNotificationsAsync(UserId owner)
    {
        await using var db = Database.NewContext();
        return await db.Notifications.Where(n => n.RecipientId == owner && n.Type == NotificationType.HealthAlert).ToListAsync();
    }

    [Fact]
    public async Task A_registered_device_gets_a_key_shown_once_and_stored_only_as_its_hash()
    {
        var (owner, cat) = await OwnerWithCatAsync();

        var device = await RegisterAsync(owner, cat);

        Assert.StartsWith(HealthDeviceService.DeviceKeyPrefix, device.Key, StringComparison.Ordinal);
        await using var db = Database.NewContext();
        var stored = await db.HealthDevices.SingleAsync();
        Assert.Equal(ApiKeyRules.HashOf(device.Key), stored.KeyHash);
        Assert.DoesNotContain(device.Key, stored.KeyHash + stored.KeyPrefix + stored.Serial, StringComparison.Ordinal);
        Assert.Equal(new DeviceIdentity(device.Device.Id, owner), (await Devices.AuthenticateAsync(device.Key)).Value);
    }

    [Fact]
    public async Task Another_players_cat_cannot_get_a_device()
    {
        var (_, cat) = await OwnerWithCatAsync("milo");
        var (stranger, _) = await OwnerWithCatAsync("nova");

        var refused = await Devices.RegisterAsync(stranger, new DeviceRegistration(cat, "collar_sensor", "COLLAR-9"));

        Assert.Equal("Choose one of your own cats.", refused.FirstMessage);
        Assert.Empty(await Devices.ListAsync(stranger, cat));
    }

    [Fact]
    public async Task A_revoked_device_can_no_longer_push()
    {
        var (owner, cat) = await OwnerWithCatAsync();
        var device = await RegisterAsync(owner, cat);

        await Devices.RevokeAsync(owner, device.Device.Id);

        Assert.Equal("This device was revoked; register it again for a new key.", (await Devices.AuthenticateAsync(device.Key)).FirstMessage);
        Assert.False((await Devices.PushAsync(owner, device.Device.Id, [Weight("r-1", 4_000, TimeSpan.FromHours(1))])).Succeeded);
        Assert.False(Assert.Single(await Devices.ListAsync(owner, cat)).IsActive);
    }

    [Fact]
    public async Task A_batch_sent_twice_is_stored_once()
    {
        var (owner, cat) = await OwnerWithCatAsync();
        var device = await RegisterAsync(owner, cat);
        DeviceReading?[] batch = [Weight("r-1", 4_000, TimeSpan.FromHours(3)), Weight("r-2", 4_010, TimeSpan.FromHours(2))];

        var first = await Devices.PushAsync(owner, device.Device.Id, batch);
        var again = await Devices.PushAsync(owner, device.Device.Id, [.. batch, Weight("r-3", 4_020, TimeSpan.FromHours(1))]);

        Assert.Equal(new PushReport(2, 0), first.Value);
        Assert.Equal(new PushReport(1, 2), again.Value);
        Assert.Equal(3, await ReadingsAsync());
        Assert.Contains(Bus.Published, e => e is HealthReadingsAdded added && added.Cat == cat);
    }

    [Fact]
    public async Task One_bad_reading_refuses_the_whole_batch()
    {
        var (owner, cat) = await OwnerWithCatAsync();
        var device = await RegisterAsync(owner, cat);

        var refused = await Devices.PushAsync(owner, device.Device.Id, [Weight("r-1", 4_000, TimeSpan.FromHours(2)), Weight("r-2", -5, TimeSpan.FromHours(1))]);

        Assert.Equal("readings[1].weightGrams", Assert.Single(refused.Problems).Field);
        Assert.Equal(0, await ReadingsAsync());
    }

    [Fact]
    public async Task Readings_for_another_players_device_are_refused()
    {
        var (owner, cat) = await OwnerWithCatAsync("milo");
        var (stranger, _) = await OwnerWithCatAsync("nova");
        var device = await RegisterAsync(owner, cat);

        var refused = await Devices.PushAsync(stranger, device.Device.Id, [Weight("r-1", 4_000, TimeSpan.FromHours(1))]);

        Assert.Equal("That device doesn't exist.", refused.FirstMessage);
        Assert.Equal(0, await ReadingsAsync());
    }

    [Fact]
    public async Task A_weight_change_of_more_than_ten_percent_in_two_weeks_notifies_the_owner_once()
    {
        var (owner, cat) = await OwnerWithCatAsync();
        var device = await RegisterAsync(owner, cat);
        await Devices.PushAsync(owner, device.Device.Id, [Weight("d0", 4_000, TimeSpan.FromDays(13)), Weight("d7", 4_200, TimeSpan.FromDays(6))]);
        Assert.Empty(await HealthNotificationsAsync(owner));

        await Devices.PushAsync(owner, device.Device.Id, [Weight("d13", 3_590, TimeSpan.FromHours(1))]); // −10.25%
        await Devices.PushAsync(owner, device.Device.Id, [Weight("d13b", 3_580, TimeSpan.FromMinutes(30))]); // still the same episode

        var notification = Assert.Single(await HealthNotificationsAsync(owner));
        Assert.Equal("Tofu's weight went from 4.00 kg to 3.59 kg (−10.3%) within two weeks. Worth a visit to the vet.", notification.Text);
        var overview = await Health.OverviewAsync(owner, cat);
        Assert.Equal(HealthAlertKind.WeightChange, Assert.Single(overview!.Alerts, a => a.IsOpen).Kind);
    }

    [Fact]
    public async Task A_change_of_exactly_ten_percent_or_spread_over_more_than_two_weeks_does_not_alert()
    {
        var (owner, cat) = await OwnerWithCatAsync();
        var device = await RegisterAsync(owner, cat);

        await Devices.PushAsync(owner, device.Device.Id, [Weight("a", 4_000, TimeSpan.FromDays(13)), Weight("b", 3_600, TimeSpan.FromHours(1))]);
        await Devices.PushAsync(owner, device.Device.Id, [Weight("old", 4_500, TimeSpan.FromDays(15))]);

        Assert.Empty(await HealthNotificationsAsync(owner));
    }

    [Fact]
    public async Task A_silent_activity_device_alerts_once_per_episode_and_activity_ends_the_episode()
    {
        var (owner, cat) = await OwnerWithCatAsync();
        var collar = await RegisterAsync(owner, cat, "collar_sensor", "COLLAR-1");
        await Devices.PushAsync(owner, collar.Device.Id, [new DeviceReading("a1", Clock.GetUtcNow(), Steps: 500, ActiveMinutes: 12)]);

        Clock.Advance(TimeSpan.FromHours(48) - TimeSpan.FromMinutes(1));
        Assert.Equal(new SilenceReport(0, 0), await Watch.TickAsync());
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new SilenceReport(1, 0), await Watch.TickAsync());
        Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(new SilenceReport(0, 0), await Watch.TickAsync()); // the same silence: no second alert

        await Devices.PushAsync(owner, collar.Device.Id, [new DeviceReading("a2", Clock.GetUtcNow(), Steps: 800, ActiveMinutes: 20)]);
        Clock.Advance(TimeSpan.FromHours(48));
        await Watch.TickAsync(); // a new silence: a new episode

        var notifications = await HealthNotificationsAsync(owner);
        Assert.Equal(2, notifications.Count);
        Assert.All(notifications, n => Assert.Equal("No activity reading from Tofu's devices for 48 hours. Check the collar or tracker — and Tofu.", n.Text));
        Assert.Equal(2, (await Health.OverviewAsync(owner, cat))!.Alerts.Count(a => a.Kind == HealthAlertKind.NoActivity));
    }

    [Fact]
    public async Task A_weight_scale_alone_never_counts_as_silence()
    {
        var (owner, cat) = await OwnerWithCatAsync();
        await RegisterAsync(owner, cat);

        Clock.Advance(TimeSpan.FromDays(5));

        Assert.Equal(new SilenceReport(0, 0), await Watch.TickAsync());
    }

    [Fact]
    public async Task The_overview_groups_weight_and_activity_per_day()
    {
        var (owner, cat) = await OwnerWithCatAsync();
        var scale = await RegisterAsync(owner, cat);
        var tracker = await RegisterAsync(owner, cat, "activity_tracker", "TRACK-1");
        await Devices.PushAsync(owner, scale.Device.Id, [Weight("m", 4_000, TimeSpan.FromHours(4)), Weight("e", 4_100, TimeSpan.FromHours(2)), Weight("y", 3_900, TimeSpan.FromDays(1))]);
        await Devices.PushAsync(owner, tracker.Device.Id,
            [new DeviceReading("t1", Clock.GetUtcNow().AddHours(-3), Steps: 1_000, ActiveMinutes: 20), new DeviceReading("t2", Clock.GetUtcNow().AddHours(-1), Steps: 500, ActiveMinutes: 10)]);

        var overview = (await Health.OverviewAsync(owner, cat))!;

        Assert.Equal([3.9, 4.05], overview.Weight.Series[0].Values);
        Assert.Equal(CatHealthService.ActivityDays, overview.Steps.Categories.Count);
        Assert.Equal(1_500, overview.Steps.Series[0].Values[^1]);
        Assert.Equal(30, overview.ActiveMinutes.Series[0].Values[^1]);
        Assert.Equal(4_100, overview.LatestWeightGrams);
        Assert.Null(await Health.OverviewAsync(await NewPlayerAsync("nova"), cat)); // health is the owner's to see
    }

    [Fact]
    public async Task Readings_are_in_the_export_and_go_when_the_account_closes()
    {
        var (owner, cat) = await OwnerWithCatAsync();
        var device = await RegisterAsync(owner, cat);
        await Devices.PushAsync(owner, device.Device.Id, [Weight("r-1", 4_000, TimeSpan.FromHours(1))]);
        await using var services = new ServiceCollection().AddAccountStore(Database).BuildServiceProvider();
        var data = new AccountData(Database.Factory, new Purrr.Data.Accounts.IdentityAccountStore(services.GetRequiredService<IServiceScopeFactory>()), Clock, Bus);

        var export = (await data.ExportAsync(owner)).Value;
        var closed = await data.CloseAsync(owner, "milo");

        Assert.Equal("r-1", Assert.Single(export.Health!.Readings).ReadingId);
        Assert.Equal(device.Device.Id, Assert.Single(export.Health.Devices).Id);
        Assert.True(closed.Succeeded, closed.FirstMessage);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.HealthReadings.CountAsync() + await db.HealthDevices.CountAsync());
    }
}

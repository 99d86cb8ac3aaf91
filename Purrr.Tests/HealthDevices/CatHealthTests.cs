using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Common;
using Purrr.Core.HealthDevices;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Cats;
using Purrr.Web.Components.Shared;

namespace Purrr.Tests.HealthDevices;

/// <summary>The cat page's Health tab over a real database.</summary>
public sealed class CatHealthTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private UserId owner;
    private CatId cat;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        owner = await database.AddPlayerAsync("milo");
        cat = (await database.AddCatsAsync(ACat.Playful().Named("Tofu").OwnedBy(owner).Build()))[0].Id;
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private IRenderedComponent<CatHealth> Render(BunitContext ctx)
    {
        var module = ctx.JSInterop.SetupModule(ApexChart.ModulePath);
        module.SetupVoid("render", _ => true).SetVoidResult();
        var tab = ctx.Render<CatHealth>(p => p.Add(t => t.Cat, cat).Add(t => t.CatName, "Tofu").Add(t => t.Owner, owner));
        tab.WaitForElement(".purrr-health[data-ready]");
        return tab;
    }

    [Fact]
    public async Task Registering_a_device_shows_its_id_and_key_once_and_lists_it()
    {
        await using var ctx = ComponentTestContext.Create(database, (owner, "milo"));
        var tab = Render(ctx);
        Assert.Contains("No readings yet", tab.Find("[data-testid=no-readings]").TextContent, StringComparison.Ordinal);

        tab.Find("input[data-testid=device-serial], [data-testid=device-serial] input").Change("SCALE-7");
        tab.FindAll("button").Single(b => b.TextContent.Contains("Register device", StringComparison.Ordinal)).Click();

        tab.WaitForAssertion(() => Assert.StartsWith("pd_", tab.Find("[data-testid=device-key]").TextContent, StringComparison.Ordinal));
        var device = Assert.Single(await ctx.Services.GetRequiredService<HealthDeviceService>().ListAsync(owner, cat));
        Assert.Equal(device.Id.ToString(), tab.Find("[data-testid=device-id]").TextContent);
        Assert.Contains("SCALE-7", tab.Find("[data-testid=device-list]").TextContent, StringComparison.Ordinal);

        tab.FindAll("button").Single(b => b.TextContent == "I saved it").Click();
        Assert.Empty(tab.FindAll("[data-testid=device-key]")); // shown once
    }

    [Fact]
    public async Task Revoking_a_device_asks_once_more_then_marks_it_revoked()
    {
        await using var ctx = ComponentTestContext.Create(database, (owner, "milo"));
        var devices = ctx.Services.GetRequiredService<HealthDeviceService>();
        var collar = (await devices.RegisterAsync(owner, new DeviceRegistration(cat, "collar_sensor", "COLLAR-3"))).Value;
        var tab = Render(ctx);

        tab.Find("button[aria-label='Revoke COLLAR-3']").Click();
        tab.Find("button[aria-label='Confirm revoking COLLAR-3']").Click();

        tab.WaitForAssertion(() => Assert.Contains("Revoked", tab.Find($"tr[data-device='{collar.Device.Id}']").TextContent, StringComparison.Ordinal));
        Assert.False((await devices.AuthenticateAsync(collar.Key)).Succeeded);
    }

    [Fact]
    public async Task Registering_without_a_device_id_shows_why_and_stores_nothing()
    {
        await using var ctx = ComponentTestContext.Create(database, (owner, "milo"));
        var tab = Render(ctx);

        tab.FindAll("button").Single(b => b.TextContent.Contains("Register device", StringComparison.Ordinal)).Click(); // no device id yet

        tab.WaitForAssertion(() => Assert.Contains("Enter the device's id", tab.Markup, StringComparison.Ordinal));
        Assert.Empty(await ctx.Services.GetRequiredService<HealthDeviceService>().ListAsync(owner, cat));
    }

    [Fact]
    public async Task Readings_draw_the_weight_and_activity_charts_and_an_open_alert_is_shown()
    {
        await using var ctx = ComponentTestContext.Create(database, (owner, "milo"));
        var devices = ctx.Services.GetRequiredService<HealthDeviceService>();
        var now = TestClock.Noon;
        var scale = (await devices.RegisterAsync(owner, new DeviceRegistration(cat, "weight_scale", "SCALE-1"))).Value;
        await devices.PushAsync(owner, scale.Device.Id, [new DeviceReading("a", now.AddDays(-10), WeightGrams: 5_000), new DeviceReading("b", now.AddHours(-1), WeightGrams: 4_400)]);
        var tracker = (await devices.RegisterAsync(owner, new DeviceRegistration(cat, "activity_tracker", "TRACK-1"))).Value;
        await devices.PushAsync(owner, tracker.Device.Id, [new DeviceReading("t", now.AddHours(-2), Steps: 900, ActiveMinutes: 25)]);

        var tab = Render(ctx);

        var titles = tab.FindAll(".purrr-chart-title").Select(t => t.TextContent).ToList();
        Assert.Equal(["Weight, last 90 days (kg)", "Steps a day", "Active minutes a day"], titles);
        Assert.Contains("Tofu's weight went from 5.00 kg to 4.40 kg (−12%)", tab.Find("[data-alert=WeightChange]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Weight 4.40 kg", tab.Find("[data-testid=health-summary]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_readings_redraw_the_tab_live()
    {
        await using var ctx = ComponentTestContext.Create(database, (owner, "milo"));
        var devices = ctx.Services.GetRequiredService<HealthDeviceService>();
        var scale = (await devices.RegisterAsync(owner, new DeviceRegistration(cat, "weight_scale", "SCALE-1"))).Value;
        var tab = Render(ctx);
        Assert.Empty(tab.FindAll(".purrr-chart-title"));

        await devices.PushAsync(owner, scale.Device.Id, [new DeviceReading("a", TestClock.Noon.AddHours(-1), WeightGrams: 4_000)]);

        tab.WaitForAssertion(() => Assert.Contains("Weight, last 90 days (kg)", tab.Find(".purrr-chart-title").TextContent, StringComparison.Ordinal));
        Assert.Contains("No activity readings in the last 30 days", tab.Markup, StringComparison.Ordinal); // a scale alone: no empty activity charts
    }
}

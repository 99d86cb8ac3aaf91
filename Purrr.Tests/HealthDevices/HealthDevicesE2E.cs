using Microsoft.Playwright;
using Purrr.DeviceSimulator;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.HealthDevices;

/// <summary>A player registers a scale on the cat's Health tab in Chromium; the simulator sends 90 days; the weight chart appears.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class HealthDevicesE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_player_registers_a_scale_and_the_simulated_readings_draw_the_weight_chart()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(Names.Unique("health"));
            await session.AdoptAsync("Mochi", "Maine Coon");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Health" }).ClickAsync();
            var tab = page.Locator(".purrr-health[data-ready]");
            await Expect(tab.GetByTestId("no-readings")).ToBeVisibleAsync();

            // Weight scale is the preselected type.
            await tab.GetByLabel("Device id").FillAsync("SCALE-0042");
            await tab.GetByRole(AriaRole.Button, new() { Name = "Register device" }).ClickAsync();
            await Expect(tab.GetByTestId("device-key")).ToContainTextAsync("pd_");
            var device = Guid.Parse(await tab.GetByTestId("device-id").TextContentAsync() ?? "");
            var key = await tab.GetByTestId("device-key").TextContentAsync() ?? "";
            await Expect(tab.GetByTestId("device-list")).ToContainTextAsync("SCALE-0042");

            // The simulator, as `dotnet run --project Purrr.DeviceSimulator` runs it, against this server.
            using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl.TrimEnd('/') + "/") };
            var readings = SimulatedReadings.For("weight_scale", server.ShiftedClock.GetUtcNow(), 90);
            var summary = await new DevicePusher(http, device, key).PushAsync(readings);
            Assert.Equal(readings.Count, summary.Stored);

            // The tab redraws live: the weight line over 90 days, its figures in the screen-reader table.
            var weight = tab.GetByRole(AriaRole.Table, new() { Name = "Weight, last 90 days (kg)" });
            await Expect(weight.Locator("tbody tr").Nth(88)).ToBeAttachedAsync(); // 89 or 90 days, by the time of day
            await Expect(tab.Locator("svg .apexcharts-series path[d]").First).ToBeAttachedAsync();
            await Expect(tab.GetByTestId("health-summary")).ToContainTextAsync("kg");
            Assert.Empty(session.Errors);
            await session.SaveScreenshotAsync("health-weight-chart");
        });
    }
}

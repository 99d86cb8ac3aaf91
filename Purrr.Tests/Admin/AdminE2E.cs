using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Admin;
using Purrr.Core.Presence;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Admin;

/// <summary>The demo admin in Chromium: live dashboard charts and figures, and a feature flag another player feels at once.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class AdminE2E(PurrrServer server, BrowserFixture browser)
{
    private static ILocator Card(IPage page, KpiKind kind) => page.Locator($"[data-kpi={kind}] .value");

    [Fact]
    public async Task The_admin_sees_the_charts_drawn_and_online_now_rise_when_another_player_signs_in()
    {
        await using var admin = await BrowserSession.OpenAsync(browser, server);
        await using var player = await BrowserSession.OpenAsync(browser, server);
        await admin.RunAsync(async () =>
        {
            await admin.SignInAsync(DemoWorld.AdminUserName, DemoWorld.AdminPassword);
            await admin.GotoAsync("admin");
            await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

            // Five charts, each an SVG with its series drawn in it (ApexCharts' own markup), and a table for screen readers.
            var charts = admin.Page.Locator("figure.purrr-chart");
            await Expect(charts).ToHaveCountAsync(5);
            for (var i = 0; i < 5; i++)
            {
                await Expect(charts.Nth(i).Locator("svg .apexcharts-series").First).ToBeAttachedAsync();
                Assert.True(await charts.Nth(i).Locator("svg .apexcharts-series path").CountAsync() > 0, $"Chart {i} drew no series.");
            }
            await Expect(admin.Page.Locator("svg .apexcharts-series path[d]").First).ToBeAttachedAsync();
            await Expect(admin.Page.GetByRole(AriaRole.Table, new() { Name = "Registrations per day" })).ToBeAttachedAsync();
            Assert.Empty(admin.Errors);

            var presence = server.Services.GetRequiredService<PresenceTracker>();
            var name = Names.Unique("onl");
            await player.SignUpAsync(name);

            // The card follows presence without a reload: it shows the tracker's count, which now includes the new player.
            await WaitUntilAsync(async () => presence.OnlineUsers().Count is var online && online >= 2
                && await Card(admin.Page, KpiKind.OnlineNow).TextContentAsync() == online.ToString());
            await admin.SaveScreenshotAsync("admin-dashboard");
        });
    }

    [Fact]
    public async Task Switching_night_watch_off_hides_it_from_a_player_at_once_and_back_on_brings_it_back()
    {
        await using var admin = await BrowserSession.OpenAsync(browser, server);
        await using var player = await BrowserSession.OpenAsync(browser, server);
        var flags = server.Services.GetRequiredService<FeatureFlags>();
        try
        {
            await admin.RunAsync(async () =>
            {
                await player.SignUpAsync(Names.Unique("nwf"));
                await player.GotoAsync("night-watch");
                var navLink = player.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Night Watch" });
                await Expect(navLink).ToBeVisibleAsync();

                await admin.SignInAsync(DemoWorld.AdminUserName, DemoWorld.AdminPassword);
                await admin.GotoAsync("admin/flags");
                var nightWatch = admin.Page.GetByRole(AriaRole.Switch, new() { Name = "Night watch" });
                await Expect(nightWatch).ToBeCheckedAsync();
                await nightWatch.ClickAsync();
                await Expect(admin.Page.GetByText("Night watch is now off for everyone.")).ToBeVisibleAsync();

                await Expect(navLink).ToHaveCountAsync(0);
                await Expect(player.Page.GetByRole(AriaRole.Heading, new() { Name = "Night watch is switched off" })).ToBeVisibleAsync();

                await nightWatch.ClickAsync();
                await Expect(admin.Page.GetByText("Night watch is now on for everyone.")).ToBeVisibleAsync();
                await Expect(navLink).ToBeVisibleAsync();
                await Expect(player.Page.GetByRole(AriaRole.Heading, new() { Name = "Night watch is switched off" })).ToHaveCountAsync(0);
            });
        }
        finally
        {
            // The browser tests share one server: leave night watch on for the others whatever happened.
            if (!await flags.IsOnAsync(Feature.NightWatch))
                await flags.SetAsync(Feature.NightWatch, true, Purrr.Core.Common.UserId.New());
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await condition())
                return;
            await Task.Delay(100);
        }
        Assert.True(await condition(), "Timed out waiting for the dashboard to follow presence.");
    }
}

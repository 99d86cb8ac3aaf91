using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.NightWatch;

/// <summary>Two neighbours on the night-watch map in two Chromium contexts, in a time zone where it is night right now.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class NightWatchE2E(PurrrServer server, BrowserFixture browser)
{
    /// <summary>A fixed-offset zone where it is about midnight at the server's current time.</summary>
    private string MidnightZone()
    {
        var hour = server.ShiftedClock.GetUtcNow().Hour;
        return hour <= 12 ? $"Etc/GMT+{hour}" : $"Etc/GMT-{24 - hour}"; // POSIX-style names: the sign is inverted
    }

    private async Task<UserId> RegisterAsync(string userName, string timeZone, GeoPoint? home = null, params string[] catNames) =>
        await server.InScopeAsync(async sp =>
        {
            var player = (await sp.GetRequiredService<AccountService>().RegisterAsync(
                new RegistrationRequest(userName, $"{userName}@example.test", BrowserSteps.Password, timeZone))).Value;
            var db = sp.GetRequiredService<PurrrDbContext>();
            db.Cats.AddRange(catNames.Select(name => ACat.Playful().Named(name).OwnedBy(player.Id).Build()));
            await db.SaveChangesAsync();
            if (home is { } at)
                await sp.GetRequiredService<NightWatchService>().SetHomeAsync(player.Id, at.Latitude, at.Longitude);
            return player.Id;
        });

    [Fact]
    public async Task A_deploys_and_builds_a_zone_and_B_sees_both_and_the_patrol_events_live()
    {
        var zone = MidnightZone();
        var nameA = Names.Unique("ana");
        var nameB = Names.Unique("ben");
        var zoneName = $"Zone {Guid.NewGuid():N}"[..13];
        var playerA = await RegisterAsync(nameA, zone, home: null, "Pepper", "Salt");
        // B lives 300 m from where A will click (the map's default centre, where new players' maps open).
        var options = server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NightWatchOptions>>().Value;
        var centre = new GeoPoint(options.DefaultLatitude, options.DefaultLongitude);
        await RegisterAsync(nameB, zone, home: centre.Offset(300, 200));

        await using var a = await BrowserSession.OpenAsync(browser, server);
        await using var b = await BrowserSession.OpenAsync(browser, server);
        await a.RunAsync(async () =>
        {
            // A: set home by clicking the map, send both cats out, build a zone a little north.
            await a.SignInAsync(nameA);
            await a.Page.GetByRole(AriaRole.Link, new() { Name = "Night Watch", Exact = true }).First.ClickAsync();
            await a.WaitForRouteAsync("**/night-watch");
            await Expect(a.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Night watch is on until dawn" })).ToBeVisibleAsync();
            var map = a.Page.GetByRole(AriaRole.Application, new() { Name = "Neighbourhood map: click to pick a point" });
            await Expect(map.Locator(".leaflet-container, .leaflet-pane").First).ToBeAttachedAsync(); // Leaflet is up
            // Home by the keyboard's way (the map's centre), the zone by a click on the map.
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "Pick the centre of the map" }).ClickAsync();
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "Make this my home" }).ClickAsync();
            await Expect(a.Page.GetByText("Welcome home! Your Home Base safe haven is ready.")).ToBeVisibleAsync();

            await a.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Pepper" }).CheckAsync();
            await a.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Salt" }).CheckAsync();
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "Deploy 2 cats" }).ClickAsync();
            await Expect(a.Page.GetByRole(AriaRole.Heading, new() { Name = "On patrol" })).ToBeVisibleAsync();
            await Expect(a.Page.GetByRole(AriaRole.List, new() { Name = "Cats on this patrol" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);

            var box = (await map.BoundingBoxAsync())!;
            await map.ClickAsync(new() { Position = new() { X = box.Width / 2, Y = box.Height / 2 - 40 } });
            await a.Page.GetByLabel("Name").FillAsync(zoneName);
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "Build for 200 coins" }).ClickAsync();
            await Expect(a.Page.GetByText($"{zoneName} is built.")).ToBeVisibleAsync();
            await Expect(a.Page.GetByRole(AriaRole.List, new() { Name = "Zones nearby" })).ToContainTextAsync(new Regex($@"{zoneName}\s+·\s+Motion sensor"));
            await a.SaveScreenshotAsync("night-watch-player-a");
        });

        await b.RunAsync(async () =>
        {
            // B: the map already shows A's zone and A's cats out on patrol.
            await b.SignInAsync(nameB);
            await b.GotoAsync("night-watch");
            var zones = b.Page.GetByRole(AriaRole.List, new() { Name = "Zones nearby" });
            await Expect(zones.GetByRole(AriaRole.Listitem).Filter(new() { HasText = zoneName })).ToContainTextAsync($"by {nameA}");
            await Expect(b.Page.Locator(".purrr-cat-marker")).ToHaveCountAsync(2); // Pepper and Salt
            var feed = b.Page.GetByRole(AriaRole.List, new() { Name = "Night feed" });
            await Expect(feed).ToContainTextAsync($"{nameA} sent Pepper and Salt out on patrol.");

            // A tick on the server: what A's patrol meets shows up in B's feed without a reload.
            string? news = null;
            for (var tick = 0; tick < 20 && news is null; tick++)
            {
                await server.Services.GetRequiredService<NightWatchSimulator>().TickAsync();
                news = await server.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().NightWatchEvents
                    .Where(e => e.PlayerId == playerA && (e.Kind == NightEventKind.Encounter || e.Kind == NightEventKind.Strays))
                    .OrderByDescending(e => e.Id).Select(e => e.Text).FirstOrDefaultAsync());
            }
            Assert.NotNull(news);
            await Expect(feed).ToContainTextAsync(news!, new() { Timeout = 5_000 }); // pushed by the bus: no reload, no polling
            // ...and flashes on the map where A's cats are (not in a corner of the map).
            var flash = (await b.Page.Locator(".purrr-flash span").First.BoundingBoxAsync())!;
            var cat = (await b.Page.Locator(".purrr-cat-marker").First.BoundingBoxAsync())!;
            Assert.InRange(Math.Abs(flash.X + flash.Width / 2 - (cat.X + cat.Width / 2)), 0, 40);
            Assert.InRange(Math.Abs(flash.Y + flash.Height / 2 - (cat.Y + cat.Height / 2)), 0, 40);
            await b.SaveScreenshotAsync("night-watch-player-b");
        });

        Assert.Empty(a.Errors);
        Assert.Empty(b.Errors);
    }
}

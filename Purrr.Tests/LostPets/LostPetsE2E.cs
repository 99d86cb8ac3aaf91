using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Purrr.Core.LostPets;
using Purrr.Core.NightWatch;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.LostPets;

/// <summary>Two neighbours in two Chromium contexts: A reports a lost cat, B is alerted live and reports a sighting.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class LostPetsE2E(PurrrServer server, BrowserFixture browser)
{
    private static ILocator Bell(IPage page) => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Notifications") });

    [Fact]
    public async Task A_reports_a_lost_cat_B_nearby_is_alerted_and_adds_a_sighting_A_sees_it_live_and_marks_the_cat_found()
    {
        var (nameA, nameB) = (Names.Unique("owner"), Names.Unique("neighbour"));
        var petName = $"Clementine {nameA[^4..]}";
        var options = server.Services.GetRequiredService<IOptions<NightWatchOptions>>().Value;
        await server.InScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<AccountService>();
            await accounts.RegisterAsync(new RegistrationRequest(nameA, $"{nameA}@example.test", BrowserSteps.Password, "Europe/Paris"));
            var b = (await accounts.RegisterAsync(new RegistrationRequest(nameB, $"{nameB}@example.test", BrowserSteps.Password, "Europe/Paris"))).Value;
            // B lives 500 m from the middle of the map A will click, and asked for alerts.
            var home = new Core.Common.GeoPoint(options.DefaultLatitude, options.DefaultLongitude).Offset(500, 45);
            Assert.True((await sp.GetRequiredService<NightWatchService>().SetHomeAsync(b.Id, home.Latitude, home.Longitude)).Succeeded);
            await sp.GetRequiredService<LostPetService>().SetAlertsAsync(b.Id, true);
            return b.Id;
        });

        await using var a = await BrowserSession.OpenAsync(browser, server);
        await using var b = await BrowserSession.OpenAsync(browser, server);
        await a.RunAsync(async () =>
        {
            await b.SignInAsync(nameB);
            await Expect(Bell(b.Page)).ToHaveAttributeAsync("aria-label", "Notifications");

            // A fills in the report and marks the last-seen point in the middle of the map.
            await a.SignInAsync(nameA);
            await a.GotoAsync("lost-and-found/report");
            var form = a.Page;
            await form.GetByLabel("Pet's name").FillAsync(petName);
            await form.GetByLabel("Breed").FillAsync("Domestic shorthair");
            await form.GetByLabel("Colour").FillAsync("Ginger and white");
            await form.GetByLabel("Last seen where").FillAsync("Square René Viviani");
            await form.GetByLabel("Contact phone").FillAsync("+33 6 11 22 33 44");
            await form.GetByLabel("Contact email").FillAsync($"{nameA}@example.test");
            var map = form.GetByRole(AriaRole.Application, new() { Name = "Map: click where the pet was last seen" });
            await Expect(map.Locator(".leaflet-control-zoom")).ToBeVisibleAsync(); // Leaflet has drawn the map
            await map.ClickAsync();
            await Expect(form.GetByRole(AriaRole.Status).Filter(new() { HasText = "Marked at" })).ToBeVisibleAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Report lost pet" }).ClickAsync();
            await a.WaitForRouteAsync(new Regex("/lost-and-found/[0-9a-f-]{36}\\?alerted=\\d+$"));
            // B and the demo world's neighbours who asked for alerts: the reporter is told how many.
            await Expect(a.Page.GetByText(new Regex(@"Reported\. \d+ neighbours? (was|were) alerted\."))).ToBeVisibleAsync();
            await Expect(a.Page.GetByRole(AriaRole.Heading, new() { Name = "Sightings (0)" })).ToBeVisibleAsync();

            // B's bell rings without a reload; the notification leads to the pet's page.
            await Expect(Bell(b.Page)).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
            await Bell(b.Page).ClickAsync();
            await b.WaitForRouteAsync("**/notifications");
            await b.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"Cat lost .* from your home: {petName}") }).ClickAsync();
            await b.WaitForRouteAsync(new Regex("/lost-and-found/[0-9a-f-]{36}$"));
            await Expect(b.Page.GetByText($"+33 6 11 22 33 44")).ToBeVisibleAsync(); // signed in: the owner's contact

            // B marks where they saw the cat and reports it.
            // The map loads Leaflet on first use: click once its pins are drawn, or the click lands on nothing.
            await Expect(b.Page.Locator(".purrr-pin.lastseen")).ToBeVisibleAsync();
            await b.Page.GetByRole(AriaRole.Application).ClickAsync(new() { Position = new() { X = 120, Y = 80 } });
            await Expect(b.Page.GetByText("Marked on the map at")).ToBeVisibleAsync();
            await b.Page.GetByLabel("What did you see?").FillAsync("Sleeping on a bench");
            await b.Page.GetByRole(AriaRole.Button, new() { Name = "Add sighting" }).ClickAsync();
            await Expect(b.Page.GetByRole(AriaRole.Heading, new() { Name = "Sightings (1)" })).ToBeVisibleAsync();

            // A sees it appear on the page and the map without a reload, then marks the cat found.
            await Expect(a.Page.GetByRole(AriaRole.Heading, new() { Name = "Sightings (1)" })).ToBeVisibleAsync();
            await Expect(a.Page.GetByRole(AriaRole.List, new() { Name = "Sightings, newest first" })).ToContainTextAsync("Sleeping on a bench");
            await Expect(a.Page.Locator(".purrr-pin.sighting")).ToHaveCountAsync(1);
            await a.Page.GetByLabel("A thank-you to everyone who helped (optional)").FillAsync("Home safe, thank you!");
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "Mark as found" }).ClickAsync();
            await Expect(a.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Found — home after" })).ToBeVisibleAsync();

            // B is thanked, and the found pet takes no more sightings.
            await Expect(Bell(b.Page)).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
            await Expect(b.Page.GetByRole(AriaRole.Button, new() { Name = "Add sighting" })).ToHaveCountAsync(0);
        });
    }
}

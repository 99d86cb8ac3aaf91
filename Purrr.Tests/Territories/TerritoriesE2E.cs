using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Territories;

/// <summary>Two neighbours in two Chromium contexts: A claims a spot, B challenges for it, A accepts from the live notification.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class TerritoriesE2E(PurrrServer server, BrowserFixture browser)
{
    private static ILocator Bell(IPage page) => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Notifications") });

    private static ILocator Status(IPage page) => page.Locator("#main-content").GetByRole(AriaRole.Status);

    private static ILocator Holder(IPage page, string cat) => page.Locator($"path.purrr-territory[data-holder='{cat}']");

    private async Task RegisterAsync(string userName, GeoPoint home, ACat cat) =>
        await server.InScopeAsync(async sp =>
        {
            var player = (await sp.GetRequiredService<AccountService>().RegisterAsync(
                new RegistrationRequest(userName, $"{userName}@example.test", BrowserSteps.Password, "Europe/Paris"))).Value;
            var db = sp.GetRequiredService<PurrrDbContext>();
            db.Cats.Add(cat.OwnedBy(player.Id).Build());
            await db.SaveChangesAsync();
            Assert.True((await sp.GetRequiredService<NightWatchService>().SetHomeAsync(player.Id, home.Latitude, home.Longitude)).Succeeded);
            return player.Id;
        });

    private static async Task PickCentreAsync(BrowserSession session)
    {
        // The layer has drawn on the Leaflet map once it says so: a click before that would land on nothing.
        await Expect(session.Page.Locator(".purrr-territory-toggle[data-ready='true']")).ToBeVisibleAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Pick the centre of the map" }).ClickAsync();
    }

    [Fact]
    public async Task A_claims_a_spot_B_challenges_A_accepts_from_the_notification_and_both_maps_show_the_holder()
    {
        var (nameA, nameB) = (Names.Unique("holder"), Names.Unique("rival"));
        // Both live at the same spot of their own, so their maps open on it and no other test's territories are near.
        var options = server.Services.GetRequiredService<IOptions<NightWatchOptions>>().Value;
        var home = new GeoPoint(options.DefaultLatitude, options.DefaultLongitude).Offset(20_000 + Random.Shared.Next(0, 30_000), Random.Shared.Next(0, 360));
        await RegisterAsync(nameA, home, ACat.Playful().Named("Pepper").AtLevel(3));
        await RegisterAsync(nameB, home, ACat.Territorial().Named("Rook").AtLevel(5));

        await using var a = await BrowserSession.OpenAsync(browser, server);
        await using var b = await BrowserSession.OpenAsync(browser, server);
        await a.RunAsync(async () =>
        {
            // A claims the middle of the map as a garden for Pepper.
            await a.SignInAsync(nameA);
            await a.GotoAsync("territories");
            await PickCentreAsync(a);
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "Claim with Pepper" }).ClickAsync();
            await Expect(Status(a.Page)).ToHaveTextAsync("Pepper claimed Pepper's garden.");
            await Expect(Holder(a.Page, "Pepper")).ToHaveCountAsync(1);

            // B sees it, picks the same spot and sees the odds before challenging with Rook.
            await b.SignInAsync(nameB);
            await b.GotoAsync("territories");
            await Expect(Holder(b.Page, "Pepper")).ToHaveCountAsync(1);
            await Expect(Bell(a.Page)).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread"); // the Home Turf achievement
            await PickCentreAsync(b);
            await Expect(b.Page.GetByRole(AriaRole.List, new() { Name = "Your cats" })).ToContainTextAsync(new Regex(@"Rook's chance: \d+%"));
            await b.Page.GetByRole(AriaRole.Button, new() { Name = "Challenge with Rook" }).ClickAsync();
            await Expect(Status(b.Page)).ToHaveTextAsync($"Rook challenged Pepper's garden. {nameA} has 12 hours to answer.");

            // A is told live, follows the notification and accepts: Pepper defends.
            await Expect(Bell(a.Page)).ToHaveAttributeAsync("aria-label", "Notifications, 2 unread");
            await Bell(a.Page).ClickAsync();
            await a.WaitForRouteAsync("**/notifications");
            await a.Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Rook challenges Pepper for their garden") }).ClickAsync();
            await a.WaitForRouteAsync(new Regex("/territories/challenges/[0-9a-f-]{36}$"));
            await Expect(a.Page.GetByRole(AriaRole.List, new() { Name = "Defend with" })).ToContainTextAsync(new Regex(@"Pepper's chance: \d+%"));
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "Accept: Pepper defends" }).ClickAsync();

            // The contest is settled by one draw (Rook is favoured, not certain): both maps show whoever holds it now.
            var outcome = Status(a.Page);
            await Expect(outcome).ToHaveTextAsync(new Regex("^(Rook won the spot from Pepper|Pepper held the spot against Rook)"));
            var holder = (await outcome.TextContentAsync())!.Trim().StartsWith("Rook", StringComparison.Ordinal) ? "Rook" : "Pepper";
            await Expect(Holder(a.Page, holder)).ToHaveCountAsync(1);
            await Expect(Holder(b.Page, holder)).ToHaveCountAsync(1);
            await Expect(b.Page.GetByRole(AriaRole.List, new() { Name = "Territories nearby" })).ToContainTextAsync($"{holder}'s garden");
            await Expect(b.Page.GetByText("No open challenges.")).ToBeVisibleAsync();
        });
    }
}

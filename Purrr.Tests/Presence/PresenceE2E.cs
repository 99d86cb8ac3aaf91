using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Presence;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Presence;

/// <summary>Two players in two Chromium contexts: B follows A and watches A's presence change live.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class PresenceE2E(PurrrServer server, BrowserFixture browser)
{
    /// <summary>A presence dot on the page itself (the app bar holds the viewer's own).</summary>
    private static ILocator DotInPage(IPage page, string name) =>
        page.Locator("#main-content").GetByRole(AriaRole.Img, new() { Name = name, Exact = true });

    [Fact]
    public async Task B_follows_A_and_sees_A_online_busy_away_and_then_grey_with_last_seen_when_A_closes_the_tab()
    {
        var nameA = Names.Unique("ana");
        var nameB = Names.Unique("ben");
        await using var a = await BrowserSession.OpenAsync(browser, server);
        await using var b = await BrowserSession.OpenAsync(browser, server);
        await b.RunAsync(async () =>
        {
            await a.SignUpAsync(nameA);
            await b.SignUpAsync(nameB);
            await Expect(b.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Img, new() { Name = "Online", Exact = true })).ToBeVisibleAsync();

            // B opens A's profile: A is online, and B follows A.
            await b.GotoAsync($"players/{nameA}");
            await Expect(DotInPage(b.Page, "Online")).ToBeVisibleAsync();

            // A visitor sees A's presence too, but is not tracked and cannot follow.
            var presence = server.Services.GetRequiredService<PresenceTracker>();
            var onlineBefore = presence.OnlineUsers().Count;
            await using (var visitor = await BrowserSession.OpenAsync(browser, server))
            {
                await visitor.GotoAsync($"players/{nameA}");
                await Expect(DotInPage(visitor.Page, "Online")).ToBeVisibleAsync();
                await Expect(visitor.Page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true })).ToHaveCountAsync(0);
                Assert.True(presence.OnlineUsers().Count <= onlineBefore, "A visitor's tab counted as a player."); // its circuit is live by now
            }

            await b.Page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
            await Expect(b.Page.GetByRole(AriaRole.Button, new() { Name = "Unfollow" })).ToBeVisibleAsync();

            // A chooses busy in the app bar; B's page turns red without a reload, then green again.
            await a.Page.GetByRole(AriaRole.Button, new() { Name = nameA }).ClickAsync();
            await a.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Set status: Busy" }).ClickAsync();
            await Expect(a.Page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Img, new() { Name = "Busy", Exact = true })).ToBeVisibleAsync();
            await Expect(DotInPage(b.Page, "Busy")).ToBeVisibleAsync();
            await a.Page.GetByRole(AriaRole.Button, new() { Name = nameA }).ClickAsync();
            await a.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Set status: Online" }).ClickAsync();
            await Expect(DotInPage(b.Page, "Online")).ToBeVisibleAsync();

            // Five minutes without input make A away; A moving the mouse brings A back at once.
            server.ShiftedClock.Advance(PresenceRules.AwayAfter + TimeSpan.FromMinutes(1));
            presence.Sweep(); // as the worker does every few seconds
            await Expect(DotInPage(b.Page, "Away")).ToBeVisibleAsync();
            await a.Page.Mouse.MoveAsync(300, 400);
            await a.Page.Mouse.MoveAsync(320, 420);
            await Expect(DotInPage(b.Page, "Online")).ToBeVisibleAsync();

            // A closes the tab: B sees the grey dot with when A was last seen.
            await a.Page.CloseAsync();
            await Expect(DotInPage(b.Page, "Last seen just now")).ToBeVisibleAsync();
            await Expect(b.Page.Locator("#main-content").GetByText("Last seen just now")).ToBeVisibleAsync();
            await b.SaveScreenshotAsync("presence-profile-offline");

            // B's "Who's online" lists A among the followed players who are offline.
            await b.Page.GetByRole(AriaRole.Link, new() { Name = "Who's online" }).ClickAsync();
            await b.WaitForRouteAsync("**/online");
            var offline = b.Page.GetByRole(AriaRole.List, new() { Name = "Offline" });
            await Expect(offline.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(new Regex($@"{nameA}\s+@{nameA}\s+Last seen just now"));
            await Expect(b.Page.GetByText("None of the players you follow is online right now.")).ToBeVisibleAsync();
            await b.SaveScreenshotAsync("presence-who-is-online");
            Assert.Empty(b.Errors);
        });
    }
}

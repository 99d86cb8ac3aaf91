using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Accessibility;

/// <summary>
/// A new player's first evening with the keyboard only (Tab, Shift+Tab, Enter, arrows, typing) in Chromium: sign up,
/// adopt, feed, join a room and walk the cat with the arrow keys, chat, write and publish a post. No click, fill or
/// programmatic focus: the only way anything gets focus is the keyboard.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class KeyboardJourneyE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_player_signs_up_adopts_feeds_walks_in_a_room_chats_and_publishes_a_post_without_a_mouse()
    {
        var userName = Names.Unique("keys");
        const string cat = "Biscuit";
        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            var page = session.Page;
            var keys = page.Keyboard;

            // Sign up: the static form, field by field.
            await session.GotoAsync("Account/Register", interactive: false);
            await TabToAsync(page, page.GetByLabel("Username"));
            await keys.TypeAsync(userName);
            await TabToAsync(page, page.GetByLabel("Email"));
            await keys.TypeAsync($"{userName}@example.test");
            await TabToAsync(page, page.GetByLabel("Password", new() { Exact = true }));
            await keys.TypeAsync(BrowserSteps.Password);
            await TabToAsync(page, page.GetByLabel("Confirm password"));
            await keys.TypeAsync(BrowserSteps.Password);
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create account" }));
            await keys.PressAsync("Enter");
            await session.WaitForRouteAsync("**/cats");
            await session.WaitForCircuitAsync();

            // Adopt: a text field, a MudSelect opened with Enter and chosen with the arrows, the Adopt button.
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Adopt your first cat" }));
            await keys.PressAsync("Enter");
            await session.WaitForRouteAsync("**/cats/adopt");
            await TabToAsync(page, page.GetByLabel("Name"));
            await keys.TypeAsync(cat);
            await TabToAsync(page, page.GetByLabel("Breed"));
            await keys.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
            await keys.PressAsync("ArrowDown");
            await keys.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0);
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Adopt", Exact = true }));
            await keys.PressAsync("Enter");
            await session.WaitForRouteAsync(new Regex("/cats/[0-9a-f-]{36}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = cat, Level = 1 })).ToBeVisibleAsync();

            // Feed: the Feed menu opens on Enter with its first food focused; Enter serves it.
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Feed") }));
            await keys.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Menuitem).First).ToBeFocusedAsync();
            await keys.PressAsync("Enter");
            await Expect(page.GetByText(new Regex($"^{cat} ate the "))).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^Feed\s·") })).ToBeDisabledAsync();

            // Rooms: back up to the navigation, choose the cat, join, walk with the arrow keys, chat.
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Rooms", Exact = true }), backwards: true);
            await keys.PressAsync("Enter");
            await session.WaitForRouteAsync("**/rooms");
            var choice = page.GetByRole(AriaRole.Button, new() { Name = cat });
            await TabToAsync(page, choice);
            await keys.PressAsync("Enter");
            await Expect(choice).ToHaveAttributeAsync("aria-pressed", "true");
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Join social lounge" }));
            await keys.PressAsync("Enter");
            await session.WaitForRouteAsync(new Regex("/rooms/social-lounge-\\d+$"));
            var onFloor = page.Locator($"g.cat[data-cat='{cat}']");
            await Expect(onFloor).ToHaveCountAsync(1);
            var x = int.Parse((await onFloor.GetAttributeAsync("data-x"))!);
            var y = await onFloor.GetAttributeAsync("data-y");
            await TabToAsync(page, page.GetByRole(AriaRole.Application));
            await keys.PressAsync("ArrowRight");
            await Expect(onFloor).Not.ToHaveAttributeAsync("data-x", x.ToString());
            Assert.True(int.Parse((await onFloor.GetAttributeAsync("data-x"))!) > x, "ArrowRight walks the cat to the right");
            await Expect(onFloor).ToHaveAttributeAsync("data-y", y!); // right is right, not diagonal
            await TabToAsync(page, page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }));
            await keys.TypeAsync("Hello from the keyboard!");
            await keys.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Chat messages" })).ToContainTextAsync("Hello from the keyboard!");

            // Community: the navigation again, "Write a post", title, body, Publish.
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Community", Exact = true }), backwards: true);
            await keys.PressAsync("Enter");
            await session.WaitForRouteAsync("**/community");
            await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Write a post" }));
            await keys.PressAsync("Enter");
            await session.WaitForRouteAsync("**/community/write");
            await TabToAsync(page, page.GetByLabel("Title"));
            await keys.TypeAsync("Typed without a mouse");
            await TabToAsync(page, page.GetByLabel("Body"));
            await keys.TypeAsync($"{cat} says hello to everyone, paws only on the keys.");
            await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }));
            await keys.PressAsync("Enter");
            await session.WaitForRouteAsync(new Regex("/community/posts/[^/]+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Typed without a mouse", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByText($"{cat} says hello to everyone, paws only on the keys.")).ToBeVisibleAsync();
        });
        Assert.Empty(session.Errors);
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab) until <paramref name="target"/> (or something inside it) has focus, the way a keyboard
    /// user walks a page; fails naming where focus got stuck when it never arrives.
    /// </summary>
    internal static async Task TabToAsync(IPage page, ILocator target, bool backwards = false, int maxPresses = 120)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
                return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        var stuck = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"{maxPresses} presses of {(backwards ? "Shift+Tab" : "Tab")} never reached {target}; focus is on {stuck}");
    }
}

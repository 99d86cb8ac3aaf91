using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Rooms;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Rooms;

/// <summary>Three players in three Chromium contexts meet in one live room.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class RoomsE2E(PurrrServer server, BrowserFixture browser)
{
    private Task RegisterAsync(string userName, string catName) =>
        server.RegisterPlayerWithCatsAsync(userName, ACat.Curious().Named(catName));


    private static ILocator CatOnFloor(BrowserSession session, string catName) => session.Page.Locator($"g.cat[data-cat='{catName}']");

    [Fact]
    public async Task Three_players_meet_and_see_each_others_moves_messages_and_departures_live()
    {
        var (nameA, nameB, nameC) = (Names.Unique("ada"), Names.Unique("bo"), Names.Unique("cy"));
        var (catA, catB, catC) = ($"Ash{nameA[^4..]}", $"Birch{nameB[^4..]}", $"Cedar{nameC[^4..]}");
        await RegisterAsync(nameA, catA);
        await RegisterAsync(nameB, catB);
        await RegisterAsync(nameC, catC);

        await using var a = await BrowserSession.OpenAsync(browser, server);
        await using var b = await BrowserSession.OpenAsync(browser, server);
        await using var c = await BrowserSession.OpenAsync(browser, server);
        await b.RunAsync(async () =>
        {
            await a.JoinPartyRoomAsync(nameA);
            await b.JoinPartyRoomAsync(nameB);
            await c.JoinPartyRoomAsync(nameC);
            Assert.Equal(a.Page.Url, b.Page.Url);
            Assert.Equal(a.Page.Url, c.Page.Url);
            foreach (var viewer in new[] { a, b, c })
                foreach (var cat in new[] { catA, catB, catC })
                    await Expect(CatOnFloor(viewer, cat)).ToHaveCountAsync(1);

            // A clicks the floor: A's cat walks there, and B and C see it arrive at the same spot.
            var before = await CatOnFloor(a, catA).GetAttributeAsync("data-x");
            await a.Page.GetByRole(AriaRole.Application).ClickAsync(new() { Position = new() { X = 420, Y = 220 } });
            await Expect(CatOnFloor(a, catA)).Not.ToHaveAttributeAsync("data-x", before!);
            var (x, y) = (await CatOnFloor(a, catA).GetAttributeAsync("data-x"), await CatOnFloor(a, catA).GetAttributeAsync("data-y"));
            foreach (var viewer in new[] { b, c })
            {
                await Expect(CatOnFloor(viewer, catA)).ToHaveAttributeAsync("data-x", x!);
                await Expect(CatOnFloor(viewer, catA)).ToHaveAttributeAsync("data-y", y!);
            }

            // A types: B and C see "typing…"; A sends: they read the message.
            var box = a.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
            await box.FillAsync("Hello from the party!");
            foreach (var viewer in new[] { b, c })
                await Expect(viewer.Page.GetByText($"{catA} is typing…")).ToBeVisibleAsync();
            await box.PressAsync("Enter");
            foreach (var viewer in new[] { b, c })
            {
                var messages = viewer.Page.GetByRole(AriaRole.List, new() { Name = "Chat messages" });
                await Expect(messages).ToContainTextAsync("Hello from the party!");
                await Expect(viewer.Page.GetByText($"{catA} is typing…")).ToHaveCountAsync(0);
            }
            await Expect(box).ToHaveValueAsync("");

            // A is online: the dot beside A's message says so.
            foreach (var viewer in new[] { b, c })
                await Expect(viewer.Page.GetByRole(AriaRole.List, new() { Name = "Chat messages" }).GetByRole(AriaRole.Img, new() { Name = "Online", Exact = true })).ToHaveCountAsync(1);

            // A closes the tab: the place frees at once and B and C see A's cat leave and A go offline.
            Assert.True(RoomKey.TryParse(a.Page.Url.Split('/')[^1], out var room));
            await a.DisposeAsync();
            foreach (var viewer in new[] { b, c })
            {
                await Expect(CatOnFloor(viewer, catA)).ToHaveCountAsync(0);
                await Expect(viewer.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "2 of 25 cats" })).ToBeVisibleAsync();
                await Expect(viewer.Page.GetByRole(AriaRole.List, new() { Name = "Chat messages" }).GetByRole(AriaRole.Img, new() { Name = "Last seen just now" })).ToHaveCountAsync(1);
            }
            Assert.Equal(2, server.Services.GetRequiredService<RoomRegistry>().Members(room.Value)?.Count);
        });
    }

    [Fact]
    public async Task Tabs_that_close_leave_no_cat_room_or_subscription_behind()
    {
        const int tabs = 6;
        var name = Names.Unique("tabby");
        var cats = Enumerable.Range(1, tabs).Select(i => $"Tab{i}{name[^4..]}").ToList();
        await server.RegisterPlayerWithCatsAsync(name, [.. cats.Select(cat => ACat.Curious().Named(cat))]);
        var registry = server.Services.GetRequiredService<RoomRegistry>();
        var bus = (Purrr.Core.Events.InMemoryEventBus)server.Services.GetRequiredService<Purrr.Core.Events.IEventBus>();
        await WaitForAsync(() => registry.IsEmpty, "rooms left over from earlier tests");
        var subscriptionsBefore = bus.SubscriptionCount;

        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            await session.SignInAsync(name);
            var pages = new List<IPage>();
            foreach (var cat in cats)
            {
                // Every tab is its own circuit, bringing its own cat.
                var page = await session.Page.Context.NewPageAsync();
                await page.GotoAsync("rooms");
                await page.Locator("[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await page.GetByRole(AriaRole.Button, new() { Name = cat }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = cat })).ToHaveAttributeAsync("aria-pressed", "true");
                await page.GetByRole(AriaRole.Button, new() { Name = "Join social lounge" }).ClickAsync();
                await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/rooms/social-lounge-1$"));
                pages.Add(page);
            }
            Assert.Equal(tabs, registry.Members(new RoomKey(RoomType.SocialLounge, 1))?.Count);

            foreach (var page in pages)
                await page.CloseAsync();
            await session.Page.CloseAsync();

            await WaitForAsync(() => registry.IsEmpty, "cats still in rooms after their tabs closed");
            await WaitForAsync(() => bus.SubscriptionCount <= subscriptionsBefore, $"{bus.SubscriptionCount - subscriptionsBefore} subscriptions outlived their tabs");
        });
    }

    private static async Task WaitForAsync(Func<bool> condition, string failure)
    {
        for (var waited = 0; waited < 15_000 && !condition(); waited += 100)
            await Task.Delay(100);
        Assert.True(condition(), failure);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Data.Redis;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.ScaleOut;

/// <summary>
/// Two players on two app instances (two Kestrel hosts on one SQLite file and one Redis of the test's own, so it can
/// restart it) meet in one live room in Chromium.
/// </summary>
[Trait("Category", "E2E")]
public sealed class TwoInstancesE2E : IClassFixture<BrowserFixture>
{
    /// <summary>What crossing from one instance to the other may take (issue 14).</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions Quickly = new() { Timeout = 500 };

    private readonly BrowserFixture browser;

    public TwoInstancesE2E(BrowserFixture browser) => this.browser = browser;

    [Fact]
    public async Task Players_on_two_instances_share_a_room_presence_and_a_Redis_restart_and_lose_a_stopped_instances_player()
    {
        using var redis = new RedisProcess();
        await using var data = new TempFolder("purrr-two-e2e-");
        var channel = TestRedis.NewChannel();
        var a = new InstanceServer(data.Path, redis.Address, channel, seed: true);
        await using var b = new InstanceServer(data.Path, redis.Address, channel, seed: false);
        try
        {
            var (urlA, urlB) = (a.BaseUrl, b.BaseUrl);
            var (nameA, nameB) = (Names.Unique("ada"), Names.Unique("bo"));
            var (catA, catB) = ($"Ash{nameA[^4..]}", $"Birch{nameB[^4..]}");
            await RegisterAsync(a, nameA, catA);
            await RegisterAsync(a, nameB, catB);

            await using var onA = await BrowserSession.OpenAsync(browser, urlA);
            await using var onB = await BrowserSession.OpenAsync(browser, urlB);
            await onB.RunAsync(async () =>
            {
                await onA.JoinPartyRoomAsync(nameA);
                await onB.JoinPartyRoomAsync(nameB);
                // Same room on both instances, and each sees both cats.
                Assert.Equal(new Uri(onA.Page.Url).AbsolutePath, new Uri(onB.Page.Url).AbsolutePath);
                foreach (var viewer in new[] { onA, onB })
                    foreach (var cat in new[] { catA, catB })
                        await Expect(CatOnFloor(viewer, cat)).ToHaveCountAsync(1);

                // A's move reaches B within 500 ms of A seeing it.
                await MoveAndSeeAsync(onA, onB, catA, 420, 220);

                // Chat both ways; each author's presence dot beside their message says Online on the other instance.
                await SayAsync(onA, onB, "Hello from instance A!");
                await SayAsync(onB, onA, "And hello from B!");
                await Expect(ChatList(onB).GetByRole(AriaRole.Img, new() { Name = "Online", Exact = true })).ToHaveCountAsync(2);
                await Expect(ChatList(onA).GetByRole(AriaRole.Img, new() { Name = "Online", Exact = true })).ToHaveCountAsync(2);

                // The sign-in cookie made by A is good on B too: the Data Protection keys live in the shared database.
                var other = await onA.Page.Context.NewPageAsync();
                await other.GotoAsync(urlB + "cats");
                await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cats$"));
                await other.CloseAsync();

                // Redis restarts: both instances resubscribe by themselves and moves cross again.
                redis.Stop();
                await TestRedis.WaitUntilAsync(() => !a.Services.GetRequiredService<RedisEventBus>().IsSubscribed, "A noticed Redis is gone");
                await Task.Delay(1000); // heartbeats sent meanwhile are lost, not counted below
                var (busA, busB) = (a.Services.GetRequiredService<RedisEventBus>(), b.Services.GetRequiredService<RedisEventBus>());
                var (heardByA, heardByB) = (busA.Received, busB.Received);
                redis.Start();
                // Resubscribed when each hears the other's heartbeat again (pub/sub keeps nothing sent meanwhile).
                await TestRedis.WaitUntilAsync(() => busA.Received > heardByA && busB.Received > heardByB, "both instances resubscribed", 20_000);
                // A Redis outage longer than the TTL looks like a dead instance: the other's cat may have been taken out
                // meanwhile; the next heartbeat brings it back.
                foreach (var viewer in new[] { onA, onB })
                    foreach (var cat in new[] { catA, catB })
                        await Expect(CatOnFloor(viewer, cat)).ToHaveCountAsync(1);
                await MoveAndSeeAsync(onB, onA, catB, 300, 300);

                // Instance A stops (no goodbye): within the TTL, B takes A's cat out and shows A's player offline.
                await a.DisposeAsync();
                var withinTtl = new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 };
                await Expect(CatOnFloor(onB, catA)).ToHaveCountAsync(0, withinTtl);
                await Expect(ChatList(onB).GetByRole(AriaRole.Img, new() { Name = "Online", Exact = true })).ToHaveCountAsync(1, withinTtl);
            });
        }
        finally
        {
            await a.DisposeAsync();
        }
    }

    private static Task RegisterAsync(InstanceServer app, string userName, string catName) =>
        app.RegisterPlayerWithCatsAsync(userName, ACat.Curious().Named(catName));


    private static ILocator CatOnFloor(BrowserSession session, string catName) => session.Page.Locator($"g.cat[data-cat='{catName}']");

    private static ILocator ChatList(BrowserSession session) => session.Page.GetByRole(AriaRole.List, new() { Name = "Chat messages" });

    private static async Task MoveAndSeeAsync(BrowserSession mover, BrowserSession viewer, string cat, int x, int y)
    {
        var before = await CatOnFloor(mover, cat).GetAttributeAsync("data-x");
        await mover.Page.GetByRole(AriaRole.Application).ClickAsync(new() { Position = new() { X = x, Y = y } });
        await Expect(CatOnFloor(mover, cat)).Not.ToHaveAttributeAsync("data-x", before!);
        var (newX, newY) = (await CatOnFloor(mover, cat).GetAttributeAsync("data-x"), await CatOnFloor(mover, cat).GetAttributeAsync("data-y"));
        await Expect(CatOnFloor(viewer, cat)).ToHaveAttributeAsync("data-x", newX!, Quickly);
        await Expect(CatOnFloor(viewer, cat)).ToHaveAttributeAsync("data-y", newY!, Quickly);
    }

    private static async Task SayAsync(BrowserSession author, BrowserSession reader, string text)
    {
        var box = author.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await Expect(ChatList(author)).ToContainTextAsync(text);
        await Expect(ChatList(reader)).ToContainTextAsync(text, new() { Timeout = 500 });
    }
}

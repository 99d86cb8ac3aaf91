using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Community;
using Purrr.Core.Events;
using Purrr.Core.Games;
using Purrr.Core.NightWatch;
using Purrr.Core.Progress;
using Purrr.Core.Rooms;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Layout;
using Purrr.Web.Components.Pages.Games;
using Purrr.Web.Components.Pages.NightWatch;
using Purrr.Web.Components.Pages.Rooms;

namespace Purrr.Tests.Accessibility;

/// <summary>
/// Screen readers hear news politely: each live region is in the page (empty) before its news arrives — a region
/// created together with its text is not announced — and the news then lands in that same region.
/// </summary>
[Trait("Category", "Component")]
public sealed class LiveRegionTests : ServiceTestBase
{
    private static void AssertPoliteRegion(AngleSharp.Dom.IElement region)
    {
        Assert.Equal("polite", region.GetAttribute("aria-live"));
        Assert.Equal("status", region.GetAttribute("role"));
    }

    [Fact]
    public async Task A_new_notification_is_announced_in_the_bells_region()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var bell = context.Render<NotificationBell>();
        var region = bell.Find("[data-live=notifications]");
        AssertPoliteRegion(region);
        Assert.Equal("", region.TextContent); // nothing said for the count on arrival

        await context.Services.GetRequiredService<FollowService>().FollowAsync(milo, luna);

        bell.WaitForAssertion(() => Assert.Equal("New notification: 1 unread", bell.Find("[data-live=notifications]").TextContent));
        Assert.Single(bell.FindAll("[data-live=notifications]")); // still the one region that was there before

        await context.Services.GetRequiredService<Purrr.Core.Notifications.NotificationService>().MarkAllReadAsync(luna);
        bell.WaitForAssertion(() => Assert.Equal("", bell.Find("[data-live=notifications]").TextContent)); // reading says nothing
    }

    [Fact]
    public async Task A_toast_is_also_said_in_a_region_that_was_there_before_it()
    {
        var luna = await NewPlayerAsync("luna");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        context.Render<MudSnackbarProvider>();
        var toasts = context.Render<PlayerToasts>();
        var region = toasts.Find("[data-live=toasts]");
        AssertPoliteRegion(region);
        Assert.Equal("", region.TextContent);

        context.Services.GetRequiredService<IEventBus>().Publish(new AchievementUnlocked(luna, "first-feed", "First meal", 10));

        toasts.WaitForAssertion(() => Assert.Equal("Achievement unlocked: First meal (+10 points)", toasts.Find("[data-live=toasts]").TextContent));
        Assert.Single(toasts.FindAll("[data-live=toasts]")); // still the one region that was there before
    }

    [Fact]
    public async Task A_chat_message_arrives_in_the_polite_message_list_that_was_already_there()
    {
        var luna = await NewPlayerAsync("luna");
        var cat = new Purrr.Core.Common.CatId(Guid.NewGuid());
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var chat = context.Render<RoomChat>(p => p.Add(c => c.Messages, Array.Empty<ChatMessageView>()));
        var list = chat.Find("ol[aria-label='Chat messages']");
        Assert.Equal("polite", list.GetAttribute("aria-live"));

        chat.Render(p => p.Add(c => c.Messages, new[] { new ChatMessageView(1, cat, "Mochi", luna, "Hello, lounge!", Clock.GetUtcNow()) }));

        Assert.Contains("Hello, lounge!", Assert.Single(chat.FindAll("ol[aria-label='Chat messages'][aria-live=polite]")).TextContent);
    }

    [Fact]
    public async Task A_paw_match_result_is_announced_in_the_region_that_stood_empty_during_the_game()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().Named("Mochi").OwnedBy(luna).Build()))[0];
        await PawMatch.StartAsync(luna, mochi.Id, 10, "live-region");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var page = context.Render<PawMatchPage>();
        page.WaitForState(() => page.FindAll("button.purrr-card").Count > 0);
        var region = page.Find("[data-live=game-result]");
        AssertPoliteRegion(region);
        Assert.Equal("", region.TextContent.Trim());

        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Give up").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal($"Game over: 0 of {PawMatchGame.Pairs} pairs found. Better luck next time!",
            page.Find("[data-live=game-result]").TextContent.Trim()));
        Assert.Single(page.FindAll("[data-live=game-result]")); // still the one region that was there before
    }

    [Fact]
    public async Task The_players_own_night_watch_events_are_announced_and_a_neighbours_are_only_listed()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var nightWatch = context.Services.GetRequiredService<NightWatchService>();
        Assert.True((await nightWatch.SetHomeAsync(luna, 48.8566, 2.3522)).Succeeded);
        var page = context.Render<NightWatchPage>();
        page.WaitForState(() => page.FindAll("[data-live=night-watch]").Count == 1);
        var region = page.Find("[data-live=night-watch]");
        AssertPoliteRegion(region);
        Assert.Equal("", region.TextContent);
        var bus = context.Services.GetRequiredService<IEventBus>();
        var at = Clock.GetUtcNow();

        bus.Publish(new NightWatchTicked(at, [new MapEvent(1, NightEventKind.Encounter, 48.857, 2.352, at, "Rook chased a bobcat off milo's street.", null, true, milo)], []));
        page.WaitForAssertion(() => Assert.Contains("Rook chased a bobcat", page.Find("ol[aria-label='Night feed']").TextContent));
        Assert.Equal("", page.Find("[data-live=night-watch]").TextContent); // a neighbour's news is listed, not read out

        bus.Publish(new NightWatchTicked(at, [new MapEvent(2, NightEventKind.Strays, 48.857, 2.352, at, "Mochi led 2 strays to the Home Base.", null, false, luna)], []));
        page.WaitForAssertion(() => Assert.Equal("Mochi led 2 strays to the Home Base.", page.Find("[data-live=night-watch]").TextContent));
        Assert.Single(page.FindAll("[data-live=night-watch]")); // still the one region that was there before
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purrr.Core.Activity;
using Purrr.Core.Progress;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Progress;

/// <summary>Doing today's care quest in Chromium and claiming its reward.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class QuestsE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_player_completes_todays_care_quest_and_claims_its_reward()
    {
        // The test moves the shared clock on by up to ~35 minutes; a player whose local time is now about noon stays on
        // one quest day whatever the hour the suite runs at.
        await using var session = await BrowserSession.OpenAsync(browser, server, ZoneAtAboutNoon(server.ShiftedClock.GetUtcNow()));
        var page = session.Page;
        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(Names.Unique("quest"));
            await session.AdoptAsync("Clover", "Ragdoll");
            var catPage = page.Url;

            await session.GotoAsync("quests");
            await Expect(page.GetByText(new Regex("^New quests in 1[01] h"))).ToBeVisibleAsync(); // the zone took: about noon here
            var today = page.GetByRole(AriaRole.Region, new() { Name = "Today" });
            // The first of today's quests is always a care quest: feed, groom, play or rest.
            var care = Quests.All.Where(q => q.Kind == QuestKind.Daily && q.DailySlot == 1).ToList();
            var title = await today.GetByRole(AriaRole.Listitem).First.GetByRole(AriaRole.Heading).InnerTextAsync();
            var quest = care.Single(q => q.Title == title.Trim());

            await page.GotoAsync(catPage);
            await session.WaitForCircuitAsync();
            for (var time = 0; time < quest.Target; time++)
            {
                await DoAsync(page, quest.Counts);
                await Expect(page.GetByText(new Regex("\\+5 XP$")).First).ToBeVisibleAsync();
                server.ShiftedClock.Advance(TimeSpan.FromMinutes(11)); // past the care cooldown
                await page.ReloadAsync();
                await session.WaitForCircuitAsync();
            }

            await session.GotoAsync("quests");
            var card = page.GetByRole(AriaRole.Listitem, new() { Name = quest.Title, Exact = true }).First;
            await Expect(card).ToContainTextAsync($"{quest.Target} / {quest.Target}");
            await card.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { NameRegex = new Regex("to Clover$") }).ClickAsync();

            await Expect(page.GetByText(new Regex("^Claimed: "))).ToBeVisibleAsync();
            await Expect(card).ToContainTextAsync("Claimed");
            await Expect(page.GetByLabel($"{500 + quest.Reward.Coins:N0} coins")).ToBeVisibleAsync();
        });
    }

    /// <summary>A fixed-offset zone where <paramref name="now"/> is between 12:00 and 13:00 (Etc/GMT signs are inverted: Etc/GMT-9 is UTC+9).</summary>
    private static string ZoneAtAboutNoon(DateTimeOffset now)
    {
        var hoursAhead = 12 - now.UtcDateTime.Hour; // −11 … +12, all of which exist as Etc/GMT zones
        return hoursAhead switch
        {
            0 => "Etc/GMT",
            > 0 => $"Etc/GMT-{hoursAhead}",
            _ => $"Etc/GMT+{-hoursAhead}",
        };
    }

    /// <summary>Does the care action a quest counts, from the cat's page.</summary>
    private static async Task DoAsync(IPage page, ActivityKind kind)
    {
        var (button, option) = kind switch
        {
            ActivityKind.CatFed => ("Feed", "^Basic food"),
            ActivityKind.CatGroomed => ("Groom", "^With a brush"),
            ActivityKind.CatPlayed => ("Play", "^With a paper ball"),
            _ => ("Rest", (string?)null),
        };
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        if (option is not null)
            await page.GetByRole(AriaRole.Menuitem, new() { NameRegex = new Regex(option) }).ClickAsync();
    }
}

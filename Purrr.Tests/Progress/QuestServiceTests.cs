using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Progress;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Progress;

[Trait("Category", "Integration")]
public sealed class QuestServiceTests : ServiceTestBase
{
    private async Task RecordAsync(UserId player, ActivityKind kind, int times, Core.Cats.Cat? cat = null)
    {
        await using (var db = Database.NewContext())
        {
            for (var i = 0; i < times; i++)
                db.ActivityEvents.Add(ActivityEvent.Of(player, cat, kind, Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        while (await Progress.ProcessPendingAsync() > 0)
        {
        }
    }

    [Fact]
    public async Task A_completed_quest_pays_coins_items_and_xp_to_the_chosen_cat_once()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];
        var longFeed = Core.Progress.Quests.Find("long_feed")!;
        await RecordAsync(luna, ActivityKind.CatFed, longFeed.Target, mochi);

        var claimed = await Quests.ClaimAsync(luna, "long_feed", Core.Progress.Quests.Forever, mochi.Id);

        Assert.True(claimed.Succeeded);
        Assert.Equal(800, (await Inventory.GetAsync(luna)).Coins); // 500 + 300
        Assert.Equal(125, (await Cats.GetProfileAsync(mochi.Id, luna))!.Xp); // 100 XP × 1.25 for a curious cat
        var again = await Quests.ClaimAsync(luna, "long_feed", Core.Progress.Quests.Forever, mochi.Id);
        Assert.Equal("You already claimed this reward.", again.FirstMessage);
        Assert.Equal(800, (await Inventory.GetAsync(luna)).Coins);
    }

    [Fact]
    public async Task Two_simultaneous_claims_pay_once()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];
        await RecordAsync(luna, ActivityKind.CatFed, 100, mochi);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Quests.ClaimAsync(luna, "long_feed", "ever", mochi.Id))));

        Assert.Equal(1, claims.Count(c => c.Succeeded));
        Assert.Equal(800, (await Inventory.GetAsync(luna)).Coins);
    }

    [Fact]
    public async Task An_unfinished_quest_cannot_be_claimed_and_xp_needs_a_cat()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];
        await RecordAsync(luna, ActivityKind.CatFed, 99, mochi);

        Assert.Equal("This quest isn't complete yet.", (await Quests.ClaimAsync(luna, "long_feed", "ever", mochi.Id)).FirstMessage);
        await RecordAsync(luna, ActivityKind.CatFed, 1, mochi);
        Assert.Equal("Choose which of your cats gets the XP.", (await Quests.ClaimAsync(luna, "long_feed", "ever", null)).FirstMessage);
        Assert.Equal("There is no such quest.", (await Quests.ClaimAsync(luna, "long_sleep", "ever", null)).FirstMessage);
        Assert.Equal(500, (await Inventory.GetAsync(luna)).Coins);
    }

    [Fact]
    public async Task Everyone_who_helped_a_community_quest_reach_its_target_can_claim()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var nova = await NewPlayerAsync("nova");
        var target = Core.Progress.Quests.Find("community_games")!.Target;
        await RecordAsync(luna, ActivityKind.PawMatchPlayed, target - 30);
        await RecordAsync(milo, ActivityKind.PawMatchPlayed, 29);

        var almost = (await Quests.GetBoardAsync(nova)).Community.Single(q => q.Quest.Key == "community_games");
        Assert.Equal((target - 1, false), (almost.Shown, almost.Completed));

        await RecordAsync(milo, ActivityKind.PawMatchPlayed, 1);
        var done = (await Quests.GetBoardAsync(luna)).Community.Single(q => q.Quest.Key == "community_games");
        Assert.True(done.CanClaim);
        Assert.True((await Quests.ClaimAsync(milo, "community_games", done.Period, null)).Succeeded);
        Assert.Equal("This quest isn't complete yet.", (await Quests.ClaimAsync(nova, "community_games", done.Period, null)).FirstMessage); // didn't help
        Assert.Contains(Bus.Published, e => e is CommunityQuestChanged { QuestKey: "community_games" });
    }

    [Fact]
    public async Task Daily_quests_are_scored_per_local_day()
    {
        // Tokyo is UTC+9 all year: at the test clock's noon UTC it is 21:00 on 24 November there, and local midnight
        // falls at 15:00 UTC, while the UTC date stays the 24th on both sides of it.
        var today = new DateOnly(2026, 11, 24);
        var (id, quest) = DailyQuestOnBothDays(today, today.AddDays(1));
        var luna = await Database.AddPlayerAsync("luna", "Asia/Tokyo", id);
        Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(55)); // 23:55 in Tokyo

        var evening = await Quests.GetBoardAsync(luna);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero), evening.DailyResetAt);
        await RecordAsync(luna, quest.Counts, quest.Target);
        var done = (await Quests.GetBoardAsync(luna)).Daily.Single(q => q.Quest.Key == quest.Key);
        Assert.Equal(("2026-11-24", quest.Target, true), (done.Period, done.Progress, done.Completed));

        Clock.Advance(TimeSpan.FromMinutes(10)); // 00:05 on the 25th in Tokyo, still the 24th in UTC
        var tomorrow = await Quests.GetBoardAsync(luna);
        var fresh = tomorrow.Daily.Single(q => q.Quest.Key == quest.Key);
        Assert.Equal(("2026-11-25", 0, false), (fresh.Period, fresh.Progress, fresh.Completed));
        Assert.Equal(3, tomorrow.Daily.Count);
        Assert.All(tomorrow.Daily, q => Assert.Equal(0, q.Progress));
    }

    /// <summary>A fixed player id with one daily quest (in any slot) on both days, so that quest can be followed across midnight.</summary>
    private static (UserId Player, Quest Quest) DailyQuestOnBothDays(DateOnly day, DateOnly nextDay) =>
        Enumerable.Range(1, 100)
            .Select(i => new UserId(Guid.Parse($"0193b2c4-0000-7000-8000-{i:D12}")))
            .SelectMany(id => Core.Progress.Quests.DailyFor(id, day)
                .Where(quest => Core.Progress.Quests.DailyFor(id, nextDay).Any(next => next.Key == quest.Key))
                .Select(quest => (id, quest)))
            .First();
}

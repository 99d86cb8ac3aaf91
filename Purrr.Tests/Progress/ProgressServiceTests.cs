using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Economy;
using Purrr.Core.Progress;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Progress;

[Trait("Category", "Integration")]
public sealed class ProgressServiceTests : ServiceTestBase
{
    private async Task<long> CounterAsync(Core.Common.UserId player, string key)
    {
        await using var db = Database.NewContext();
        return await db.PlayerCounters.Where(c => c.PlayerId == player && c.Key == key).Select(c => c.Value).FirstOrDefaultAsync();
    }

    [Fact]
    public async Task Feeding_moves_the_feeding_quests_and_unlocks_first_meal_once()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];
        await Care.FeedAsync(luna, mochi.Id, Items.BasicFood.Key);

        Assert.Equal(1, await Progress.ProcessPendingAsync());

        Assert.Equal(1, await CounterAsync(luna, Counters.Fed));
        var profile = (await Profiles.GetAsync("luna", luna))!;
        Assert.True(profile.Achievements.Single(a => a.Achievement.Key == "first_meal").Unlocked);
        Assert.Equal(5, profile.Points);
        var board = await Quests.GetBoardAsync(luna);
        Assert.Equal(1, board.Community.Single(q => q.Quest.Key == "community_feast").Progress);
        Assert.Equal(1, board.LongTerm.Single(q => q.Quest.Key == "long_feed").Progress);
        Assert.Contains(Bus.Published, e => e is AchievementUnlocked { Key: "first_meal" });
    }

    [Fact]
    public async Task An_activity_counts_exactly_once_even_when_processed_again_or_in_parallel()
    {
        var luna = await NewPlayerAsync("luna");
        await using (var db = Database.NewContext())
        {
            for (var i = 0; i < 20; i++)
                db.ActivityEvents.Add(ActivityEvent.Of(luna, null, ActivityKind.ItemBought, TestClock.Noon));
            await db.SaveChangesAsync();
        }

        // Two processors race over the same 20 activities, then a third sweeps again.
        await Task.WhenAll(Task.Run(() => Progress.ProcessPendingAsync()), Task.Run(() => Progress.ProcessPendingAsync()));
        while (await Progress.ProcessPendingAsync() > 0)
        {
        }

        Assert.Equal(20, await CounterAsync(luna, Counters.Bought));
        await using var check = Database.NewContext();
        Assert.Equal(0, await check.ActivityEvents.CountAsync(e => e.ProcessedAt == null));
        Assert.Equal(1, await check.PlayerAchievements.CountAsync(a => a.PlayerId == luna && a.AchievementKey == "window_shopper"));
    }

    [Fact]
    public async Task A_personal_quest_completes_at_its_target_and_stops_counting()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Playful().OwnedBy(luna).Build()))[0];
        var playQuest = Core.Progress.Quests.Find("personality_playful")!;
        for (var i = 0; i < playQuest.Target + 2; i++)
        {
            Assert.True((await Care.PlayAsync(luna, mochi.Id)).Succeeded);
            Clock.Advance(TimeSpan.FromMinutes(10));
        }
        while (await Progress.ProcessPendingAsync() > 0)
        {
        }

        var quest = (await Quests.GetBoardAsync(luna)).Personality.Single(q => q.Quest.Key == playQuest.Key);
        Assert.True(quest.Completed);
        Assert.Equal(playQuest.Target, quest.Progress);
        Assert.True(quest.CanClaim);
    }
}

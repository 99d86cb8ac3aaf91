using Purrr.Core.Progress;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Progress;

[Trait("Category", "Integration")]
public sealed class LeaderboardTests : ServiceTestBase
{
    private async Task UnlockAsync(Core.Common.UserId player, string key, DateTimeOffset at)
    {
        await using var db = Database.NewContext();
        db.PlayerAchievements.Add(PlayerAchievement.Unlock(player, Achievements.Find(key)!, at));
        await db.SaveChangesAsync();
    }

    [Fact]
    public void Ties_share_a_rank_and_the_next_rank_skips() =>
        Assert.Equal([1, 2, 2, 4, 5], LeaderboardService.Ranks([90, 50, 50, 20, 10]));

    [Fact]
    public async Task Players_rank_by_points_and_a_player_outside_the_top_100_still_sees_their_rank()
    {
        var players = new List<Core.Common.UserId>();
        for (var i = 0; i < 102; i++)
        {
            var player = await Database.AddPlayerAsync($"p{i:000}");
            players.Add(player);
            await UnlockAsync(player, "first_meal", TestClock.Noon); // 5 points each
        }
        await UnlockAsync(players[0], "legend", TestClock.Noon); // 55
        await UnlockAsync(players[1], "rare_find", TestClock.Noon); // 105
        var last = await Database.AddPlayerAsync("zz_last"); // no points at all

        var board = await Leaderboards.PlayersAsync(last, weekly: false);

        Assert.Equal(100, board.Top.Count);
        Assert.Equal(("p001", 105L, 1), (board.Top[0].UserName, board.Top[0].Value, board.Top[0].Rank));
        Assert.Equal(("p000", 55L, 2), (board.Top[1].UserName, board.Top[1].Value, board.Top[1].Rank));
        Assert.All(board.Top.Skip(2), s => Assert.Equal(3, s.Rank)); // everyone else ties on 5
        Assert.Equal((103, 0L), (board.Viewer!.Rank, board.Viewer.Value));
    }

    [Fact]
    public async Task The_weekly_board_counts_only_points_earned_since_monday()
    {
        var luna = await Database.AddPlayerAsync("luna");
        var milo = await Database.AddPlayerAsync("milo");
        await UnlockAsync(luna, "legend", TestClock.Noon - TimeSpan.FromDays(8));
        await UnlockAsync(milo, "first_meal", TestClock.Noon);

        var weekly = await Leaderboards.PlayersAsync(luna, weekly: true);
        var allTime = await Leaderboards.PlayersAsync(luna, weekly: false);

        Assert.Equal(["milo"], weekly.Top.Select(s => s.UserName));
        Assert.Equal((2, 0L), (weekly.Viewer!.Rank, weekly.Viewer.Value));
        Assert.Equal(["luna", "milo"], allTime.Top.Select(s => s.UserName));
    }

    [Fact]
    public async Task Public_cats_rank_by_level_and_private_ones_are_left_out()
    {
        var luna = await NewPlayerAsync("luna");
        var cats = await Database.AddCatsAsync(
            ACat.Curious().Named("Big").OwnedBy(luna).AtLevel(9).Build(),
            ACat.Curious().Named("Small").OwnedBy(luna).AtLevel(2).Build(),
            ACat.Curious().Named("Hidden").OwnedBy(luna).AtLevel(20).Build());
        await Cats.SetVisibilityAsync(luna, cats[2].Id, isPublic: false);

        var board = await Leaderboards.CatsAsync(luna, weekly: false);

        Assert.Equal([("Big", 9L), ("Small", 2L)], board.Top.Select(s => (s.Cat.Name, s.Value)));
        Assert.Equal("Big", board.Viewer!.Cat.Name);
    }
}

using Purrr.Core.Games;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Games;

[Trait("Category", "Integration")]
public sealed class PawMatchServiceTests : ServiceTestBase
{
    private async Task<(Core.Common.UserId Player, Core.Cats.Cat Cat)> PlayerWithCatAsync(string name = "luna", int energy = 100)
    {
        var player = await NewPlayerAsync(name);
        return (player, (await Database.AddCatsAsync(ACat.Curious().OwnedBy(player).WithEnergy(energy).Build()))[0]);
    }

    /// <summary>The server's secret board, read straight from the database as only a test may.</summary>
    private async Task<string[]> BoardOfAsync(Guid game)
    {
        await using var db = Database.NewContext();
        return (await db.PawMatchGames.FindAsync(game))!.Board.Split(',');
    }

    [Fact]
    public async Task Starting_a_game_costs_the_fee_and_10_energy_and_shows_every_card_face_down()
    {
        var (luna, mochi) = await PlayerWithCatAsync();

        var game = (await PawMatch.StartAsync(luna, mochi.Id, 25, "start-1")).Value;

        Assert.All(game.Faces, Assert.Null);
        Assert.Equal(475, (await Inventory.GetAsync(luna)).Coins);
        Assert.Equal(90, (await Cats.GetProfileAsync(mochi.Id, luna))!.Stats.Energy);
        var same = (await PawMatch.StartAsync(luna, mochi.Id, 25, "start-1")).Value; // a retried click
        Assert.Equal(game.Id, same.Id);
        Assert.Equal(475, (await Inventory.GetAsync(luna)).Coins);
    }

    [Fact]
    public async Task Finding_every_pair_pays_the_prize_gives_25_xp_and_is_kept_in_the_history()
    {
        var (luna, mochi) = await PlayerWithCatAsync();
        var game = (await PawMatch.StartAsync(luna, mochi.Id, 50, "s")).Value;
        var board = await BoardOfAsync(game.Id);

        foreach (var pair in Enumerable.Range(0, 16).GroupBy(i => board[i]))
        {
            await PawMatch.FlipAsync(luna, game.Id, pair.First());
            await PawMatch.FlipAsync(luna, game.Id, pair.Last());
        }

        var result = Assert.Single(await PawMatch.HistoryAsync(luna));
        Assert.Equal((PawMatchStatus.Won, 1000, 100L), (result.Status, result.Score, result.Payout));
        Assert.Equal(550, (await Inventory.GetAsync(luna)).Coins); // 500 − 50 + 100
        Assert.Equal(25, (await Cats.GetProfileAsync(mochi.Id, luna))!.Xp);
        Assert.Null(await PawMatch.GetOpenAsync(luna));
    }

    [Fact]
    public async Task A_finished_game_or_another_players_game_cannot_be_flipped()
    {
        var (luna, mochi) = await PlayerWithCatAsync("luna");
        var (milo, _) = await PlayerWithCatAsync("milo");
        var game = (await PawMatch.StartAsync(luna, mochi.Id, 10, "s")).Value;

        Assert.Equal("This game is not yours.", (await PawMatch.FlipAsync(milo, game.Id, 0)).FirstMessage);
        await PawMatch.GiveUpAsync(luna, game.Id);
        Assert.Equal("This game is over.", (await PawMatch.FlipAsync(luna, game.Id, 0)).FirstMessage);
        Assert.Equal(PawMatchStatus.Lost, Assert.Single(await PawMatch.HistoryAsync(luna)).Status);
        Assert.Equal(5, (await Cats.GetProfileAsync(mochi.Id, luna))!.Xp); // a loss still teaches a little
    }

    [Fact]
    public async Task A_tired_cat_a_bad_fee_or_an_empty_purse_start_nothing()
    {
        var (luna, tired) = await PlayerWithCatAsync(energy: 9);
        Assert.Equal("Mochi is too tired for that (energy 9, needs 10). Let them rest first.", (await PawMatch.StartAsync(luna, tired.Id, 10, "a")).FirstMessage);
        Assert.Equal("Choose an entry fee of 10, 25, 50 coins.", (await PawMatch.StartAsync(luna, tired.Id, 1000, "b")).FirstMessage);

        var neglected = (await Database.AddCatsAsync(ACat.Curious().Named("Poorly").OwnedBy(luna).WithHealth(10).Build()))[0];
        Assert.StartsWith("Poorly is neglected", (await PawMatch.StartAsync(luna, neglected.Id, 10, "c")).FirstMessage);
        Assert.Equal(500, (await Inventory.GetAsync(luna)).Coins);
    }
}

using Purrr.Core.Common;
using Purrr.Core.Games;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Games;

[Trait("Category", "Unit")]
public class PawMatchTests
{
    private static readonly DateTimeOffset Start = TestClock.Noon;

    private static PawMatchGame Deal(int seed = 1) => PawMatchGame.Deal(UserId.New(), CatId.New(), 10, new SeededRandomSource(seed), Start);

    /// <summary>Where each symbol's two cards lie (the test may look: it plays the server's side).</summary>
    private static Dictionary<string, (int A, int B)> PairsOf(PawMatchGame game) =>
        Enumerable.Range(0, PawMatchGame.Cards).GroupBy(game.SymbolAt).ToDictionary(g => g.Key, g => (g.First(), g.Last()));

    private static void PlayPerfectly(PawMatchGame game, DateTimeOffset at)
    {
        foreach (var (a, b) in PairsOf(game).Values)
        {
            game.Flip(a, at);
            game.Flip(b, at);
        }
    }

    [Fact]
    public void The_deal_is_eight_pairs_shuffled_by_the_seed()
    {
        var game = Deal(3);
        Assert.All(PairsOf(game).Values, pair => Assert.NotEqual(pair.A, pair.B));
        Assert.Equal(PawMatchGame.Symbols.Order(), PairsOf(game).Keys.Order());
        Assert.Equal(Deal(3).Board, game.Board);
        Assert.NotEqual(Deal(4).Board, game.Board);
    }

    [Fact]
    public void Two_matching_cards_stay_found_and_a_miss_turns_both_back()
    {
        var game = Deal();
        var pairs = PairsOf(game).Values.ToList();
        var (a, b) = pairs[0];
        var (c, _) = pairs[1];

        Assert.Null(game.Flip(a, Start).Value.MatchedWith);
        var matched = game.Flip(b, Start).Value;
        Assert.Equal(a, matched.MatchedWith);
        Assert.True(game.IsMatched(a) && game.IsMatched(b));

        game.Flip(c, Start);
        var miss = game.Flip(pairs[2].A, Start).Value;
        Assert.Equal(c, miss.MissedWith);
        Assert.Equal((2, 1, 1), (game.Moves, game.Misses, game.PairsFound));
        Assert.Null(game.PendingCard);
    }

    [Fact]
    public void Impossible_flips_are_refused()
    {
        var game = Deal();
        var (a, b) = PairsOf(game).Values.First();
        game.Flip(a, Start);
        Assert.Equal("That card is already face up.", game.Flip(a, Start).FirstMessage);
        game.Flip(b, Start);
        Assert.Equal("That pair is already found.", game.Flip(a, Start).FirstMessage);
        Assert.Equal("Choose a card on the board.", game.Flip(16, Start).FirstMessage);
        Assert.Equal("Choose a card on the board.", game.Flip(-1, Start).FirstMessage);
    }

    [Fact]
    public void A_perfect_fast_game_scores_1000_and_pays_twice_the_fee()
    {
        var game = Deal();
        PlayPerfectly(game, Start + TimeSpan.FromSeconds(20));

        Assert.Equal(PawMatchStatus.Won, game.Status);
        Assert.Equal(1000, game.Score);
        Assert.Equal(20, game.Payout);
        Assert.Equal("This game is over.", game.Flip(0, Start).FirstMessage);
    }

    [Theory]
    [InlineData(0, 30, 1000)]
    [InlineData(3, 30, 880)] // 40 per miss
    [InlineData(0, 50, 900)] // 5 per second after 30
    [InlineData(30, 170, 200)] // never below 200 for a win
    public void A_win_scores_by_misses_and_time(int misses, int seconds, int score) =>
        Assert.Equal(score, PawMatchScoring.Score(won: true, 8, misses, TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(10, 1000, 20)]
    [InlineData(10, 200, 12)]
    [InlineData(50, 880, 94)]
    public void A_win_pays_between_1_2_and_2_times_the_fee(long fee, int score, long payout) =>
        Assert.Equal(payout, PawMatchScoring.Payout(fee, won: true, score));

    [Fact]
    public void A_loss_scores_only_the_pairs_found_and_pays_nothing()
    {
        Assert.Equal(75, PawMatchScoring.Score(won: false, 3, 10, TimeSpan.FromMinutes(3)));
        Assert.Equal(0, PawMatchScoring.Payout(50, won: false, 75));
    }

    [Fact]
    public void After_three_minutes_the_game_is_lost()
    {
        var game = Deal();
        var (a, b) = PairsOf(game).Values.First();
        game.Flip(a, Start);
        game.Flip(b, Start);

        var late = game.Flip(PairsOf(game).Values.Last().A, Start + TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));

        Assert.Equal("Time's up! The game is over.", late.FirstMessage);
        Assert.Equal((PawMatchStatus.Lost, 25, 0L), (game.Status, game.Score, game.Payout));
    }

    [Fact]
    public void The_view_shows_only_found_cards_and_the_one_waiting_for_its_partner()
    {
        var game = Deal();
        var (a, b) = PairsOf(game).Values.First();
        var lone = PairsOf(game).Values.Last().A;
        game.Flip(a, Start);
        game.Flip(b, Start);
        game.Flip(lone, Start);

        var view = PawMatchView.Of(game, "Mochi");

        Assert.Equal(3, view.Faces.Count(f => f is not null));
        Assert.Equal(game.SymbolAt(lone), view.Faces[lone]);
        Assert.Equal(lone, view.PendingCard);
    }
}

using Purrr.Core.Common;

namespace Purrr.Core.Games;

public enum PawMatchStatus { Playing, Won, Lost }

/// <summary>What one flip revealed. On a miss, <see cref="MissedWith"/> is the card turned over just before.</summary>
public sealed record FlipOutcome(int Card, string Symbol, int? MatchedWith, int? MissedWith, PawMatchStatus Status);

/// <summary>
/// A game of Paw Match (spec §5): 8 pairs face down. The board lives only here, on the server; a player sees a card
/// only once they flip it, and the server checks every flip.
/// </summary>
public sealed class PawMatchGame
{
    public const int Pairs = 8;
    public const int Cards = Pairs * 2;

    /// <summary>The board is a square of <see cref="BoardSide"/> × <see cref="BoardSide"/> cards.</summary>
    public const int BoardSide = 4;
    public const int EnergyCost = 10;
    public const int WinXp = 25;
    public const int LossXp = 5;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(3);
    public static readonly IReadOnlyList<long> EntryFees = [10, 25, 50];
    public static readonly IReadOnlyList<string> Symbols = ["fish", "yarn", "mouse", "bell", "bird", "milk", "box", "feather"];

    private PawMatchGame() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId PlayerId { get; private set; }
    public CatId CatId { get; private set; }

    /// <summary>The dealt cards, comma-separated. Never sent to a browser as a whole.</summary>
    public string Board { get; private set; } = "";

    /// <summary>One bit per card found in a pair.</summary>
    public int Matched { get; private set; }

    /// <summary>The first card of the current turn, face up while the player picks its partner.</summary>
    public int? PendingCard { get; private set; }

    public int Moves { get; private set; }
    public int Misses { get; private set; }
    public long EntryFee { get; private set; }

    /// <summary>Set when the fee was paid in crypto: fee and prize are then <see cref="Crypto.CryptoPawMatch.Units"/> of it.</summary>
    public Crypto.CryptoCurrency? FeeCurrency { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public PawMatchStatus Status { get; private set; }
    public int Score { get; private set; }
    public long Payout { get; private set; }
    public int Version { get; private set; }

    public DateTimeOffset Deadline => StartedAt + TimeLimit;
    public int PairsFound => System.Numerics.BitOperations.PopCount((uint)Matched) / 2;
    public bool IsMatched(int card) => (Matched & (1 << card)) != 0;
    public string SymbolAt(int card) => Board.Split(',')[card];

    internal static PawMatchGame Deal(UserId player, CatId cat, long entryFee, IRandomSource random, DateTimeOffset now, Crypto.CryptoCurrency? feeCurrency = null)
    {
        var deck = Symbols.Concat(Symbols).ToArray();
        for (var i = deck.Length - 1; i > 0; i--)
        {
            var j = random.Next(0, i + 1);
            (deck[i], deck[j]) = (deck[j], deck[i]);
        }
        return new PawMatchGame
        {
            Id = Guid.CreateVersion7(),
            PlayerId = player,
            CatId = cat,
            Board = string.Join(',', deck),
            EntryFee = entryFee,
            FeeCurrency = feeCurrency,
            StartedAt = now,
            Status = PawMatchStatus.Playing,
        };
    }

    public Result<FlipOutcome> Flip(int card, DateTimeOffset now)
    {
        if (Status != PawMatchStatus.Playing)
            return Result<FlipOutcome>.Failure("This game is over.");
        if (now > Deadline)
        {
            End(won: false, now);
            return Result<FlipOutcome>.Failure("Time's up! The game is over.");
        }
        if (card is < 0 or >= Cards)
            return Result<FlipOutcome>.Failure("Choose a card on the board.");
        if (IsMatched(card))
            return Result<FlipOutcome>.Failure("That pair is already found.");
        if (PendingCard == card)
            return Result<FlipOutcome>.Failure("That card is already face up.");

        Version++;
        var symbol = SymbolAt(card);
        if (PendingCard is not { } first)
        {
            PendingCard = card;
            return new FlipOutcome(card, symbol, null, null, Status);
        }

        PendingCard = null;
        Moves++;
        if (SymbolAt(first) != symbol)
        {
            Misses++;
            return new FlipOutcome(card, symbol, null, first, Status);
        }
        Matched |= (1 << first) | (1 << card);
        if (PairsFound == Pairs)
            End(won: true, now);
        return new FlipOutcome(card, symbol, first, null, Status);
    }

    /// <summary>Ends a game the player walked away from, or that ran out of time.</summary>
    public bool EndIfOverdue(DateTimeOffset now)
    {
        if (Status != PawMatchStatus.Playing || now <= Deadline)
            return false;
        End(won: false, now);
        return true;
    }

    internal void GiveUp(DateTimeOffset now)
    {
        if (Status == PawMatchStatus.Playing)
            End(won: false, now);
    }

    private void End(bool won, DateTimeOffset now)
    {
        Status = won ? PawMatchStatus.Won : PawMatchStatus.Lost;
        EndedAt = now;
        PendingCard = null;
        Score = PawMatchScoring.Score(won, PairsFound, Misses, now - StartedAt);
        Payout = PawMatchScoring.Payout(EntryFee, won, Score);
        Version++;
    }
}

/// <summary>Scores by pairs found and time; a win pays back the fee plus up to the fee again.</summary>
public static class PawMatchScoring
{
    public const int MaxScore = 1000;
    public const int MinWinningScore = 200;
    public const int PenaltyPerMiss = 40;
    public const int PenaltyPerSecond = 5;
    public const int PointsPerPairInALoss = 25;
    public static readonly TimeSpan FreeTime = TimeSpan.FromSeconds(30);

    public static int Score(bool won, int pairsFound, int misses, TimeSpan elapsed)
    {
        if (!won)
            return pairsFound * PointsPerPairInALoss;
        var slowSeconds = Math.Max(0, (int)Math.Floor((elapsed - FreeTime).TotalSeconds));
        return Math.Clamp(MaxScore - PenaltyPerMiss * misses - PenaltyPerSecond * slowSeconds, MinWinningScore, MaxScore);
    }

    /// <summary>A win pays fee × (1 + score/1000): at most twice the fee. A loss pays nothing.</summary>
    public static long Payout(long entryFee, bool won, int score) => won ? entryFee + entryFee * score / MaxScore : 0;
}

using Purrr.Core.Common;

namespace Purrr.Core.Games;

/// <summary>
/// A game as the browser may see it: a face only for cards found in pairs and the card waiting for its partner.
/// </summary>
public sealed record PawMatchView(
    Guid Id,
    CatId CatId,
    string CatName,
    IReadOnlyList<string?> Faces,
    int? PendingCard,
    int Moves,
    int Misses,
    int PairsFound,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    PawMatchStatus Status,
    int Score,
    long EntryFee,
    long Payout)
{
    /// <summary>Set when the fee was paid in crypto; <see cref="Prize"/> words the payout either way.</summary>
    public Crypto.CryptoCurrency? FeeCurrency { get; init; }

    public string Prize => FeeCurrency is { } c ? Crypto.CryptoAmount.Format(Crypto.CryptoPawMatch.Units(Payout, c), c) : $"{Payout} coins";

    public static PawMatchView Of(PawMatchGame game, string catName) => new(
        game.Id, game.CatId, catName,
        Enumerable.Range(0, PawMatchGame.Cards).Select(card => game.IsMatched(card) || game.PendingCard == card ? game.SymbolAt(card) : null).ToList(),
        game.PendingCard, game.Moves, game.Misses, game.PairsFound, game.StartedAt, game.Deadline, game.Status, game.Score, game.EntryFee, game.Payout)
    {
        FeeCurrency = game.FeeCurrency,
    };
}

public sealed record PawMatchResult(Guid Id, string CatName, PawMatchStatus Status, int Score, long EntryFee, long Payout, int Moves, DateTimeOffset PlayedAt);

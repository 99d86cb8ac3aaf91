using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Economy;

/// <summary>The rules of coins: balances never go negative and every change is a ledger entry.</summary>
public static class Wallet
{
    public const long StartingCoins = 500;

    /// <summary>Takes coins from the player; the caller saves the returned entry in the same transaction.</summary>
    public static Result<LedgerEntry> Spend(Player player, long amount, LedgerReason reason, string reference, string? idempotencyKey, DateTimeOffset now)
    {
        if (amount <= 0)
            return Result<LedgerEntry>.Failure("The amount must be positive.");
        if (idempotencyKey is { Length: 0 or > LedgerEntry.IdempotencyKeyMaxLength })
            return Result<LedgerEntry>.Failure("This request cannot be paid for: refresh the page and try again.");
        if (player.Coins < amount)
            return Result<LedgerEntry>.Failure($"Not enough coins: this costs {amount:N0} and you have {player.Coins:N0}.");
        player.ChangeCoins(-amount);
        return LedgerEntry.Create(player.Id, -amount, player.Coins, reason, reference, idempotencyKey, now);
    }

    public static LedgerEntry Credit(Player player, long amount, LedgerReason reason, string reference, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        player.ChangeCoins(amount);
        return LedgerEntry.Create(player.Id, amount, player.Coins, reason, reference, null, now);
    }

    /// <summary>The payment an earlier request of the player with this key made, if any: a retried click finds what it paid for.</summary>
    public static Task<LedgerEntry?> PaymentForAsync(IPurrrDb db, UserId player, string idempotencyKey, CancellationToken ct) =>
        db.LedgerEntries.AsNoTracking().FirstOrDefaultAsync(e => e.PlayerId == player && e.IdempotencyKey == idempotencyKey, ct);

    /// <summary>What a new player starts with: 500 coins and some food for their first cat.</summary>
    public static (LedgerEntry Gift, IReadOnlyList<InventoryItem> Pantry) WelcomePlayer(Player player, DateTimeOffset now) =>
        (Credit(player, StartingCoins, LedgerReason.WelcomeGift, "welcome", now),
            [InventoryItem.Of(player.Id, Items.BasicFood, 5), InventoryItem.Of(player.Id, Items.PremiumFood, 1)]);
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Economy;

/// <summary>A player's coins and what they hold of each item.</summary>
public sealed record Pantry(long Coins, IReadOnlyList<PantryShelf> Shelves)
{
    public int QuantityOf(Item item) => Shelves.FirstOrDefault(s => s.Item.Key == item.Key)?.Quantity ?? 0;
}

public sealed record PantryShelf(Item Item, int Quantity);

/// <summary>Buying items with coins, and reading what a player holds.</summary>
public sealed class InventoryService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    public const int MaxQuantityPerPurchase = 99;

    public async Task<Pantry> GetAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var coins = await db.Players.Where(p => p.Id == player).Select(p => p.Coins).FirstOrDefaultAsync(ct);
        var held = await db.InventoryItems.AsNoTracking().Where(i => i.PlayerId == player).ToDictionaryAsync(i => i.ItemKey, i => i.Quantity, ct);
        return new Pantry(coins, Items.All.Select(item => new PantryShelf(item, held.GetValueOrDefault(item.Key))).ToList());
    }

    /// <summary>Buys <paramref name="quantity"/> of an item; the same <paramref name="idempotencyKey"/> twice buys once.</summary>
    public async Task<Result<Pantry>> BuyAsync(UserId player, string? itemKey, int quantity, string idempotencyKey, CancellationToken ct = default)
    {
        if (Items.Find(itemKey) is not { } item)
            return Result<Pantry>.Failure("That item isn't sold here.");
        if (quantity is < 1 or > MaxQuantityPerPurchase)
            return Result<Pantry>.Failure($"Buy between 1 and {MaxQuantityPerPurchase} at a time.");

        // Two purchases racing on one balance: the loser re-reads the balance and decides again.
        var bought = await Conflicts.RetryAsync(() => TryBuyAsync(player, item, quantity, idempotencyKey, ct));
        if (!bought.Succeeded)
            return Result<Pantry>.Failure(bought.Problems);
        if (bought.Value)
            bus.Publish(new ActivityRecorded(player));
        var pantry = await GetAsync(player, ct);
        bus.Publish(new WalletChanged(player, pantry.Coins));
        return pantry;
    }

    /// <summary>One try at a purchase; true when it was made now, false when this key had already bought it.</summary>
    private async Task<Result<bool>> TryBuyAsync(UserId player, Item item, int quantity, string idempotencyKey, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (await Wallet.PaymentForAsync(db, player, idempotencyKey, ct) is not null)
            return false;
        var buyer = await db.Players.FirstOrDefaultAsync(p => p.Id == player, ct);
        if (buyer is null)
            return Result<bool>.Failure("Sign in again to buy.");
        var now = clock.GetUtcNow();
        var charge = Wallet.Spend(buyer, item.Price * quantity, LedgerReason.Purchase, $"item:{item.Key}x{quantity}", idempotencyKey, now);
        if (!charge.Succeeded)
            return Result<bool>.Failure(charge.Problems);
        db.LedgerEntries.Add(charge.Value);
        await InventoryItem.StockAsync(db, player, item, quantity, ct);
        db.ActivityEvents.Add(ActivityEvent.Of(player, null, ActivityKind.ItemBought, now, amount: quantity));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // The same key was just written by a twin of this request: it is bought, once.
            await using var check = await dbFactory.CreateAsync(ct);
            if (await Wallet.PaymentForAsync(check, player, idempotencyKey, ct) is not null)
                return false;
            throw;
        }
        return true;
    }
}

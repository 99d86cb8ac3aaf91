using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Economy;

/// <summary>How many of one item a player holds.</summary>
public sealed class InventoryItem
{
    private InventoryItem() { } // for EF Core

    public UserId PlayerId { get; private set; }
    public string ItemKey { get; private set; } = "";
    public int Quantity { get; private set; }

    /// <summary>Optimistic concurrency: two tabs using the last one, or a purchase racing a feed, cannot both count.</summary>
    public int Version { get; private set; }

    public static InventoryItem Of(UserId player, Item item, int quantity) => new() { PlayerId = player, ItemKey = item.Key, Quantity = quantity };

    internal void Add(int quantity)
    {
        Quantity += quantity;
        Version++;
    }

    internal bool TryTakeOne()
    {
        if (Quantity <= 0)
            return false;
        Quantity--;
        Version++;
        return true;
    }

    /// <summary>The player's shelf of an item, tracked, if they ever had one.</summary>
    public static Task<InventoryItem?> ShelfAsync(IPurrrDb db, UserId player, Item item, CancellationToken ct) =>
        db.InventoryItems.FirstOrDefaultAsync(i => i.PlayerId == player && i.ItemKey == item.Key, ct);

    /// <summary>Puts <paramref name="quantity"/> of an item on the player's shelf (a purchase, a reward).</summary>
    public static async Task StockAsync(IPurrrDb db, UserId player, Item item, int quantity, CancellationToken ct)
    {
        if (await ShelfAsync(db, player, item, ct) is { } shelf)
            shelf.Add(quantity);
        else
            db.InventoryItems.Add(Of(player, item, quantity));
    }
}

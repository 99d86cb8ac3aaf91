using Purrr.Core.Common;

namespace Purrr.Core.Economy;

/// <summary>How many of one item a player holds.</summary>
public sealed class InventoryItem
{
    private InventoryItem() { } // for EF Core

    public UserId PlayerId { get; private set; }
    public string ItemKey { get; private set; } = "";
    public int Quantity { get; private set; }

    public static InventoryItem Of(UserId player, Item item, int quantity) => new() { PlayerId = player, ItemKey = item.Key, Quantity = quantity };

    internal void Add(int quantity) => Quantity += quantity;

    internal bool TryTakeOne()
    {
        if (Quantity <= 0)
            return false;
        Quantity--;
        return true;
    }
}

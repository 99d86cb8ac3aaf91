using Purrr.Core.Territories;

namespace Purrr.Core.Cats;

/// <summary>What the cat's territories give it as time passes (see <see cref="TerritoryPerks"/>).</summary>
public sealed partial class Cat
{
    /// <summary>The growth from the territories the cat holds now; <see cref="CatchUp"/> applies it hour by hour.</summary>
    public TerritoryPerks Perks { get; private set; } = TerritoryPerks.None;

    /// <summary>The cat's territories changed at <paramref name="at"/>: the hours before count with the old perks, later ones with the new.</summary>
    internal void HoldTerritories(TerritoryPerks perks, DateTimeOffset at)
    {
        CatchUp(at);
        if (perks == Perks)
            return;
        Perks = perks;
        Touch();
    }

    /// <summary>Energy a territory claim or contest takes (clamped at 0; the rules check what is needed beforehand).</summary>
    internal void SpendTerritoryEnergy(int energy, DateTimeOffset now)
    {
        CatchUp(now);
        Stats = Stats with { Energy = Math.Max(0, Stats.Energy - energy) };
        Touch();
    }
}

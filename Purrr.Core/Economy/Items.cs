namespace Purrr.Core.Economy;

/// <summary>Something a player can own and use. Food is eaten by the feed action.</summary>
public sealed record Item(string Key, string Name, string Description, long Price, FoodValue? Food = null);

/// <summary>What eating a food does (spec §3).</summary>
public sealed record FoodValue(int Satiety, int Happiness = 0, int Energy = 0);

public static class Items
{
    public static readonly Item BasicFood = new("basic_food", "Basic food", "Dry kibble: +25 satiety.", 10, new FoodValue(Satiety: 25));

    public static readonly Item PremiumFood = new("premium_food", "Premium food", "Tuna feast: +40 satiety, +10 happiness, +5 energy.", 30,
        new FoodValue(Satiety: 40, Happiness: 10, Energy: 5));

    public static readonly IReadOnlyList<Item> All = [BasicFood, PremiumFood];

    public static IReadOnlyList<Item> Foods { get; } = All.Where(i => i.Food is not null).ToList();

    public static Item? Find(string? key) => All.FirstOrDefault(i => i.Key == key);
}

namespace Purrr.Core.Economy;

public enum ItemKind { Food, Toy, GroomingKit, ZoneKit }

/// <summary>Something a player can own and use; <see cref="Food"/> or <see cref="Bonus"/> say what using it does.</summary>
public sealed record Item(string Key, string Name, string Description, long Price, ItemKind Kind, FoodValue? Food = null, CareBonus? Bonus = null);

/// <summary>What eating a food does (spec §3).</summary>
public sealed record FoodValue(int Satiety, int Happiness = 0, int Energy = 0);

/// <summary>What a toy or a grooming kit adds to the care action it is used in.</summary>
public sealed record CareBonus(int Happiness, int Agility = 0, int Charisma = 0);

public static class Items
{
    public static readonly Item BasicFood = new("basic_food", "Basic food", "Dry kibble: +25 satiety.", 10, ItemKind.Food, new FoodValue(Satiety: 25));

    public static readonly Item PremiumFood = new("premium_food", "Premium food", "Tuna feast: +40 satiety, +10 happiness, +5 energy.", 30,
        ItemKind.Food, new FoodValue(Satiety: 40, Happiness: 10, Energy: 5));

    public static readonly Item YarnBall = new("yarn_ball", "Yarn ball", "Play with it: +5 happiness. Worn out after one game.", 15,
        ItemKind.Toy, Bonus: new CareBonus(Happiness: 5));

    public static readonly Item FeatherWand = new("feather_wand", "Feather wand", "Play with it: +10 happiness and +2 agility. Worn out after one game.", 40,
        ItemKind.Toy, Bonus: new CareBonus(Happiness: 10, Agility: 2));

    public static readonly Item GroomingKit = new("grooming_kit", "Grooming kit", "Groom with it: +10 happiness and +2 charisma. One use.", 25,
        ItemKind.GroomingKit, Bonus: new CareBonus(Happiness: 10, Charisma: 2));

    // Zone kits build protection zones on the night-watch map (spec §6): the kit's price is the zone's cost.
    public static readonly Item CatCondoKit = new("cat_condo_kit", "Cat condo kit", "Builds a cat condo: protection 0.8, room for 5 strays.", 500, ItemKind.ZoneKit);
    public static readonly Item MotionSensorKit = new("motion_sensor_kit", "Motion sensor kit", "Builds a motion sensor: spots bobcats 50 m away.", 200, ItemKind.ZoneKit);
    public static readonly Item SafeHavenKit = new("safe_haven_kit", "Safe haven kit", "Builds a safe haven: shelter for 10 and healing.", 300, ItemKind.ZoneKit);
    public static readonly Item CommunityAlertKit = new("community_alert_kit", "Community alert kit", "Builds a community alert: warns neighbours within 1 km.", 150, ItemKind.ZoneKit);

    public static readonly IReadOnlyList<Item> All =
        [BasicFood, PremiumFood, YarnBall, FeatherWand, GroomingKit, CatCondoKit, MotionSensorKit, SafeHavenKit, CommunityAlertKit];

    public static IReadOnlyList<Item> Foods { get; } = All.Where(i => i.Kind == ItemKind.Food).ToList();

    public static IReadOnlyList<Item> Toys { get; } = All.Where(i => i.Kind == ItemKind.Toy).ToList();

    public static Item? Find(string? key) => All.FirstOrDefault(i => i.Key == key);

    public static string KindName(ItemKind kind) => kind switch
    {
        ItemKind.Food => "Food",
        ItemKind.Toy => "Toys",
        ItemKind.GroomingKit => "Grooming",
        _ => "Night watch kits",
    };
}

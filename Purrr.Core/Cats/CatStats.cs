using System.Text.Json.Serialization;

namespace Purrr.Core.Cats;

/// <summary>The twelve stats of a cat, each 0–100. <see cref="Satiety"/> is "hunger" in the design: 100 = full.</summary>
public sealed record CatStats
{
    public const int Max = 100;

    // Core stats
    public int Happiness { get; init; }
    public int Energy { get; init; }
    public int Satiety { get; init; }
    public int Mood { get; init; }
    public int Health { get; init; }
    public int Cleanliness { get; init; }

    // Advanced stats
    public int Intelligence { get; init; }
    public int Strength { get; init; }
    public int Agility { get; init; }
    public int Charisma { get; init; }
    public int Social { get; init; }
    public int Training { get; init; }

    /// <summary>Stats of a newly adopted cat (spec §3).</summary>
    public static CatStats Starting { get; } = new()
    {
        Happiness = 50, Energy = 100, Satiety = 70, Mood = 50, Health = 100, Cleanliness = 100,
        Intelligence = 50, Strength = 50, Agility = 50, Charisma = 50, Social = 50, Training = 0,
    };

    /// <summary>Every stat with its display name, in the order the cat page shows them (core first, then advanced).</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Name, int Value)> All =>
    [
        ("Happiness", Happiness), ("Energy", Energy), ("Satiety", Satiety),
        ("Mood", Mood), ("Health", Health), ("Cleanliness", Cleanliness),
        ("Intelligence", Intelligence), ("Strength", Strength), ("Agility", Agility),
        ("Charisma", Charisma), ("Social", Social), ("Training", Training),
    ];
}

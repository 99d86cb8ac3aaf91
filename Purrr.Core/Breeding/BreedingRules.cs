using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Core.Breeding;

/// <summary>The rules of breeding (spec §4).</summary>
public static class BreedingRules
{
    public const int MinLevel = 3;
    public const int MinHealth = 60;
    public const int MinHappiness = 50;
    public const long Cost = 100;
    public const int MinSuccessChance = 10;
    public static readonly TimeSpan PregnancyLength = TimeSpan.FromHours(2);
    public static readonly TimeSpan Cooldown = TimeSpan.FromHours(24);
    public static readonly TimeSpan OfferLifetime = TimeSpan.FromHours(24);

    /// <summary>Every reason this pair can't breed now, each naming the cat it is about.</summary>
    public static IReadOnlyList<Problem> CheckPair(Cat mother, Cat father, DateTimeOffset now)
    {
        if (mother.Id == father.Id)
            return [new Problem("A cat can't breed with itself: choose two different cats.")];
        return [.. CheckCat(mother, now), .. CheckCat(father, now)];
    }

    public static IEnumerable<Problem> CheckCat(Cat cat, DateTimeOffset now)
    {
        if (cat.Level < MinLevel)
            yield return new($"{cat.Name} is level {cat.Level}; breeding needs level {MinLevel}.");
        if (cat.Stats.Health < MinHealth)
            yield return new($"{cat.Name}'s health is {cat.Stats.Health}; breeding needs {MinHealth}.");
        if (cat.Stats.Happiness < MinHappiness)
            yield return new($"{cat.Name}'s happiness is {cat.Stats.Happiness}; breeding needs {MinHappiness}.");
        if (cat.BreedingCooldownUntil > now)
            yield return new($"{cat.Name} is recovering from breeding for another {Durations.Countdown(cat.BreedingCooldownUntil.Value - now)}.");
    }

    /// <summary>0–100: how well two cats get along, from their personalities and how balanced their skills are.</summary>
    public static int Compatibility(Cat a, Cat b)
    {
        var skillGap = (Math.Abs(a.Stats.Strength - b.Stats.Strength) + Math.Abs(a.Stats.Agility - b.Stats.Agility)
            + Math.Abs(a.Stats.Intelligence - b.Stats.Intelligence) + Math.Abs(a.Stats.Charisma - b.Stats.Charisma)) / 4.0;
        var balance = (int)Math.Round(MaxBalance * Math.Max(0, 1 - skillGap / 50.0), MidpointRounding.AwayFromZero);
        var bonus = a.Traits.BreedingCompatibilityBonus + b.Traits.BreedingCompatibilityBonus;
        return Math.Clamp(PersonalityMatch(a.Personality, b.Personality) + balance + bonus, 0, 100);
    }

    private const int MaxBalance = 40;

    /// <summary>0–55: how two personalities pair (symmetric).</summary>
    public static int PersonalityMatch(Personality a, Personality b)
    {
        var (x, y) = a <= b ? (a, b) : (b, a);
        return (x, y) switch
        {
            (Personality.Playful, Personality.Playful) => 50,
            (Personality.Playful, Personality.Aloof) => 30,
            (Personality.Playful, Personality.Curious) => 55,
            (Personality.Playful, Personality.Lazy) => 25,
            (Personality.Playful, Personality.Territorial) => 35,
            (Personality.Playful, Personality.SocialButterfly) => 55,
            (Personality.Aloof, Personality.Aloof) => 35,
            (Personality.Aloof, Personality.Curious) => 40,
            (Personality.Aloof, Personality.Lazy) => 45,
            (Personality.Aloof, Personality.Territorial) => 25,
            (Personality.Aloof, Personality.SocialButterfly) => 30,
            (Personality.Curious, Personality.Curious) => 45,
            (Personality.Curious, Personality.Lazy) => 35,
            (Personality.Curious, Personality.Territorial) => 40,
            (Personality.Curious, Personality.SocialButterfly) => 50,
            (Personality.Lazy, Personality.Lazy) => 50,
            (Personality.Lazy, Personality.Territorial) => 30,
            (Personality.Lazy, Personality.SocialButterfly) => 40,
            (Personality.Territorial, Personality.Territorial) => 20,
            (Personality.Territorial, Personality.SocialButterfly) => 35,
            _ => 55, // social butterflies together
        };
    }

    /// <summary>Percent: compatibility − 10, at least 10.</summary>
    public static int SuccessChance(int compatibility) => Math.Max(MinSuccessChance, compatibility - 10);

    /// <summary>1–4 kittens: 20% / 35% / 30% / 15%.</summary>
    public static int LitterSize(IRandomSource random) => random.NextDouble() switch
    {
        < 0.20 => 1,
        < 0.55 => 2,
        < 0.85 => 3,
        _ => 4,
    };

    /// <summary>A kitten takes after its mother (40%) or father (40%), or is its own cat (20%).</summary>
    public static Personality KittenPersonality(Cat mother, Cat father, IRandomSource random) => random.NextDouble() switch
    {
        < 0.4 => mother.Personality,
        < 0.8 => father.Personality,
        _ => random.Pick(Personalities.All),
    };

    /// <summary>Two parents of one breed make that breed; otherwise a domestic cat of the kitten's coat length.</summary>
    public static string KittenBreed(Cat mother, Cat father, Genome kitten) =>
        mother.BreedKey == father.BreedKey ? mother.BreedKey
            : Phenotype.Of(kitten).LongHair ? "domestic_longhair" : "domestic_shorthair";

    private static readonly string[] KittenNames =
    [
        "Bean", "Pip", "Nugget", "Button", "Pebble", "Sprout", "Biscuit", "Mochi", "Noodle", "Pumpkin", "Clover", "Juniper",
        "Tofu", "Waffle", "Pickle", "Sesame", "Olive", "Maple", "Ziggy", "Dot", "Tango", "Fig", "Echo", "Comet",
    ];

    /// <summary>A name none of <paramref name="taken"/> has (the owner's cats and the littermates), numbered if all are used.</summary>
    public static string KittenName(IRandomSource random, IReadOnlySet<string> taken)
    {
        var free = KittenNames.Where(n => !taken.Contains(n)).ToList();
        if (free.Count > 0)
            return random.Pick(free);
        var name = random.Pick(KittenNames);
        var number = 2;
        while (taken.Contains($"{name} {number}"))
            number++;
        return $"{name} {number}";
    }
}

using Purrr.Core.Cats;

namespace Purrr.Core.Territories;

public enum TerritoryType { Garden, Rooftop, Alley, Park }

/// <summary>What holding a territory of a type does for its cat, in points a day (applied hour by hour as time passes).</summary>
public sealed record TerritorySpec(TerritoryType Type, string Name, string Stat, int PointsPerDay, string Color, string Description);

/// <summary>The territory catalogue: each type grows one stat while its cat holds it (territorial cats ×1.5, spec §3).</summary>
public static class TerritorySpecs
{
    public static readonly IReadOnlyList<TerritorySpec> All =
    [
        new(TerritoryType.Garden, "Garden", "Happiness", 12, "#43a047", "Sunny flowerbeds: +12 happiness a day (one point every 2 hours)."),
        new(TerritoryType.Rooftop, "Rooftop", "Agility", 2, "#8e24aa", "Tiles and gutters to leap across: +2 agility a day."),
        new(TerritoryType.Alley, "Alley", "Strength", 2, "#6d4c41", "Bins to climb and rivals to face: +2 strength a day."),
        new(TerritoryType.Park, "Park", "Social", 4, "#1e88e5", "Where the neighbourhood meets: +4 social a day."),
    ];

    public static TerritorySpec Of(TerritoryType type) => All[(int)type];

    /// <summary>Points a day this cat gets from one territory of the type (its personality's territory bonus applies).</summary>
    public static int PointsPerDay(TerritoryType type, PersonalityTraits traits) => PersonalityTraits.Scale(Of(type).PointsPerDay, traits.TerritoryBonus);
}

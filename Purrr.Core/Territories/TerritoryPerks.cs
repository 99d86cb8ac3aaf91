using Purrr.Core.Cats;

namespace Purrr.Core.Territories;

/// <summary>
/// The stat growth a cat's territories give it, in points a day. Stored on the cat and applied by
/// <see cref="CatLife.AfterHours"/> as whole hours pass, so a cat read every minute gains exactly what one read once a
/// day does (see <see cref="GainInHour"/>).
/// </summary>
public sealed record TerritoryPerks
{
    public int HappinessPerDay { get; init; }
    public int AgilityPerDay { get; init; }
    public int StrengthPerDay { get; init; }
    public int SocialPerDay { get; init; }

    public static TerritoryPerks None { get; } = new();

    public bool IsNone => this == None;

    /// <summary>The perks of holding these territories, for a cat of this personality.</summary>
    public static TerritoryPerks Of(IEnumerable<TerritoryType> held, PersonalityTraits traits)
    {
        var perks = None;
        foreach (var type in held)
        {
            var points = TerritorySpecs.PointsPerDay(type, traits);
            perks = type switch
            {
                TerritoryType.Garden => perks with { HappinessPerDay = perks.HappinessPerDay + points },
                TerritoryType.Rooftop => perks with { AgilityPerDay = perks.AgilityPerDay + points },
                TerritoryType.Alley => perks with { StrengthPerDay = perks.StrengthPerDay + points },
                _ => perks with { SocialPerDay = perks.SocialPerDay + points },
            };
        }
        return perks;
    }

    /// <summary>
    /// The points gained in the hour that ends at absolute hour <paramref name="hour"/> (hours since 0001-01-01 UTC):
    /// the day's points are spread evenly over the hours by integer arithmetic, so any run of hours gains
    /// floor(end × rate / 24) − floor(start × rate / 24), however it is split up.
    /// </summary>
    public static int GainInHour(int pointsPerDay, long hour) => (int)(hour * pointsPerDay / 24 - (hour - 1) * pointsPerDay / 24);

    /// <summary>These stats after the hour ending at <paramref name="hour"/> (each stat capped at 100).</summary>
    public CatStats ApplyHour(CatStats stats, long hour) => IsNone ? stats : stats with
    {
        Happiness = Math.Min(CatStats.Max, stats.Happiness + GainInHour(HappinessPerDay, hour)),
        Agility = Math.Min(CatStats.Max, stats.Agility + GainInHour(AgilityPerDay, hour)),
        Strength = Math.Min(CatStats.Max, stats.Strength + GainInHour(StrengthPerDay, hour)),
        Social = Math.Min(CatStats.Max, stats.Social + GainInHour(SocialPerDay, hour)),
    };
}

namespace Purrr.Core.Cats;

/// <summary>
/// How stats change while time passes (spec §3), one whole hour at a time: a part-hour carries over to the
/// next reading, so a cat read every minute ages exactly like one read once a day.
/// </summary>
public static class CatLife
{
    public static readonly TimeSpan Tick = TimeSpan.FromHours(1);

    public const int SatietyLossPerHour = 4;
    public const int CleanlinessLossPerHour = 2;
    public const int RestingEnergyGainPerHour = 10;
    public const int UnhappinessPerHour = 2;
    public const int LowNeedThreshold = 30;
    public const int WellFedThreshold = 50;
    public const double MoodDriftPerHour = 0.25;

    /// <summary>Below this health a cat is neglected: no games, patrols or rooms until it is cared for.</summary>
    public const int NeglectedHealth = 20;

    /// <summary>
    /// One hour of a resting cat's life. Needs fall first; happiness and health follow the new needs; the cat's territories
    /// (<paramref name="perks"/>, for the hour ending at absolute hour <paramref name="hour"/>) add their growth before mood drifts.
    /// </summary>
    public static CatStats AfterOneHour(CatStats stats, PersonalityTraits traits, bool resting = true, Territories.TerritoryPerks? perks = null, long hour = 0)
    {
        if (perks is { IsNone: false })
            stats = perks.ApplyHour(stats, hour);
        var satiety = Math.Max(0, stats.Satiety - SatietyLossPerHour);
        var cleanliness = Math.Max(0, stats.Cleanliness - CleanlinessLossPerHour);
        var energy = resting ? Math.Min(CatStats.Max, stats.Energy + RestingEnergyGainPerHour) : stats.Energy;
        var happiness = satiety < LowNeedThreshold || cleanliness < LowNeedThreshold
            ? Math.Max(Math.Min(stats.Happiness, traits.HappinessFloor), stats.Happiness - UnhappinessPerHour)
            : stats.Happiness;
        var health = satiety == 0 ? Math.Max(0, stats.Health - 1)
            : satiety >= WellFedThreshold ? Math.Min(CatStats.Max, stats.Health + 1)
            : stats.Health;
        var target = (happiness + energy) / 2.0;
        var mood = stats.Mood + (int)Math.Round((target - stats.Mood) * MoodDriftPerHour, MidpointRounding.AwayFromZero);
        return stats with
        {
            Satiety = satiety,
            Cleanliness = cleanliness,
            Energy = energy,
            Happiness = happiness,
            Health = health,
            Mood = Math.Clamp(mood, 0, CatStats.Max),
        };
    }

    /// <summary>
    /// The stats after <paramref name="hours"/> whole hours, the first ending at absolute hour <paramref name="firstHour"/> + 1;
    /// stops early once nothing changes any more (never while territories still have growth to give).
    /// </summary>
    public static CatStats AfterHours(CatStats stats, PersonalityTraits traits, long hours, Territories.TerritoryPerks? perks = null, long firstHour = 0)
    {
        var growing = perks is { IsNone: false };
        for (long hour = 0; hour < hours; hour++)
        {
            var next = AfterOneHour(stats, traits, perks: perks, hour: firstHour + hour + 1);
            if (next == stats && !growing)
                break;
            stats = next;
        }
        return stats;
    }

    public static bool IsNeglected(CatStats stats) => stats.Health < NeglectedHealth;

    /// <summary>
    /// Why a cat may not start a game, a patrol or a room visit, or null when it may. Games, night watch and rooms
    /// all ask this one rule.
    /// </summary>
    public static Common.Problem? CheckFitForActivities(Cat cat) => IsNeglected(cat.Stats)
        ? new($"{cat.Name} is neglected (health {cat.Stats.Health}). Feed and groom them until health is back to {NeglectedHealth} first.")
        : null;
}

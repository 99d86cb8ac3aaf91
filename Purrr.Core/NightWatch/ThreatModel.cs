using Purrr.Core.Cats;
using Purrr.Core.Common;

namespace Purrr.Core.NightWatch;

public enum ThreatLevel { Medium, High, Critical }

/// <summary>One cat out on patrol, as a tick sees it.</summary>
public readonly record struct PatrolCatState(PatrolRole Role, Personality Personality, int XpEarned);

/// <summary>A patrol as the rules see it: where it walks and its cats.</summary>
public readonly record struct PatrolInput(GeoPoint Center, PatrolCatState[] Cats);

/// <summary>What one tick of one patrol brought.</summary>
public sealed class PatrolTick
{
    public bool Encounter { get; init; }
    public double Level { get; init; }
    public ThreatLevel Threat { get; init; }

    /// <summary>The patrol's cats' effectiveness added up (capped at 1).</summary>
    public double TeamEffectiveness { get; init; }

    public bool Deterred { get; init; }
    public bool GuardianHelped { get; init; }
    public int StraysFound { get; init; }
    public int StraysRescued { get; init; }
    public int StraysSheltered { get; init; }
    public int StraysLost { get; init; }

    /// <summary>XP per cat, in the order the cats were given; scaled by personality and within each cat's patrol cap.</summary>
    public required int[] Xp { get; init; }

    public double[] Effectiveness { get; init; } = [];
}

/// <summary>
/// The night-watch simulation rules (spec §6), pure and reproducible: the random draws happen in a fixed order —
/// encounter roll; if there is an encounter, the level multiplier (1–3) then one variation per cat; then the number of
/// strays (0–3) and, for each, whether it needs rescue and, if so, whether the rescue succeeds.
/// </summary>
public static class ThreatModel
{
    public const double BaseActivity = 0.1;
    public const double WetFactor = 0.7;
    public const double SpringFactor = 1.3;
    public const double HighThreshold = 0.4;
    public const double CriticalThreshold = 0.7;
    public const double DeterThreshold = 0.5;
    public const double EffectivenessScale = 0.3;
    public const double LevelDamping = 0.3;
    public const double MinVariation = 0.8;
    public const double MaxVariation = 1.2;
    public const int XpPerEffectiveness = 100;
    public const int RescueXp = 50;
    public const int ShelterXp = 25;

    /// <summary>Spec §3: a patrol is worth up to 100 XP to each cat.</summary>
    public const int MaxPatrolXpPerCat = 100;

    public const int MaxStraysPerTick = 3;
    public const double RescueNeed = 0.3;
    public const double RescueSuccess = 0.7;

    /// <summary>Bobcat activity: 0.1, ×0.7 in rain or snow, ×1.3 in March–June.</summary>
    public static double BobcatActivity(WeatherCondition weather, int month, double baseActivity = BaseActivity)
    {
        var activity = baseActivity;
        if (weather is WeatherCondition.Rain or WeatherCondition.Snow)
            activity *= WetFactor;
        if (month is >= 3 and <= 6)
            activity *= SpringFactor;
        return activity;
    }

    /// <summary>An encounter's level: min(1, activity × (1 + 1, 2 or 3)).</summary>
    public static double EncounterLevel(double activity, int multiplier) => Math.Min(1, activity * (1 + multiplier));

    public static ThreatLevel Classify(double level) => level switch
    {
        > CriticalThreshold => ThreatLevel.Critical,
        > HighThreshold => ThreatLevel.High,
        _ => ThreatLevel.Medium,
    };

    /// <summary>0.3 × role × personality bonus × (1 − 0.3 × level) × variation (0.8–1.2), clamped to 0–1.</summary>
    public static double CatEffectiveness(PatrolRole role, Personality personality, double level, double variation) =>
        Math.Clamp(EffectivenessScale * PatrolRoles.Strength(role, personality) * (1 - LevelDamping * level) * variation, 0, 1);

    /// <summary>
    /// The spec's per-cat effectiveness never passes 0.5 on its own (at most 0.43), so a patrol deters a bobcat when
    /// its cats together pass 0.5: one cat alone can't, a team can.
    /// </summary>
    public static bool Deters(double teamEffectiveness) => teamEffectiveness > DeterThreshold;

    /// <summary>Rescues succeed 70% of the time, raised toward 100% by the protection of zones in range.</summary>
    public static double RescueChance(double protection) => RescueSuccess + (1 - RescueSuccess) * Math.Clamp(protection, 0, 1);

    /// <summary>One tick over many patrols: each gets its own weather and zone protection. Pure computation, no I/O.</summary>
    public static PatrolTick[] TickAll(IReadOnlyList<PatrolInput> patrols, ZoneIndex zones, IWeatherProvider weather, DateTimeOffset now,
        double baseActivity, IRandomSource random)
    {
        var ticks = new PatrolTick[patrols.Count];
        for (var i = 0; i < patrols.Count; i++)
        {
            var center = patrols[i].Center;
            var activity = BobcatActivity(weather.At(center, now), now.UtcDateTime.Month, baseActivity);
            ticks[i] = Tick(patrols[i].Cats, activity, zones.ProtectionAt(center), random);
        }
        return ticks;
    }

    public static PatrolTick Tick(ReadOnlySpan<PatrolCatState> cats, double activity, double protection, IRandomSource random)
    {
        var xp = new int[cats.Length];
        var effectiveness = Array.Empty<double>();
        var encounter = random.NextDouble() < activity;
        double level = 0, team = 0;
        bool deterred = false, guardianHelped = false;
        if (encounter)
        {
            level = EncounterLevel(activity, random.Next(1, 4));
            effectiveness = new double[cats.Length];
            for (var i = 0; i < cats.Length; i++)
            {
                var variation = MinVariation + (MaxVariation - MinVariation) * random.NextDouble();
                effectiveness[i] = CatEffectiveness(cats[i].Role, cats[i].Personality, level, variation);
                team += effectiveness[i];
                guardianHelped |= cats[i].Role == PatrolRole.Guardian;
            }
            team = Math.Min(1, team);
            deterred = Deters(team);
            if (deterred)
                for (var i = 0; i < cats.Length; i++)
                    xp[i] += (int)Math.Round(effectiveness[i] * XpPerEffectiveness, MidpointRounding.AwayFromZero);
        }

        var found = random.Next(0, MaxStraysPerTick + 1);
        int rescued = 0, sheltered = 0, lost = 0;
        var rescueChance = RescueChance(protection);
        for (var i = 0; i < found; i++)
        {
            if (random.NextDouble() < RescueNeed)
            {
                if (random.NextDouble() < rescueChance)
                    rescued++;
                else
                    lost++;
            }
            else
            {
                sheltered++;
            }
        }
        if (cats.Length > 0)
            xp[Caretaker(cats)] += rescued * RescueXp + sheltered * ShelterXp;

        for (var i = 0; i < cats.Length; i++)
        {
            var scaled = PersonalityTraits.Scale(xp[i], PersonalityTraits.Of(cats[i].Personality).Xp); // lazy cats earn ×0.9
            xp[i] = Math.Clamp(scaled, 0, Math.Max(0, MaxPatrolXpPerCat - cats[i].XpEarned));
        }

        return new PatrolTick
        {
            Encounter = encounter,
            Level = level,
            Threat = encounter ? Classify(level) : ThreatLevel.Medium,
            TeamEffectiveness = team,
            Deterred = deterred,
            GuardianHelped = deterred && guardianHelped,
            StraysFound = found,
            StraysRescued = rescued,
            StraysSheltered = sheltered,
            StraysLost = lost,
            Xp = xp,
            Effectiveness = effectiveness,
        };
    }

    /// <summary>The cat who looks after strays: a healer first, then a scout, a guardian, an alarm.</summary>
    public static int Caretaker(ReadOnlySpan<PatrolCatState> cats)
    {
        var best = 0;
        for (var i = 1; i < cats.Length; i++)
            if (CaretakerRank(cats[i].Role) < CaretakerRank(cats[best].Role))
                best = i;
        return best;
    }

    private static int CaretakerRank(PatrolRole role) => role switch
    {
        PatrolRole.Healer => 0,
        PatrolRole.Scout => 1,
        PatrolRole.Guardian => 2,
        _ => 3,
    };
}

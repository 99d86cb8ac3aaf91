using System.Globalization;
using Purrr.Core.Cats;
using Purrr.Core.Common;

namespace Purrr.Core.Territories;

/// <summary>One side of a contest: the cat's power and how it was reached, so both players can see why.</summary>
public sealed record ContestSide(string CatName, int Strength, int Agility, int Level, Personality Personality, double PersonalityFactor, double Power)
{
    public string Explain()
    {
        var personality = PersonalityFactor == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $", × {PersonalityFactor} {Personality.DisplayName().ToLowerInvariant()}");
        return string.Create(CultureInfo.InvariantCulture,
            $"strength {Strength} × {TerritoryRules.StrengthWeight} + agility {Agility} × {TerritoryRules.AgilityWeight} + level {Level} × {TerritoryRules.LevelWeight}{personality} = {Power:0.#}");
    }
}

/// <summary>The odds of a contest before it is fought: the challenger wins with <see cref="ChallengerChance"/>.</summary>
public sealed record ContestOdds(ContestSide Challenger, ContestSide Defender, double ChallengerChance)
{
    public double DefenderChance => 1 - ChallengerChance;
}

public sealed record ContestResult(ContestOdds Odds, double Roll)
{
    public bool ChallengerWins => Roll < Odds.ChallengerChance;
}

/// <summary>
/// The territory rules: who may claim, how far a territory reaches, and the contest for a held spot. Plain functions;
/// the contest's one random draw comes from the caller's <see cref="IRandomSource"/>.
/// </summary>
public static class TerritoryRules
{
    public const int MinEnergy = 50;
    public const int MinLevel = 3;
    public const int RadiusMeters = 50;
    public const int MaxPerCat = 3;

    /// <summary>Energy a claim takes: the cat walks the spot and marks it.</summary>
    public const int ClaimEnergy = 20;

    /// <summary>Energy each cat in a contest spends (clamped at 0: a contest is never refused for it).</summary>
    public const int ContestEnergy = 10;

    /// <summary>XP for the winner of a fought contest.</summary>
    public const int ContestWinXp = 20;

    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(12);
    public static readonly TimeSpan LoserProtection = TimeSpan.FromHours(24);
    public static readonly TimeSpan DecayAfter = TimeSpan.FromDays(7);

    public const double StrengthWeight = 0.4;
    public const double AgilityWeight = 0.4;
    public const double LevelWeight = 2;

    /// <summary>No contest is certain: the challenger's chance stays within 5–95%.</summary>
    public const double MinChance = 0.05;
    public const double MaxChance = 0.95;

    /// <summary>Territorial cats fight hardest for turf (spec §3 "at its best defending its turf"); lazy ones least.</summary>
    public static double PersonalityFactor(Personality personality) => personality switch
    {
        Personality.Territorial => 1.25,
        Personality.Lazy => 0.9,
        _ => 1.0,
    };

    /// <summary>Why this cat may not claim or challenge for a spot, or null when it may.</summary>
    public static Problem? CheckClaimant(Cat cat, int heldOrPending)
    {
        if (CatLife.CheckFitForActivities(cat) is { } unfit)
            return unfit;
        if (cat.Level < MinLevel)
            return new($"{cat.Name} is level {cat.Level}; a cat needs level {MinLevel} to hold a territory.", "Cat");
        if (heldOrPending >= MaxPerCat)
            return new($"{cat.Name} already holds (or is contesting) {MaxPerCat} territories, the most a cat can keep.", "Cat");
        if (cat.Stats.Energy < MinEnergy)
            return new($"{cat.Name} is too tired to claim a territory (energy {cat.Stats.Energy}, needs {MinEnergy}). A nap helps.", "Cat");
        return null;
    }

    /// <summary>When a territory is lost unless its cat patrols or visits a live room: 7 days after the later of taking it and the last visit.</summary>
    public static DateTimeOffset DecaysAt(DateTimeOffset heldSince, DateTimeOffset? lastVisit) =>
        (lastVisit > heldSince ? lastVisit.Value : heldSince) + DecayAfter;

    /// <summary>Whether a spot falls inside a territory centred at <paramref name="center"/>: then it is that territory's spot.</summary>
    public static bool Overlaps(GeoPoint center, GeoPoint spot) => center.DistanceTo(spot) < 2 * RadiusMeters;

    public static ContestSide Side(Cat cat)
    {
        var factor = PersonalityFactor(cat.Personality);
        var power = (cat.Stats.Strength * StrengthWeight + cat.Stats.Agility * AgilityWeight + cat.Level * LevelWeight) * factor;
        return new ContestSide(cat.Name, cat.Stats.Strength, cat.Stats.Agility, cat.Level, cat.Personality, factor, Math.Round(power, 2));
    }

    /// <summary>The challenger's chance: its share of the two cats' power, within <see cref="MinChance"/>–<see cref="MaxChance"/>.</summary>
    public static ContestOdds Odds(Cat challenger, Cat defender)
    {
        var (attack, defence) = (Side(challenger), Side(defender));
        var total = attack.Power + defence.Power;
        var chance = total <= 0 ? 0.5 : attack.Power / total;
        return new ContestOdds(attack, defence, Math.Round(Math.Clamp(chance, MinChance, MaxChance), 4));
    }

    /// <summary>A chance as players read it: "56%".</summary>
    public static string Percent(double chance) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(chance * 100, MidpointRounding.AwayFromZero):0}%");

    /// <summary>Fights the contest. Draws exactly one number: NextDouble() &lt; the challenger's chance means the challenger wins.</summary>
    public static ContestResult Fight(ContestOdds odds, IRandomSource random) => new(odds, random.NextDouble());
}

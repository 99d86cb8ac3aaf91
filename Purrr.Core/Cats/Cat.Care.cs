using Purrr.Core.Common;
using Purrr.Core.Economy;

namespace Purrr.Core.Cats;

public enum CareAction { Feed, Play, Groom, Rest, Train }

public enum TrainingCommand { Sit, Stay, Come, Fetch }

/// <summary>What a care action did, for the player to read.</summary>
public sealed record CareOutcome(CareAction Action, string Message, CatStats Before, CatStats After, int XpGained, int? NewLevel);

/// <summary>The care actions (spec §3): their effects, 10-minute cooldowns and the nap.</summary>
public sealed partial class Cat
{
    public static readonly TimeSpan CareCooldown = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan NapLength = TimeSpan.FromMinutes(30);

    public const int CareXp = 5;
    public const int TrainingXp = 15;
    public const int PlayEnergy = 10;
    public const int PlayHappiness = 15;
    public const int GroomHappiness = 5;
    public const int RestEnergy = 30;
    public const int RestHappiness = 5;
    public const int TrainEnergy = 5;
    public const int TrainingGain = 3;

    /// <summary>Advanced stats grow by this much per activity, up to the cat's genetic potential.</summary>
    public const int SkillGrowth = 5;

    public DateTimeOffset? LastFedAt { get; private set; }
    public DateTimeOffset? LastPlayedAt { get; private set; }
    public DateTimeOffset? LastGroomedAt { get; private set; }
    public DateTimeOffset? LastRestedAt { get; private set; }
    public DateTimeOffset? LastTrainedAt { get; private set; }

    /// <summary>While napping a cat won't play or train.</summary>
    public DateTimeOffset? NapUntil { get; private set; }

    public bool IsNapping(DateTimeOffset now) => NapUntil > now;

    /// <summary>When the action is next possible, or null when it is possible now.</summary>
    public DateTimeOffset? ReadyAt(CareAction action, DateTimeOffset now)
    {
        var last = action switch
        {
            CareAction.Feed => LastFedAt,
            CareAction.Play => LastPlayedAt,
            CareAction.Groom => LastGroomedAt,
            CareAction.Rest => LastRestedAt,
            _ => LastTrainedAt,
        };
        var ready = last + CareCooldown;
        if (action is CareAction.Play or CareAction.Train && NapUntil is { } napEnd && (ready is null || napEnd > ready))
            ready = napEnd;
        return ready > now ? ready : null;
    }

    /// <summary>Why the action can't be done now, or null.</summary>
    public Problem? WhyNot(CareAction action, DateTimeOffset now)
    {
        if (action is CareAction.Play or CareAction.Train && IsNapping(now))
            return new($"{Name} is napping. Let them sleep a little longer.");
        if (ReadyAt(action, now) is { } ready)
            return new($"{Name} needs a break from that: try again in {Durations.Countdown(ready - now)}.");
        if (action == CareAction.Play && Stats.Energy < EnergyCost(PlayEnergy))
            return new($"{Name} is too tired to play. Let them rest first.");
        if (action == CareAction.Train && Stats.Energy < EnergyCost(TrainEnergy))
            return new($"{Name} is too tired to train. Let them rest first.");
        return null;
    }

    public Result<CareOutcome> Feed(Item food, DateTimeOffset now)
    {
        if (food.Food is not { } value)
            return Result<CareOutcome>.Failure($"{food.Name} is not food.");
        return Care(CareAction.Feed, now, stats => stats with
        {
            Satiety = Capped(stats.Satiety + value.Satiety),
            Happiness = Capped(stats.Happiness + value.Happiness),
            Energy = Capped(stats.Energy + value.Energy),
        }, CareXp, $"{Name} ate the {food.Name.ToLowerInvariant()}.");
    }

    /// <summary>Play, optionally with a toy (its bonus adds to the play's effect; the toy is used up by the caller).</summary>
    public Result<CareOutcome> Play(DateTimeOffset now, Item? toy = null)
    {
        if (toy is not null && toy.Kind != ItemKind.Toy)
            return Result<CareOutcome>.Failure($"{toy.Name} is not a toy.");
        var bonus = toy?.Bonus ?? NoBonus;
        var spent = EnergyCost(PlayEnergy);
        var refund = PersonalityTraits.Scale(spent, Traits.PlayEnergyRefund);
        return Care(CareAction.Play, now, stats => stats with
        {
            Energy = Capped(stats.Energy - spent + refund),
            Happiness = Capped(stats.Happiness + PersonalityTraits.Scale(PlayHappiness, Traits.PlayHappiness) + bonus.Happiness),
            Agility = Grown(stats.Agility, SkillGrowth + bonus.Agility, Traits.AgilityGrowth, Genome.Potentials.Agility),
            Strength = Grown(stats.Strength, SkillGrowth, Traits.StrengthGrowth, Genome.Potentials.Strength),
        }, CareXp, toy is null ? $"{Name} chased a paper ball all over the room." : $"{Name} went wild for the {toy.Name.ToLowerInvariant()}.");
    }

    /// <summary>Groom, optionally with a grooming kit (used up by the caller).</summary>
    public Result<CareOutcome> Groom(DateTimeOffset now, Item? kit = null)
    {
        if (kit is not null && kit.Kind != ItemKind.GroomingKit)
            return Result<CareOutcome>.Failure($"{kit.Name} is not for grooming.");
        var bonus = kit?.Bonus ?? NoBonus;
        return Care(CareAction.Groom, now, stats => stats with
        {
            Cleanliness = CatStats.Max,
            Happiness = Capped(stats.Happiness + GroomHappiness + bonus.Happiness),
            Charisma = Grown(stats.Charisma, SkillGrowth + bonus.Charisma, Traits.CharismaGrowth, Genome.Potentials.Charisma),
        }, CareXp, $"{Name} is spotless and shiny.");
    }

    /// <summary>Spends energy on a game (no cooldown; games have their own rules).</summary>
    public Result<int> SpendEnergy(int energy, DateTimeOffset now)
    {
        CatchUp(now);
        var cost = EnergyCost(energy);
        if (Stats.Energy < cost)
            return Result<int>.Failure($"{Name} is too tired for that (energy {Stats.Energy}, needs {cost}). Let them rest first.");
        Stats = Stats with { Energy = Stats.Energy - cost };
        Touch();
        return cost;
    }

    /// <summary>XP from outside care (games, quests), with the level-up it may bring.</summary>
    public int? Earn(int xp)
    {
        var leveledUp = xp > 0 && GainXp(xp);
        Touch();
        return leveledUp ? Level : null;
    }

    private static readonly CareBonus NoBonus = new(0);

    public Result<CareOutcome> Rest(DateTimeOffset now)
    {
        var outcome = Care(CareAction.Rest, now, stats => stats with
        {
            Energy = Capped(stats.Energy + RestEnergy),
            Happiness = Capped(stats.Happiness + PersonalityTraits.Scale(RestHappiness, Traits.RestHappiness)),
        }, CareXp, $"{Name} curled up for a {NapLength.TotalMinutes:0}-minute nap.");
        if (outcome.Succeeded)
            NapUntil = now + NapLength;
        return outcome;
    }

    /// <summary>Success chance = 40% + intelligence/2 %; success gives +3 training, intelligence growth and 15 XP.</summary>
    public Result<CareOutcome> Train(TrainingCommand command, DateTimeOffset now, IRandomSource random)
    {
        CatchUp(now);
        if (WhyNot(CareAction.Train, now) is { } problem)
            return Result<CareOutcome>.Failure(problem.Message);
        var succeeded = random.NextDouble() < TrainingSuccessChance(Stats);
        var word = command.ToString().ToLowerInvariant();
        return Care(CareAction.Train, now, stats => succeeded
            ? stats with
            {
                Energy = Capped(stats.Energy - EnergyCost(TrainEnergy)),
                Training = Capped(stats.Training + TrainingGain),
                Intelligence = Grown(stats.Intelligence, SkillGrowth, Traits.IntelligenceGrowth, Genome.Potentials.Intelligence),
            }
            : stats with { Energy = Capped(stats.Energy - EnergyCost(TrainEnergy)) },
            succeeded ? TrainingXp : 0,
            succeeded ? $"{Name} learned to {word}!" : $"{Name} looked at you and did not {word}. Try again later.");
    }

    public static double TrainingSuccessChance(CatStats stats) => 0.40 + stats.Intelligence / 200.0;

    private int EnergyCost(int energy) => PersonalityTraits.Scale(energy, Traits.EnergyUse);

    private Result<CareOutcome> Care(CareAction action, DateTimeOffset now, Func<CatStats, CatStats> effect, int baseXp, string message)
    {
        CatchUp(now);
        if (WhyNot(action, now) is { } problem)
            return Result<CareOutcome>.Failure(problem.Message);

        var before = Stats;
        Stats = effect(Stats);
        var xp = PersonalityTraits.Scale(baseXp, Traits.Xp);
        var leveledUp = xp > 0 && GainXp(xp);
        LastCareAt = now;
        switch (action)
        {
            case CareAction.Feed: LastFedAt = now; break;
            case CareAction.Play: LastPlayedAt = now; break;
            case CareAction.Groom: LastGroomedAt = now; break;
            case CareAction.Rest: LastRestedAt = now; break;
            case CareAction.Train: LastTrainedAt = now; break;
        }
        Touch();
        return new CareOutcome(action, message, before, Stats, xp, leveledUp ? Level : null);
    }

    private static int Capped(int value) => Math.Clamp(value, 0, CatStats.Max);

    /// <summary>A skill grows up to the cat's genetic potential, never past it, and never shrinks.</summary>
    private static int Grown(int value, int growth, double multiplier, int potential) =>
        value >= potential ? value : Math.Min(potential, value + PersonalityTraits.Scale(growth, multiplier));
}

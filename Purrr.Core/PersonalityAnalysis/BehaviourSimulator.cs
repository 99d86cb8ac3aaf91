using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Core.Rooms;

namespace Purrr.Core.PersonalityAnalysis;

/// <summary>
/// How each personality tends to behave (from <see cref="Personalities.Describe"/> and <see cref="PersonalityTraits"/>):
/// the share of its acts of each <see cref="BehaviourKind"/>, when in the day it is about (night, morning, afternoon,
/// evening), how often its training works, how many acts a day and how lively it is.
/// </summary>
public sealed record PersonalityTendency(double[] Mix, double[] DayParts, double TrainingSuccess, double ActsPerDay, double Energy)
{
    //                                                    Play  Rest  Social Explore Train Patrol Care
    public static readonly PersonalityTendency Playful = new([.36, .08, .12, .10, .10, .05, .19], [.08, .22, .38, .32], .55, 8, 72);
    public static readonly PersonalityTendency Aloof = new([.08, .30, .03, .12, .08, .11, .28], [.38, .22, .20, .20], .45, 4, 60);
    public static readonly PersonalityTendency Curious = new([.12, .08, .10, .32, .18, .05, .15], [.10, .42, .30, .18], .80, 7, 66);
    public static readonly PersonalityTendency Lazy = new([.05, .46, .07, .03, .05, .03, .31], [.20, .15, .45, .20], .35, 3, 42);
    public static readonly PersonalityTendency Territorial = new([.12, .10, .04, .08, .10, .36, .20], [.40, .15, .15, .30], .50, 6, 70);
    public static readonly PersonalityTendency SocialButterfly = new([.15, .08, .40, .07, .08, .04, .18], [.08, .20, .30, .42], .55, 7, 62);

    public static PersonalityTendency Of(Personality personality) => personality switch
    {
        Personality.Playful => Playful,
        Personality.Aloof => Aloof,
        Personality.Curious => Curious,
        Personality.Lazy => Lazy,
        Personality.Territorial => Territorial,
        Personality.SocialButterfly => SocialButterfly,
        _ => throw new ArgumentOutOfRangeException(nameof(personality), personality, null),
    };
}

/// <summary>A synthetic cat for training: its personality and what it did.</summary>
public sealed record SimulatedCat(Personality Personality, IReadOnlyList<BehaviourEntry> Log);

/// <summary>
/// The game's behaviour simulator: 30 days of a cat's acts drawn from its personality's tendencies with per-cat noise
/// (each cat leans its own way), so the initial model learns what players will see. Seeded: the same seed, the same cats.
/// </summary>
public static class BehaviourSimulator
{
    /// <summary>How far one cat strays from its personality (log-normal spread of its mix and day profile).</summary>
    public const double Individuality = 0.35;

    private static readonly int[] DayPartStartHours = [22, 6, 12, 18];
    private static readonly int[] DayPartLengths = [8, 6, 6, 4];

    /// <summary>
    /// One cat's last 30 days up to <paramref name="end"/>. Draws, in order: the cat's leanings (mix, day parts, training,
    /// activity, energy), then for each act its kind, hour, minute offset, energy and, for training, success.
    /// </summary>
    public static SimulatedCat Cat(Personality personality, IRandomSource random, DateTimeOffset end)
    {
        var tendency = PersonalityTendency.Of(personality);
        var mix = Lean(tendency.Mix, random);
        var dayParts = Lean(tendency.DayParts, random);
        var success = Math.Clamp(random.NextGaussian(tendency.TrainingSuccess, 0.1), 0.05, 0.95);
        var acts = Math.Max(3, (int)Math.Round(tendency.ActsPerDay * BehaviourFeatures.WindowDays * Math.Exp(random.NextGaussian(0, 0.3))));
        var energy = random.NextGaussian(tendency.Energy, 8);

        var log = new List<BehaviourEntry>(acts + acts / 4);
        var start = end.AddDays(-BehaviourFeatures.WindowDays);
        for (var i = 0; i < acts; i++)
        {
            var kind = (BehaviourKind)Draw(mix, random);
            var part = Draw(dayParts, random);
            var hour = (DayPartStartHours[part] + random.Next(0, DayPartLengths[part])) % 24;
            // Spread over the whole days inside the window, so every act falls within it.
            var day = start.AddDays(1 + i * (BehaviourFeatures.WindowDays - 2) / (double)acts).UtcDateTime.Date;
            var at = new DateTimeOffset(day.AddHours(hour).AddMinutes(random.Next(0, 60)), TimeSpan.Zero);
            var stats = (int)Math.Clamp(Math.Round(random.NextGaussian(energy, 12)), 0, 100);
            var (activity, amount) = Act(kind, random);
            log.Add(new BehaviourEntry(activity, amount, at, hour, stats));
            if (activity == ActivityKind.CatTrained && random.Chance(success))
                log.Add(new BehaviourEntry(ActivityKind.TrainingSucceeded, 0, at, hour, stats));
        }
        return new SimulatedCat(personality, log);
    }

    /// <summary><paramref name="perPersonality"/> cats of each personality, interleaved.</summary>
    public static IReadOnlyList<SimulatedCat> Population(int perPersonality, IRandomSource random, DateTimeOffset end) =>
        [.. Enumerable.Range(0, perPersonality).SelectMany(_ => Personalities.All.Select(p => Cat(p, random, end)))];

    // A concrete logged act of a kind, as the game would record it: one draw picks among the ways to do it.
    private static (ActivityKind, int) Act(BehaviourKind kind, IRandomSource random) => (kind, random.Next(0, 3)) switch
    {
        (BehaviourKind.Play, 0) => (ActivityKind.PawMatchPlayed, 0),
        (BehaviourKind.Play, 1) => (ActivityKind.RoomActivityDone, (int)RoomActivity.Play),
        (BehaviourKind.Play, _) => (ActivityKind.CatPlayed, 0),
        (BehaviourKind.Rest, 0) => (ActivityKind.RoomActivityDone, (int)RoomActivity.Nap),
        (BehaviourKind.Rest, _) => (ActivityKind.CatRested, 0),
        (BehaviourKind.Social, 0) => (ActivityKind.RoomVisited, 1),
        (BehaviourKind.Social, _) => (ActivityKind.RoomActivityDone, (int)RoomActivity.Socialize),
        (BehaviourKind.Explore, 0) => (ActivityKind.CatPatrolled, (int)PatrolRole.Scout),
        (BehaviourKind.Explore, _) => (ActivityKind.RoomActivityDone, (int)RoomActivity.Explore),
        (BehaviourKind.Training, 0) => (ActivityKind.RoomActivityDone, (int)RoomActivity.Train),
        (BehaviourKind.Training, _) => (ActivityKind.CatTrained, 0),
        (BehaviourKind.Patrol, 0) => (ActivityKind.CatPatrolled, (int)PatrolRole.Alarm),
        (BehaviourKind.Patrol, _) => (ActivityKind.CatPatrolled, (int)PatrolRole.Guardian),
        (BehaviourKind.Care, 0) => (ActivityKind.CatGroomed, 0),
        (_, _) => (ActivityKind.CatFed, 0),
    };

    // Each weight times a log-normal factor, normalised: the cat's own version of its personality.
    private static double[] Lean(double[] weights, IRandomSource random)
    {
        var leaned = weights.Select(w => w * Math.Exp(random.NextGaussian(0, Individuality))).ToArray();
        var total = leaned.Sum();
        return [.. leaned.Select(w => w / total)];
    }

    private static int Draw(double[] weights, IRandomSource random)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < weights.Length - 1; i++)
        {
            roll -= weights[i];
            if (roll < 0)
                return i;
        }
        return weights.Length - 1;
    }
}

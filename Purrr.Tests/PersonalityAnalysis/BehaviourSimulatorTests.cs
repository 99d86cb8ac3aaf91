using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.PersonalityAnalysis;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.PersonalityAnalysis;

/// <summary>The behaviour simulator's cats show their personality's documented tendencies.</summary>
public sealed class BehaviourSimulatorTests
{
    private static readonly DateTimeOffset End = TestClock.Noon;

    // Mean features of 60 simulated cats of each personality (seeded: the same every run).
    private static readonly Dictionary<Personality, BehaviourFeatures[]> Cats = Personalities.All.ToDictionary(p => p,
        p => Enumerable.Range(0, 60).Select(i => BehaviourFeatures.From(BehaviourSimulator.Cat(p, new SeededRandomSource(i * 7 + (int)p), End).Log)).ToArray());

    private static Personality Highest(Func<BehaviourFeatures, float> feature) => Cats.MaxBy(c => c.Value.Average(feature)).Key;
    private static Personality Lowest(Func<BehaviourFeatures, float> feature) => Cats.MinBy(c => c.Value.Average(feature)).Key;

    [Fact]
    public void Playful_cats_play_most() => Assert.Equal(Personality.Playful, Highest(f => f.PlayShare));

    [Fact]
    public void Lazy_cats_rest_most_do_least_and_have_the_least_energy()
    {
        Assert.Equal(Personality.Lazy, Highest(f => f.RestShare));
        Assert.Equal(Personality.Lazy, Lowest(f => f.Busyness));
        Assert.Equal(Personality.Lazy, Lowest(f => f.AverageEnergy));
    }

    [Fact]
    public void Curious_cats_explore_most_and_learn_best()
    {
        Assert.Equal(Personality.Curious, Highest(f => f.ExploreShare));
        Assert.Equal(Personality.Curious, Highest(f => f.TrainingSuccess));
    }

    [Fact]
    public void Social_butterflies_seek_company_and_aloof_cats_avoid_it()
    {
        Assert.Equal(Personality.SocialButterfly, Highest(f => f.SocialShare));
        Assert.Equal(Personality.Aloof, Lowest(f => f.SocialShare));
    }

    [Fact]
    public void Territorial_cats_guard_on_patrol_most() => Assert.Equal(Personality.Territorial, Highest(f => f.PatrolShare));

    [Fact]
    public void Cats_of_one_personality_still_differ_from_each_other()
    {
        var playShares = Cats[Personality.Playful].Select(f => f.PlayShare).ToList();

        Assert.True(playShares.Max() - playShares.Min() > 0.15f, "Every playful cat played the same share: no individuality.");
    }

    [Fact]
    public void The_same_seed_gives_the_same_cat()
    {
        var first = BehaviourSimulator.Cat(Personality.Curious, new SeededRandomSource(5), End);
        var again = BehaviourSimulator.Cat(Personality.Curious, new SeededRandomSource(5), End);

        Assert.Equal(first.Log, again.Log);
        Assert.All(first.Log, e => Assert.InRange(e.At, End.AddDays(-30), End));
    }
}

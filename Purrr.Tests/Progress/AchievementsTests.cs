using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Progress;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Progress;

[Trait("Category", "Unit")]
public class AchievementsTests
{
    private static ActivityEvent Activity(ActivityKind kind, int amount = 0, bool remarkable = false) =>
        ActivityEvent.Of(UserId.New(), ACat.Curious().Build(), kind, TestClock.Noon, amount, remarkable: remarkable);

    [Theory]
    [InlineData(Rarity.Common, 5)]
    [InlineData(Rarity.Uncommon, 10)]
    [InlineData(Rarity.Rare, 25)]
    [InlineData(Rarity.Epic, 50)]
    [InlineData(Rarity.Legendary, 100)]
    public void Rarer_achievements_are_worth_more(Rarity rarity, int points) => Assert.Equal(points, Achievements.PointsFor(rarity));

    [Fact]
    public void Counts_add_up_and_maximums_only_rise()
    {
        Assert.Equal(3, Counters.Apply(2, Counters.From(Activity(ActivityKind.CatFed)).Single()));
        var level5 = Counters.From(Activity(ActivityKind.CatLeveledUp, amount: 5)).Single();
        Assert.Equal(7, Counters.Apply(7, level5)); // a second cat reaching 5 doesn't lower the best 7
        Assert.Equal(5, Counters.Apply(4, level5));
    }

    [Fact]
    public void A_kitten_counts_as_a_cat_and_a_kitten_and_a_rare_one_for_rare_find()
    {
        var changes = Counters.From(Activity(ActivityKind.KittenBorn, amount: 2, remarkable: true)).Select(c => c.Key).ToList();
        Assert.Equal([Counters.Kittens, Counters.Cats, Counters.MaxGeneration, Counters.RareKittens], changes);
    }

    [Fact]
    public void Achievement_keys_are_unique_thresholds_are_positive_and_gourmet_takes_100_meals()
    {
        Assert.NotEmpty(Achievements.All);
        Assert.All(Achievements.All, a => Assert.True(a.Threshold >= 1));
        var gourmet = Achievements.Find("gourmet")!;
        Assert.Equal((Counters.Fed, 100), (gourmet.Counter, gourmet.Threshold));
        Assert.Equal(Achievements.All.Count, Achievements.All.Select(a => a.Key).Distinct().Count());
    }
}

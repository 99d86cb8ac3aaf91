using Purrr.Core.Cats;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Cats;

/// <summary>Time passing (spec §3), against values worked out by hand from the per-hour rules.</summary>
[Trait("Category", "Unit")]
public class CatLifeTests
{
    private static CatStats Stats(int happiness, int energy, int satiety, int mood, int health, int cleanliness) =>
        CatStats.Starting with { Happiness = happiness, Energy = energy, Satiety = satiety, Mood = mood, Health = health, Cleanliness = cleanliness };

    private static CatStats After(TimeSpan elapsed, ACat? builder = null)
    {
        var cat = (builder ?? ACat.Curious()).Build();
        cat.CatchUp(TestClock.Noon + elapsed);
        return cat.Stats;
    }

    [Fact]
    public void After_one_hour_a_new_cat_is_a_little_hungrier_and_dirtier_and_its_mood_drifts_up()
    {
        // satiety 70−4, cleanliness 100−2, energy capped, mood 50 + 25% of (75−50) = 56.25 → 56
        Assert.Equal(Stats(happiness: 50, energy: 100, satiety: 66, mood: 56, health: 100, cleanliness: 98), After(TimeSpan.FromHours(1)));
    }

    [Fact]
    public void After_a_day_alone_a_cat_is_hungry_and_unhappy()
    {
        // satiety < 30 from hour 11 → happiness −2 for 14 hours; satiety 0 from hour 18 → health −1 for 7 hours
        Assert.Equal(Stats(happiness: 22, energy: 100, satiety: 0, mood: 62, health: 93, cleanliness: 52), After(TimeSpan.FromHours(24)));
    }

    [Fact]
    public void After_three_days_alone_a_cat_is_hungry_dirty_and_sad_but_alive()
    {
        var stats = After(TimeSpan.FromHours(72));
        Assert.Equal(Stats(happiness: 0, energy: 100, satiety: 0, mood: 51, health: 45, cleanliness: 0), stats);
        Assert.False(CatLife.IsNeglected(stats));
    }

    [Fact]
    public void A_lazy_cat_is_never_sadder_than_30()
    {
        Assert.Equal(Stats(happiness: 30, energy: 100, satiety: 0, mood: 66, health: 45, cleanliness: 0), After(TimeSpan.FromHours(72), ACat.Lazy()));
    }

    [Fact]
    public void A_week_alone_leaves_a_cat_neglected_but_never_dead()
    {
        var stats = After(TimeSpan.FromDays(7));
        Assert.Equal(0, stats.Health);
        Assert.True(CatLife.IsNeglected(stats));
        Assert.True(After(TimeSpan.FromDays(400)) is { Health: 0, Energy: 100 }); // a year changes nothing more
    }

    [Fact]
    public void Health_recovers_while_well_fed_and_energy_returns_while_resting()
    {
        var cat = ACat.Curious().WithStats(_ => Stats(happiness: 80, energy: 20, satiety: 10, mood: 90, health: 50, cleanliness: 40)).Build();
        cat.CatchUp(TestClock.Noon + TimeSpan.FromHours(3));
        // satiety 6, 2, 0 → health −1 only in the third hour; happiness −2 each hour (satiety < 30)
        Assert.Equal(Stats(happiness: 74, energy: 50, satiety: 0, mood: 72, health: 49, cleanliness: 34), cat.Stats);
    }

    [Fact]
    public void Part_hours_carry_over_so_frequent_reads_age_a_cat_like_one_read()
    {
        var watched = ACat.Curious().Build();
        for (var minutes = 10; minutes <= 300; minutes += 10)
            watched.CatchUp(TestClock.Noon + TimeSpan.FromMinutes(minutes));
        var unwatched = ACat.Curious().Build();
        unwatched.CatchUp(TestClock.Noon + TimeSpan.FromMinutes(300));

        Assert.Equal(unwatched.Stats, watched.Stats);
        Assert.Equal(TestClock.Noon + TimeSpan.FromHours(5), watched.StatsUpdatedAt);
    }

    [Fact]
    public void Less_than_an_hour_changes_nothing_yet()
    {
        Assert.Equal(CatStats.Starting, After(TimeSpan.FromMinutes(59)));
    }

    [Fact]
    public void A_neglected_cat_is_refused_games_patrols_and_rooms_with_a_reason_until_cared_for()
    {
        var neglected = ACat.Curious().WithHealth(19).Build();
        Assert.Equal("Mochi is neglected (health 19). Feed and groom them until health is back to 20 first.",
            CatLife.CheckFitForActivities(neglected)?.Message);
        Assert.Null(CatLife.CheckFitForActivities(ACat.Curious().WithHealth(20).Build()));
    }
}

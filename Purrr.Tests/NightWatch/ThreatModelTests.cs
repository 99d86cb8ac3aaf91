using Purrr.Core.Cats;
using Purrr.Core.NightWatch;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.NightWatch;

[Trait("Category", "Unit")]
public sealed class ThreatModelTests
{
    private static readonly PatrolCatState PlayfulGuardian = new(PatrolRole.Guardian, Personality.Playful, 0);

    [Theory]
    [InlineData(WeatherCondition.Clear, 11, 0.1)]
    [InlineData(WeatherCondition.Rain, 11, 0.07)]
    [InlineData(WeatherCondition.Snow, 1, 0.07)]
    [InlineData(WeatherCondition.Fog, 8, 0.1)]
    [InlineData(WeatherCondition.Clear, 3, 0.13)]  // spring: March–June
    [InlineData(WeatherCondition.Clear, 6, 0.13)]
    [InlineData(WeatherCondition.Clear, 7, 0.1)]
    [InlineData(WeatherCondition.Rain, 4, 0.091)]  // rain in spring: 0.1 × 0.7 × 1.3
    public void Bobcats_are_less_active_in_rain_and_snow_and_more_in_spring(WeatherCondition weather, int month, double activity) =>
        Assert.Equal(activity, ThreatModel.BobcatActivity(weather, month), 10);

    [Theory]
    [InlineData(0.4, ThreatLevel.Medium)]
    [InlineData(0.41, ThreatLevel.High)]
    [InlineData(0.7, ThreatLevel.High)]
    [InlineData(0.71, ThreatLevel.Critical)]
    public void Threat_is_critical_above_07_high_above_04(double level, ThreatLevel threat) =>
        Assert.Equal(threat, ThreatModel.Classify(level));

    [Fact]
    public void An_encounter_at_level_026_against_one_playful_guardian_is_exactly_as_the_spec_computes()
    {
        // Spring, clear: activity 0.13. Draws: encounter (0.05 < 0.13), multiplier 1 → level 0.13 × 2 = 0.26,
        // variation 0.8 + 0.4 × 0.5 = 1.0, then no strays.
        var random = new ScriptedRandom(doubles: [0.05, 0.5], integers: [1, 0]);

        var tick = ThreatModel.Tick([PlayfulGuardian], ThreatModel.BobcatActivity(WeatherCondition.Clear, 4), 0, random);

        Assert.True(tick.Encounter);
        Assert.Equal(0.26, tick.Level, 10);
        Assert.Equal(ThreatLevel.Medium, tick.Threat);
        Assert.Equal(0.3 * 0.8 * 1.5 * (1 - 0.3 * 0.26) * 1.0, tick.Effectiveness[0], 10); // 0.33192
        Assert.Equal(0.33192, tick.Effectiveness[0], 10);
        Assert.False(tick.Deterred); // one cat alone stays under 0.5
        Assert.Equal([0], tick.Xp);
        Assert.True(random.IsUsedUp);
    }

    [Fact]
    public void Two_playful_guardians_together_chase_the_bobcat_off_and_each_earns_effectiveness_times_100_xp()
    {
        var random = new ScriptedRandom(doubles: [0.05, 0.5, 0.5], integers: [1, 0]);

        var tick = ThreatModel.Tick([PlayfulGuardian, PlayfulGuardian], 0.13, 0, random);

        Assert.Equal(0.66384, tick.TeamEffectiveness, 10);
        Assert.True(tick.Deterred);
        Assert.True(tick.GuardianHelped);
        Assert.Equal([33, 33], tick.Xp); // round(0.33192 × 100)
    }

    [Fact]
    public void The_strongest_draws_give_a_cat_at_most_0432_so_it_takes_a_team_to_deter()
    {
        // Level as low as an encounter gets (activity 0.07, multiplier 1) and the highest variation.
        var best = ThreatModel.CatEffectiveness(PatrolRole.Guardian, Personality.Territorial, 0.14, 1.2);

        Assert.InRange(best, 0.41, 0.432);
        Assert.False(ThreatModel.Deters(best));
    }

    [Fact]
    public void No_encounter_when_the_roll_is_above_the_activity()
    {
        var random = new ScriptedRandom(doubles: [0.1], integers: [0]);

        var tick = ThreatModel.Tick([PlayfulGuardian], 0.1, 0, random); // 0.1 is not < 0.1

        Assert.False(tick.Encounter);
        Assert.Empty(tick.Effectiveness);
        Assert.Equal(0, tick.StraysFound);
    }

    [Fact]
    public void Found_strays_are_sheltered_or_need_rescue_which_succeeds_70_percent_of_the_time()
    {
        // No encounter; 3 strays: needs rescue + succeeds (0.69 < 0.7), sheltered (0.3 is not < 0.3), needs rescue + fails.
        var random = new ScriptedRandom(doubles: [0.9, 0.1, 0.69, 0.3, 0.2, 0.7], integers: [3]);
        var healer = new PatrolCatState(PatrolRole.Healer, Personality.SocialButterfly, 0);

        var tick = ThreatModel.Tick([PlayfulGuardian, healer], 0.1, 0, random);

        Assert.Equal((3, 1, 1, 1), (tick.StraysFound, tick.StraysRescued, tick.StraysSheltered, tick.StraysLost));
        Assert.Equal([0, 75], tick.Xp); // the healer looks after strays: +50 rescued, +25 sheltered
    }

    [Fact]
    public void A_zone_in_range_raises_the_odds_of_a_rescue_by_its_protection()
    {
        Assert.Equal(0.7, ThreatModel.RescueChance(0), 10);
        Assert.Equal(0.94, ThreatModel.RescueChance(0.8), 10); // cat condo: 0.7 + 0.3 × 0.8

        var withoutZone = ThreatModel.Tick([PlayfulGuardian], 0.1, 0, new ScriptedRandom([0.9, 0.1, 0.9], [1]));
        var insideCondo = ThreatModel.Tick([PlayfulGuardian], 0.1, 0.8, new ScriptedRandom([0.9, 0.1, 0.9], [1]));

        Assert.Equal((0, 1), (withoutZone.StraysRescued, withoutZone.StraysLost));
        Assert.Equal((1, 0), (insideCondo.StraysRescued, insideCondo.StraysLost));
    }

    [Fact]
    public void A_cat_earns_at_most_100_xp_on_one_patrol()
    {
        var nearlyDone = new PatrolCatState(PatrolRole.Healer, Personality.SocialButterfly, 90);

        var tick = ThreatModel.Tick([nearlyDone], 0.1, 0, new ScriptedRandom([0.9, 0.1, 0.5], [1])); // a rescue: +50

        Assert.Equal([10], tick.Xp);
    }

    [Fact]
    public void The_same_seed_gives_the_same_night()
    {
        PatrolCatState[] team = [PlayfulGuardian, new(PatrolRole.Scout, Personality.Curious, 0)];
        string Night(int seed)
        {
            var random = new Core.Common.SeededRandomSource(seed);
            return string.Join(";", Enumerable.Range(0, 50).Select(_ => ThreatModel.Tick(team, 0.13, 0.3, random))
                .Select(t => $"{t.Encounter}{t.Level}{t.Deterred}{t.StraysRescued}{t.StraysSheltered}{string.Join(",", t.Xp)}"));
        }

        Assert.Equal(Night(11), Night(11));
        Assert.NotEqual(Night(11), Night(12));
    }
}

using Purrr.Core.Cats;
using Purrr.Core.Territories;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Territories;

public sealed class TerritoryRulesTests
{
    [Fact]
    public void A_claim_needs_energy_50_level_3_and_fewer_than_three_territories()
    {
        Assert.Null(TerritoryRules.CheckClaimant(ACat.Playful().Named("Biscuit").AtLevel(3).WithEnergy(50).Build(), 2));

        Assert.Equal("Biscuit is too tired to claim a territory (energy 49, needs 50). A nap helps.",
            TerritoryRules.CheckClaimant(ACat.Playful().Named("Biscuit").AtLevel(3).WithEnergy(49).Build(), 0)?.Message);
        Assert.Equal("Biscuit is level 2; a cat needs level 3 to hold a territory.",
            TerritoryRules.CheckClaimant(ACat.Playful().Named("Biscuit").AtLevel(2).Build(), 0)?.Message);
        Assert.Equal("Biscuit already holds (or is contesting) 3 territories, the most a cat can keep.",
            TerritoryRules.CheckClaimant(ACat.Playful().Named("Biscuit").AtLevel(3).Build(), 3)?.Message);
        Assert.StartsWith("Biscuit is neglected", TerritoryRules.CheckClaimant(ACat.Playful().Named("Biscuit").AtLevel(3).WithHealth(10).Build(), 0)?.Message);
    }

    [Fact]
    public void Odds_are_each_cats_share_of_the_power_with_territorial_cats_fighting_hardest_and_nothing_certain()
    {
        var even = TerritoryRules.Odds(ACat.Playful().AtLevel(3).Build(), ACat.Curious().AtLevel(3).Build());
        Assert.Equal(0.5, even.ChallengerChance);
        Assert.Equal(46, even.Challenger.Power); // 50 × 0.4 + 50 × 0.4 + 3 × 2

        var territorial = TerritoryRules.Odds(ACat.Territorial().AtLevel(3).Build(), ACat.Curious().AtLevel(3).Build());
        Assert.Equal(57.5, territorial.Challenger.Power);
        Assert.Equal(Math.Round(57.5 / (57.5 + 46), 4), territorial.ChallengerChance);
        Assert.Equal("strength 50 × 0.4 + agility 50 × 0.4 + level 3 × 2, × 1.25 territorial = 57.5", territorial.Challenger.Explain());

        var hopeless = TerritoryRules.Odds(ACat.Lazy().AtLevel(3).WithStats(s => s with { Strength = 0, Agility = 0 }).Build(),
            ACat.Territorial().AtLevel(30).WithStats(s => s with { Strength = 100, Agility = 100 }).Build());
        Assert.Equal(TerritoryRules.MinChance, hopeless.ChallengerChance);
    }

    [Theory]
    [InlineData(0.49, true)]
    [InlineData(0.5, false)]
    public void A_contest_draws_exactly_one_number_and_the_challenger_wins_below_its_chance(double roll, bool challengerWins)
    {
        var dice = new ScriptedRandom([roll], []);
        var odds = TerritoryRules.Odds(ACat.Playful().AtLevel(3).Build(), ACat.Curious().AtLevel(3).Build());

        var result = TerritoryRules.Fight(odds, dice);

        Assert.Equal(challengerWins, result.ChallengerWins);
        Assert.True(dice.IsUsedUp);
    }

    [Fact]
    public void Territory_perks_add_up_by_type_and_territorial_cats_get_half_as_much_again()
    {
        var playful = TerritoryPerks.Of([TerritoryType.Garden, TerritoryType.Rooftop, TerritoryType.Rooftop], PersonalityTraits.Of(Personality.Playful));
        Assert.Equal((12, 4, 0, 0), (playful.HappinessPerDay, playful.AgilityPerDay, playful.StrengthPerDay, playful.SocialPerDay));

        var territorial = TerritoryPerks.Of([TerritoryType.Alley, TerritoryType.Park], PersonalityTraits.Of(Personality.Territorial));
        Assert.Equal((0, 0, 3, 6), (territorial.HappinessPerDay, territorial.AgilityPerDay, territorial.StrengthPerDay, territorial.SocialPerDay));
    }

    [Fact]
    public void Perks_grow_stats_as_hours_pass_the_same_however_often_the_cat_is_read()
    {
        var perks = new TerritoryPerks { AgilityPerDay = 3, StrengthPerDay = 2 };
        var traits = PersonalityTraits.Of(Personality.Territorial);
        var start = CatStats.Starting;
        const long firstHour = 17_000_000;

        var onceADay = CatLife.AfterHours(start, traits, 24, perks, firstHour);
        var hourly = start;
        for (var hour = 0; hour < 24; hour++)
            hourly = CatLife.AfterHours(hourly, traits, 1, perks, firstHour + hour);

        Assert.Equal((53, 52), (onceADay.Agility, onceADay.Strength));
        Assert.Equal(onceADay, hourly);
        Assert.Equal(100, CatLife.AfterHours(start with { Agility = 99 }, traits, 48, perks, firstHour).Agility);
    }

    [Fact]
    public void A_territory_decays_seven_days_after_the_later_of_taking_it_and_the_last_visit()
    {
        var taken = TestClock.Noon;
        Assert.Equal(taken.AddDays(7), TerritoryRules.DecaysAt(taken, null));
        Assert.Equal(taken.AddDays(7), TerritoryRules.DecaysAt(taken, taken.AddDays(-3)));
        Assert.Equal(taken.AddDays(12), TerritoryRules.DecaysAt(taken, taken.AddDays(5)));
    }
}

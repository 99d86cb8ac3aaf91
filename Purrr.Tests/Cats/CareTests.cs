using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Cats;

/// <summary>The care actions (spec §3): effects, cooldowns, nap, XP and personality multipliers.</summary>
[Trait("Category", "Unit")]
public class CareTests
{
    private static readonly DateTimeOffset Now = TestClock.Noon;


    [Fact]
    public void Basic_food_adds_25_satiety_and_5_xp()
    {
        var cat = ACat.Curious().WithStats(s => s with { Satiety = 40 }).Build();
        var fed = cat.Feed(Items.BasicFood, Now).Value;

        Assert.Equal((40, 65), (fed.Before.Satiety, fed.After.Satiety));
        Assert.Equal(5, fed.XpGained);
        Assert.Equal(5, cat.Xp);
    }

    [Fact]
    public void Premium_food_adds_40_satiety_10_happiness_and_5_energy_without_passing_100()
    {
        var cat = ACat.Curious().WithStats(s => s with { Satiety = 70, Happiness = 50, Energy = 50 }).Build();
        var fed = cat.Feed(Items.PremiumFood, Now).Value.After;
        Assert.Equal((100, 60, 55), (fed.Satiety, fed.Happiness, fed.Energy));
    }

    [Fact]
    public void Every_action_has_a_10_minute_cooldown_of_its_own()
    {
        var cat = ACat.Curious().Build();
        Assert.True(cat.Feed(Items.BasicFood, Now).Succeeded);

        var again = cat.Feed(Items.BasicFood, Now + TimeSpan.FromMinutes(9));
        Assert.Equal("Mochi needs a break from that: try again in 1 min.", again.FirstMessage);
        Assert.Equal(Now + TimeSpan.FromMinutes(10), cat.ReadyAt(CareAction.Feed, Now));
        Assert.True(cat.Groom(Now + TimeSpan.FromMinutes(1)).Succeeded); // other actions aren't blocked
        Assert.True(cat.Feed(Items.BasicFood, Now + TimeSpan.FromMinutes(10)).Succeeded);
    }

    [Fact]
    public void Play_costs_10_energy_and_gives_15_happiness_and_agility_and_strength()
    {
        var played = ACat.Curious().WithEnergy(80).Build().Play(Now).Value.After;
        Assert.Equal((70, 65, 55, 55), (played.Energy, played.Happiness, played.Agility, played.Strength));
    }

    [Fact]
    public void A_playful_cat_gets_its_play_energy_back_times_1_2_and_more_happiness_and_agility()
    {
        var played = ACat.Playful().WithEnergy(80).Build().Play(Now).Value.After;
        // energy −10 + 12 refund; happiness +15 × 1.5 = 22.5 → 23; agility +5 × 1.2 = 6
        Assert.Equal((82, 73, 56, 55), (played.Energy, played.Happiness, played.Agility, played.Strength));
    }

    [Fact]
    public void Lazy_and_aloof_cats_spend_less_energy()
    {
        Assert.Equal(72, ACat.Lazy().WithEnergy(80).Build().Play(Now).Value.After.Energy); // 10 × 0.8
        Assert.Equal(71, ACat.Aloof().WithEnergy(80).Build().Play(Now).Value.After.Energy); // 10 × 0.9
    }

    [Fact]
    public void A_territorial_cat_grows_stronger_and_a_social_butterfly_more_charming()
    {
        Assert.Equal(56, ACat.Territorial().Build().Play(Now).Value.After.Strength);
        Assert.Equal(56, ACat.SocialButterfly().Build().Groom(Now).Value.After.Charisma);
        Assert.Equal(55, ACat.Curious().Build().Groom(Now).Value.After.Charisma);
    }

    [Fact]
    public void Skills_grow_only_up_to_the_cats_genetic_potential()
    {
        var cat = ACat.Playful().WithGenome("B/B D/D t/t s/s Cu/Cu L/L 50/53/50/50").Build();
        var played = cat.Play(Now).Value.After;
        Assert.Equal((53, 50), (played.Agility, played.Strength));
    }

    [Fact]
    public void A_tired_cat_refuses_to_play()
    {
        var result = ACat.Curious().WithEnergy(9).Build().Play(Now);
        Assert.Equal("Mochi is too tired to play. Let them rest first.", result.FirstMessage);
    }

    [Fact]
    public void Grooming_makes_a_cat_spotless_and_happier()
    {
        var groomed = ACat.Curious().WithStats(s => s with { Cleanliness = 12 }).Build().Groom(Now).Value.After;
        Assert.Equal((100, 55), (groomed.Cleanliness, groomed.Happiness));
    }

    [Fact]
    public void Resting_gives_30_energy_and_a_30_minute_nap_without_play_or_training()
    {
        var cat = ACat.Curious().WithEnergy(40).Build();
        var rested = cat.Rest(Now).Value.After;

        Assert.Equal((70, 55), (rested.Energy, rested.Happiness));
        Assert.Equal("Mochi is napping. Let them sleep a little longer.", cat.Play(Now + TimeSpan.FromMinutes(29)).FirstMessage);
        Assert.Equal(Now + TimeSpan.FromMinutes(30), cat.ReadyAt(CareAction.Play, Now));
        Assert.True(cat.Feed(Items.BasicFood, Now + TimeSpan.FromMinutes(1)).Succeeded); // a napping cat still eats
        Assert.True(cat.Play(Now + TimeSpan.FromMinutes(30)).Succeeded);
    }

    [Fact]
    public void An_aloof_cat_enjoys_its_rest_1_3_times_more()
    {
        Assert.Equal(57, ACat.Aloof().Build().Rest(Now).Value.After.Happiness); // 5 × 1.3 = 6.5 → 7
    }

    [Theory]
    [InlineData(0, 0.40)]
    [InlineData(50, 0.65)]
    [InlineData(100, 0.90)]
    public void Training_succeeds_40_percent_plus_half_the_intelligence(int intelligence, double chance) =>
        Assert.Equal(chance, Cat.TrainingSuccessChance(CatStats.Starting with { Intelligence = intelligence }), 10);

    [Fact]
    public void Successful_training_gives_3_training_15_xp_and_intelligence()
    {
        var trained = ACat.Curious().Build().Train(TrainingCommand.Sit, Now, new FixedRoll(0.64)).Value;
        Assert.Equal("Mochi learned to sit!", trained.Message);
        Assert.Equal((3, 56, 95), (trained.After.Training, trained.After.Intelligence, trained.After.Energy)); // curious: 5 × 1.2
        Assert.Equal(15, trained.XpGained);
    }

    [Fact]
    public void Failed_training_only_costs_energy()
    {
        var cat = ACat.Curious().Build();
        var trained = cat.Train(TrainingCommand.Fetch, Now, new FixedRoll(0.65)).Value;
        Assert.Equal((0, 50, 95), (trained.After.Training, trained.After.Intelligence, trained.After.Energy));
        Assert.Equal(0, trained.XpGained);
        Assert.Equal(Now + TimeSpan.FromMinutes(10), cat.ReadyAt(CareAction.Train, Now)); // and the 10-minute cooldown
    }

    [Fact]
    public void A_lazy_cat_earns_90_percent_of_the_xp()
    {
        Assert.Equal(14, ACat.Lazy().Build().Train(TrainingCommand.Stay, Now, new FixedRoll(0)).Value.XpGained); // 13.5 → 14
    }

    [Fact]
    public void Care_that_crosses_a_level_reports_the_new_level()
    {
        var cat = ACat.Curious().Build();
        cat.GainXp(195);
        var fed = cat.Feed(Items.BasicFood, Now).Value;
        Assert.Equal(2, fed.NewLevel);
        Assert.Null(cat.Groom(Now).Value.NewLevel);
    }

    [Fact]
    public void Acting_on_a_cat_first_brings_its_stats_up_to_date()
    {
        var cat = ACat.Curious().Build();
        var fed = cat.Feed(Items.BasicFood, Now + TimeSpan.FromHours(10)).Value;
        Assert.Equal(30, fed.Before.Satiety); // 70 − 10 × 4
        Assert.Equal(55, fed.After.Satiety);
    }
}

using Purrr.Core.Rooms;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Rooms;

/// <summary>What room activities do to a cat (spec §7 costs; effects from Core's rules).</summary>
public class RoomActivityTests
{
    private static readonly DateTimeOffset Now = TestClock.Noon;

    [Theory]
    [InlineData(RoomActivity.Socialize, 2)]
    [InlineData(RoomActivity.Train, 4)]
    [InlineData(RoomActivity.Explore, 2)]
    [InlineData(RoomActivity.Groom, 1)]
    public void Each_activity_costs_its_energy(RoomActivity activity, int cost)
    {
        var cat = ACat.Curious().WithEnergy(80).Build();

        var outcome = cat.DoInRoom(activity, partner: null, Now).Value;

        Assert.Equal(-cost, outcome.EnergyChange);
        Assert.Equal(80 - cost, cat.Stats.Energy);
    }

    [Fact]
    public void A_nap_gives_two_energy_back()
    {
        var cat = ACat.Curious().WithEnergy(50).Build();

        cat.DoInRoom(RoomActivity.Nap, null, Now);

        Assert.Equal(52, cat.Stats.Energy);
    }

    [Fact]
    public void Play_costs_three_energy_and_makes_a_cat_happier()
    {
        var cat = ACat.Curious().Named("Tig").WithEnergy(80).WithHappiness(50).Build();

        var outcome = cat.DoInRoom(RoomActivity.Play, null, Now).Value;

        Assert.Equal(77, cat.Stats.Energy);
        Assert.Equal(54, cat.Stats.Happiness);
        Assert.Equal("Tig batted a feather around.", outcome.Message);
    }

    [Fact]
    public void A_playful_cat_gets_its_play_energy_back_and_more_happiness()
    {
        var cat = ACat.Playful().WithEnergy(80).WithHappiness(50).Build();

        cat.DoInRoom(RoomActivity.Play, null, Now);

        Assert.Equal(81, cat.Stats.Energy); // 3 spent, 4 refunded (×1.2)
        Assert.Equal(56, cat.Stats.Happiness); // 4 × 1.5
    }

    [Fact]
    public void A_lazy_cat_spends_less_energy()
    {
        var cat = ACat.Lazy().WithEnergy(80).Build();

        cat.DoInRoom(RoomActivity.Train, null, Now);

        Assert.Equal(77, cat.Stats.Energy); // 4 × 0.8 = 3.2 → 3
    }

    [Fact]
    public void Socialising_with_a_partner_builds_more_social_than_alone()
    {
        var alone = ACat.Curious().Build();
        var together = ACat.Curious().Build();

        alone.DoInRoom(RoomActivity.Socialize, null, Now);
        var outcome = together.DoInRoom(RoomActivity.Socialize, "Mochi", Now).Value;

        Assert.Equal(53, alone.Stats.Social);
        Assert.Equal(55, together.Stats.Social);
        Assert.Contains("touched noses with Mochi", outcome.Message);
    }

    [Fact]
    public void A_curious_cat_earns_more_xp_exploring()
    {
        var curious = ACat.Curious().Build().DoInRoom(RoomActivity.Explore, null, Now).Value;
        var aloof = ACat.Aloof().Build().DoInRoom(RoomActivity.Explore, null, Now).Value;

        Assert.Equal(3, curious.XpGained); // 2 × 1.25 = 2.5 → 3
        Assert.Equal(2, aloof.XpGained);
    }

    [Fact]
    public void A_cat_too_tired_for_the_activity_is_refused_and_unchanged()
    {
        var cat = ACat.Curious().Named("Tig").WithEnergy(3).Build();
        var before = cat.Stats;

        var refused = cat.DoInRoom(RoomActivity.Train, null, Now);

        Assert.Equal("Tig is too tired to train (energy 3, needs 4). A nap helps.", refused.FirstMessage);
        Assert.Equal(before, cat.Stats);
    }

    [Fact]
    public void A_tired_cat_can_still_nap()
    {
        var cat = ACat.Curious().WithEnergy(0).Build();

        Assert.True(cat.DoInRoom(RoomActivity.Nap, null, Now).Succeeded);
    }

    [Fact]
    public void Energy_spent_on_moves_is_booked_without_going_below_zero()
    {
        var cat = ACat.Curious().WithEnergy(5).Build();

        cat.SpendRoomEnergy(7, Now);

        Assert.Equal(0, cat.Stats.Energy);
    }
}

using Purrr.Core.Cats;
using Purrr.Core.Economy;
using Purrr.Core.ThreeD;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.ThreeD;

/// <summary>Clicks in the 3D room are the 2D care actions: same effects, cooldowns and refusals.</summary>
public sealed class SceneCareServiceTests : ServiceTestBase
{
    private SceneCareService Scene => new(Care, Inventory);

    private async Task<(Core.Common.UserId Owner, Cat Cat)> OwnerAndCatAsync(int happiness = 40)
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().Named("Mochi").OwnedBy(luna).WithHappiness(happiness).Build()))[0];
        return (luna, mochi);
    }

    private async Task<CatStats> StatsAsync(Cat cat, Core.Common.UserId owner) => (await Cats.GetProfileAsync(cat.Id, owner))!.Stats;

    [Fact]
    public async Task Petting_the_cat_grooms_it_raising_happiness_and_saving_it()
    {
        var (luna, mochi) = await OwnerAndCatAsync(happiness: 40);

        var petted = await Scene.InteractAsync(luna, mochi.Id, SceneTarget.Cat);

        Assert.True(petted.Succeeded);
        Assert.Equal(CareAction.Groom, petted.Value.Action);
        Assert.Equal(40 + Cat.GroomHappiness, (await StatsAsync(mochi, luna)).Happiness);
    }

    [Fact]
    public async Task Petting_again_during_the_cooldown_is_refused_with_the_2D_message_and_changes_nothing()
    {
        var (luna, mochi) = await OwnerAndCatAsync();
        await Scene.InteractAsync(luna, mochi.Id, SceneTarget.Cat);
        var before = await StatsAsync(mochi, luna);
        Clock.Advance(TimeSpan.FromMinutes(3));

        var again = await Scene.InteractAsync(luna, mochi.Id, SceneTarget.Cat);
        var viaButton = await Care.GroomAsync(luna, mochi.Id);

        Assert.False(again.Succeeded);
        Assert.Equal(viaButton.FirstMessage, again.FirstMessage);
        Assert.Equal("Mochi needs a break from that: try again in 7 min.", again.FirstMessage);
        Assert.Equal(before, await StatsAsync(mochi, luna));
    }

    [Fact]
    public async Task Someone_elses_cat_is_refused_like_in_2D_and_a_visitor_is_asked_to_sign_in()
    {
        var (luna, mochi) = await OwnerAndCatAsync();
        var milo = await NewPlayerAsync("milo");
        var before = await StatsAsync(mochi, luna);

        var refused = await Scene.InteractAsync(milo, mochi.Id, SceneTarget.Toy);
        var visitor = await Scene.InteractAsync(null, mochi.Id, SceneTarget.Cat);

        Assert.Equal((await Care.PlayAsync(milo, mochi.Id)).FirstMessage, refused.FirstMessage);
        Assert.Equal("Only a cat's owner can care for it.", refused.FirstMessage);
        Assert.Equal(SceneCareService.SignInFirst, visitor.FirstMessage);
        Assert.Equal(before, await StatsAsync(mochi, luna));
    }

    [Fact]
    public async Task The_toy_plays_and_the_bowl_serves_the_first_food_held()
    {
        var (luna, mochi) = await OwnerAndCatAsync();

        var played = await Scene.InteractAsync(luna, mochi.Id, SceneTarget.Toy);
        var fed = await Scene.InteractAsync(luna, mochi.Id, SceneTarget.Bowl);

        Assert.Equal(CareAction.Play, played.Value.Action);
        Assert.Equal("Mochi ate the basic food.", fed.Value.Message);
        Assert.Equal(4, (await Inventory.GetAsync(luna)).QuantityOf(Items.BasicFood));
    }

    [Fact]
    public async Task With_the_basic_food_gone_the_bowl_serves_premium_and_with_none_left_says_to_buy_more()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await Database.GiveItemsAsync(luna, Items.PremiumFood, 1);
        var mochi = (await Database.AddCatsAsync(ACat.Curious().Named("Mochi").OwnedBy(luna).Build()))[0];

        var fed = await Scene.InteractAsync(luna, mochi.Id, SceneTarget.Bowl);
        Clock.Advance(Cat.CareCooldown);
        var empty = await Scene.InteractAsync(luna, mochi.Id, SceneTarget.Bowl);

        Assert.Equal("Mochi ate the premium food.", fed.Value.Message);
        Assert.Equal("You have no basic food left. Buy more in the shop.", empty.FirstMessage);
    }

    [Fact]
    public async Task An_unknown_target_is_refused()
    {
        var (luna, mochi) = await OwnerAndCatAsync();
        var before = await StatsAsync(mochi, luna);

        var refused = await Scene.InteractAsync(luna, mochi.Id, (SceneTarget)42);

        Assert.Equal("Click the cat, its toy or its bowl.", refused.FirstMessage);
        Assert.Equal(before, await StatsAsync(mochi, luna));
    }
}

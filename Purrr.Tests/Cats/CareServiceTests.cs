using Microsoft.EntityFrameworkCore;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Cats;

[Trait("Category", "Integration")]
public sealed class CareServiceTests : ServiceTestBase
{
    [Fact]
    public async Task Feeding_eats_one_food_from_the_pantry_and_saves_the_cat()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];

        var fed = await Care.FeedAsync(luna, mochi.Id, Items.BasicFood.Key);

        Assert.True(fed.Succeeded);
        Assert.Equal(4, (await Inventory.GetAsync(luna)).QuantityOf(Items.BasicFood));
        var profile = await Cats.GetProfileAsync(mochi.Id, luna);
        Assert.Equal(95, profile!.Stats.Satiety);
        Assert.Equal(5, profile.Xp);
        Assert.Contains(Bus.Published, e => e is CatChanged);
    }

    [Fact]
    public async Task An_unknown_food_or_an_empty_shelf_gets_a_clear_message_and_nothing_changes()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];

        Assert.Equal("Choose a food from your pantry.", (await Care.FeedAsync(luna, mochi.Id, "caviar")).FirstMessage);
        Assert.True((await Care.FeedAsync(luna, mochi.Id, Items.PremiumFood.Key)).Succeeded);
        Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("You have no premium food left. Buy more in the shop.", (await Care.FeedAsync(luna, mochi.Id, Items.PremiumFood.Key)).FirstMessage);

        Assert.Equal(5, (await Inventory.GetAsync(luna)).QuantityOf(Items.BasicFood));
    }

    [Fact]
    public async Task A_cooldown_refusal_keeps_the_food()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];
        await Care.FeedAsync(luna, mochi.Id, Items.BasicFood.Key);

        var again = await Care.FeedAsync(luna, mochi.Id, Items.BasicFood.Key);

        Assert.StartsWith("Mochi needs a break from that", again.FirstMessage);
        Assert.Equal(4, (await Inventory.GetAsync(luna)).QuantityOf(Items.BasicFood));
    }

    [Fact]
    public async Task Nobody_cares_for_another_players_cat()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];

        Assert.Equal("Only a cat's owner can care for it.", (await Care.PlayAsync(milo, mochi.Id)).FirstMessage);
    }

    [Fact]
    public async Task A_level_up_is_stored_in_the_cats_life()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).AtLevel(2).Build()))[0];
        await using (var db = Database.NewContext())
        {
            var stored = await db.Cats.FirstAsync();
            stored.GainXp(245); // 200 + 245 = 445: 5 XP short of level 3 (450)
            await db.SaveChangesAsync();
        }

        var played = await Care.PlayAsync(luna, mochi.Id);

        Assert.Equal(3, played.Value.NewLevel);
        var moments = await Cats.GetTimelineAsync(mochi.Id, luna, 10);
        Assert.Contains(moments, m => m.Detail == "Mochi reached level 3.");
    }
}

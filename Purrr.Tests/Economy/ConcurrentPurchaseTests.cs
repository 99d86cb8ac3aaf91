using Microsoft.EntityFrameworkCore;
using Purrr.Core.Economy;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Economy;

[Trait("Category", "Integration")]
public sealed class ConcurrentPurchaseTests : ServiceTestBase
{
    [Fact]
    public async Task Fifty_simultaneous_purchases_against_a_balance_that_covers_ten_sell_exactly_ten_and_leave_zero()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await Database.GiveCoinsAsync(luna, 10 * Items.BasicFood.Price);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => Inventory.BuyAsync(luna, Items.BasicFood.Key, 1, $"click-{i}"))));

        Assert.Equal(10, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.StartsWith("Not enough coins", r.FirstMessage));
        var pantry = await Inventory.GetAsync(luna);
        Assert.Equal((0L, 10), (pantry.Coins, pantry.QuantityOf(Items.BasicFood)));
        await using var db = Database.NewContext();
        var ledger = await db.LedgerEntries.Where(e => e.PlayerId == luna).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(0, ledger.Sum(e => e.Amount)); // the balance is exactly what the ledger says
        Assert.Equal(0, ledger[^1].BalanceAfter);
        Assert.Equal(10, ledger.Count(e => e.Amount == -Items.BasicFood.Price));
    }
}

[Trait("Category", "Integration")]
public sealed class ConcurrentItemUseTests : ServiceTestBase
{
    [Fact]
    public async Task Five_cats_fed_at_once_with_the_last_premium_food_eat_it_once()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await Database.GiveItemsAsync(luna, Items.PremiumFood, 1);
        var cats = await Database.AddCatsAsync(Enumerable.Range(0, 5).Select(i => ACat.Curious().Named($"Cat {i}").OwnedBy(luna).Build()).ToArray());

        var fed = await Task.WhenAll(cats.Select(c => Task.Run(() => Care.FeedAsync(luna, c.Id, Items.PremiumFood.Key))));

        Assert.Equal(1, fed.Count(r => r.Succeeded));
        Assert.Equal(0, (await Inventory.GetAsync(luna)).QuantityOf(Items.PremiumFood));
        await using var db = Database.NewContext();
        Assert.Equal(1, await db.ActivityEvents.CountAsync(a => a.PlayerId == luna && a.Kind == Core.Activity.ActivityKind.CatFed));
    }

    [Fact]
    public async Task A_purchase_racing_a_feed_keeps_both()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await Database.GiveCoinsAsync(luna, 1_000);
        await Database.GiveItemsAsync(luna, Items.BasicFood, 3);
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];

        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(
                Task.Run(() => Inventory.BuyAsync(luna, Items.BasicFood.Key, 5, $"buy-{round}")),
                Task.Run(async () => { await Care.FeedAsync(luna, mochi.Id, Items.BasicFood.Key); }));
            Clock.Advance(TimeSpan.FromHours(1)); // past the feeding cooldown
        }

        await using var db = Database.NewContext();
        var fed = await db.ActivityEvents.CountAsync(a => a.PlayerId == luna && a.Kind == Core.Activity.ActivityKind.CatFed);
        Assert.Equal(3 + 5 * 5 - fed, (await Inventory.GetAsync(luna)).QuantityOf(Items.BasicFood)); // nothing bought or eaten is lost
    }
}

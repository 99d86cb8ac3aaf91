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

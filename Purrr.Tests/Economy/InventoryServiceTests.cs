using Microsoft.EntityFrameworkCore;
using Purrr.Core.Economy;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Economy;

[Trait("Category", "Integration")]
public sealed class InventoryServiceTests : ServiceTestBase
{
    [Fact]
    public async Task Buying_food_takes_coins_adds_to_the_pantry_and_writes_the_ledger()
    {
        var luna = await NewPlayerAsync("luna");

        var pantry = (await Inventory.BuyAsync(luna, Items.PremiumFood.Key, 2, "key-1")).Value;

        Assert.Equal(440, pantry.Coins);
        Assert.Equal(3, pantry.QuantityOf(Items.PremiumFood));
        await using var db = Database.NewContext();
        var entries = await db.LedgerEntries.Where(e => e.PlayerId == luna).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([(500L, 500L), (-60L, 440L)], entries.Select(e => (e.Amount, e.BalanceAfter)));
        Assert.Equal("item:premium_foodx2", entries[1].Reference);
    }

    [Fact]
    public async Task The_same_purchase_retried_is_charged_once()
    {
        var luna = await NewPlayerAsync("luna");

        await Inventory.BuyAsync(luna, Items.BasicFood.Key, 1, "same-click");
        var retried = await Inventory.BuyAsync(luna, Items.BasicFood.Key, 1, "same-click");

        Assert.True(retried.Succeeded);
        Assert.Equal(490, retried.Value.Coins);
        Assert.Equal(6, retried.Value.QuantityOf(Items.BasicFood));
    }

    [Theory]
    [InlineData("basic_food", 0, "Buy between 1 and 99 at a time.")]
    [InlineData("basic_food", -3, "Buy between 1 and 99 at a time.")]
    [InlineData("basic_food", 100, "Buy between 1 and 99 at a time.")]
    [InlineData("gold_bar", 1, "That item isn't sold here.")]
    [InlineData("premium_food", 17, "Not enough coins: this costs 510 and you have 500.")]
    public async Task Bad_purchases_are_refused_and_change_nothing(string item, int quantity, string message)
    {
        var luna = await NewPlayerAsync("luna");

        var refused = await Inventory.BuyAsync(luna, item, quantity, "k");

        Assert.Equal(message, refused.FirstMessage);
        var pantry = await Inventory.GetAsync(luna);
        Assert.Equal((500, 5, 1), (pantry.Coins, pantry.QuantityOf(Items.BasicFood), pantry.QuantityOf(Items.PremiumFood)));
    }
}

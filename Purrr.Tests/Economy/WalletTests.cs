using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Economy;

[Trait("Category", "Unit")]
public class WalletTests
{
    private static Player APlayer(long coins)
    {
        var player = Player.Create(UserId.New(), "luna", "UTC", TestClock.Noon);
        if (coins > 0)
            Wallet.Credit(player, coins, LedgerReason.WelcomeGift, "test", TestClock.Noon);
        return player;
    }

    [Fact]
    public void Spending_lowers_the_balance_and_writes_a_negative_entry_with_the_running_balance()
    {
        var player = APlayer(100);
        var entry = Wallet.Spend(player, 30, LedgerReason.Purchase, "item:basic_food", "key", TestClock.Noon).Value;

        Assert.Equal(70, player.Coins);
        Assert.Equal((-30L, 70L, LedgerReason.Purchase, "item:basic_food", "key"), (entry.Amount, entry.BalanceAfter, entry.Reason, entry.Reference, entry.IdempotencyKey));
    }

    [Fact]
    public void A_balance_never_goes_negative()
    {
        var player = APlayer(29);
        var refused = Wallet.Spend(player, 30, LedgerReason.Purchase, "x", "k", TestClock.Noon);

        Assert.Equal("Not enough coins: this costs 30 and you have 29.", refused.FirstMessage);
        Assert.Equal(29, player.Coins);
        Assert.True(Wallet.Spend(player, 29, LedgerReason.Purchase, "x", "k2", TestClock.Noon).Succeeded);
        Assert.Equal(0, player.Coins);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Spending_nothing_or_less_is_refused(long amount) =>
        Assert.Equal("The amount must be positive.", Wallet.Spend(APlayer(100), amount, LedgerReason.Purchase, "x", "k", TestClock.Noon).FirstMessage);

    [Fact]
    public void Every_change_moves_the_concurrency_version_so_racing_spends_conflict()
    {
        var player = APlayer(100);
        var before = player.Version;
        Wallet.Spend(player, 10, LedgerReason.Purchase, "x", "k", TestClock.Noon);
        Assert.True(player.Version > before);
    }

    [Fact]
    public void A_new_player_starts_with_500_coins_and_food_for_their_first_cat()
    {
        var player = Player.Create(UserId.New(), "luna", "UTC", TestClock.Noon);
        var (gift, pantry) = Wallet.WelcomePlayer(player, TestClock.Noon);

        Assert.Equal((500L, 500L, LedgerReason.WelcomeGift), (gift.Amount, gift.BalanceAfter, gift.Reason));
        Assert.Equal(500, player.Coins);
        Assert.Equal([("basic_food", 5), ("premium_food", 1)], pantry.Select(i => (i.ItemKey, i.Quantity)));
    }
}

using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Economy;

namespace Purrr.Tests.Economy;

[Trait("Category", "Unit")]
public sealed class LedgerDescriptionTests
{
    private static readonly Player Luna = Player.Create(UserId.New(), "luna", "UTC", DateTimeOffset.UnixEpoch);

    private static string Describe(LedgerReason reason, string reference) =>
        WalletService.Describe(Wallet.Credit(Luna, 1, reason, reference, DateTimeOffset.UnixEpoch));

    [Fact]
    public void Every_kind_of_coin_movement_reads_as_words_not_as_a_code()
    {
        foreach (var reason in Enum.GetValues<LedgerReason>())
        {
            var described = Describe(reason, "x");
            Assert.NotEqual("Coins", described);
            Assert.NotEqual(reason.ToString(), described);
        }
    }

    [Theory]
    [InlineData(LedgerReason.Purchase, "item:basic_foodx2", "Bought 2 × basic food")]
    [InlineData(LedgerReason.ZonePurchase, "zone:0198f3a2-0000-7000-8000-000000000001", "Night watch protection zone")]
    [InlineData(LedgerReason.BreedingFee, "pregnancy:0198f3a2-0000-7000-8000-000000000001", "Breeding (kittens on the way)")]
    [InlineData(LedgerReason.BreedingFee, "breeding:attempt", "Breeding (didn't take)")]
    public void A_line_says_what_the_coins_were_for(LedgerReason reason, string reference, string described) =>
        Assert.Equal(described, Describe(reason, reference));
}

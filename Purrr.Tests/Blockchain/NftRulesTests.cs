using System.Text.Json;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Blockchain;

public sealed class NftRulesTests
{
    private static readonly DateTimeOffset Now = TestClock.Noon;

    private static ChainTransaction Sent() => ChainTransaction.Sent("0x" + new string('a', 64), ChainTransactionKind.Mint, 1337, CatId.New(), UserId.New(), TestWallets.AliceAddress, TestWallets.BobAddress, null, Now);

    private static ChainReceipt Receipt(long block, bool ok = true, long gasUsed = 100_000) =>
        new(ok, block, gasUsed, 120_000, 2_000_000_000m, ok ? 7 : null);

    [Fact]
    public void A_sent_transaction_stays_pending_until_its_receipt_exists()
    {
        var tx = Sent();

        Assert.Equal(TransactionStep.Unchanged, NftTransactions.Advance(tx, null, 100, 3, Now));
        Assert.Equal(NftStatus.Pending, tx.Status);
    }

    [Fact]
    public void A_receipt_makes_it_mined_with_its_block_gas_fee_and_token_then_confirmed_after_N_blocks()
    {
        var tx = Sent();

        Assert.Equal(TransactionStep.Mined, NftTransactions.Advance(tx, Receipt(block: 50), latestBlock: 50, confirmations: 3, Now));
        Assert.Equal((NftStatus.Mined, 50L, 100_000L, 200_000_000_000_000m, 7L), (tx.Status, tx.BlockNumber!.Value, tx.GasUsed!.Value, tx.FeeWei!.Value, tx.TokenId!.Value));
        Assert.Equal(TransactionStep.Unchanged, NftTransactions.Advance(tx, null, latestBlock: 51, confirmations: 3, Now));
        Assert.Equal(TransactionStep.Confirmed, NftTransactions.Advance(tx, null, latestBlock: 52, confirmations: 3, Now.AddSeconds(30)));
        Assert.Equal((NftStatus.Confirmed, Now.AddSeconds(30)), (tx.Status, tx.ConfirmedAt!.Value));
        Assert.Equal(TransactionStep.Unchanged, NftTransactions.Advance(tx, null, latestBlock: 99, confirmations: 3, Now));
    }

    [Fact]
    public void With_one_confirmation_a_mined_transaction_is_confirmed_at_once()
    {
        var tx = Sent();

        Assert.Equal(TransactionStep.Confirmed, NftTransactions.Advance(tx, Receipt(block: 50), latestBlock: 50, confirmations: 1, Now));
    }

    [Theory]
    [InlineData(30_000, "The contract refused the transaction (it was reverted on chain).")]
    [InlineData(120_000, "The transaction ran out of gas on chain.")]
    public void A_reverted_receipt_fails_the_transaction_for_good_with_the_reason(long gasUsed, string reason)
    {
        var tx = Sent();

        Assert.Equal(TransactionStep.Failed, NftTransactions.Advance(tx, Receipt(block: 50, ok: false, gasUsed: gasUsed), 60, 3, Now));
        Assert.Equal((NftStatus.Failed, reason), (tx.Status, tx.Error));
        Assert.Equal(gasUsed * 2_000_000_000m, tx.FeeWei); // the gas is spent all the same
        Assert.Equal(TransactionStep.Unchanged, NftTransactions.Advance(tx, Receipt(block: 50), 60, 3, Now));
    }

    [Fact]
    public void The_metadata_names_the_cat_draws_it_and_lists_the_seven_attributes()
    {
        var cat = ACat.Playful().Named("Mochi").OfBreed("siamese").WithHappiness(81).WithEnergy(64).WithIntelligence(55).Build();

        var metadata = NftMetadata.For(cat, $"https://purrr.test/cats/{cat.Id}", "data:image/svg+xml;base64,PHN2Zz4=");
        var json = JsonDocument.Parse(JsonSerializer.Serialize(metadata)).RootElement;

        Assert.Equal("Mochi", json.GetProperty("name").GetString());
        Assert.Equal("Mochi, a playful Siamese raised on Purrr.", json.GetProperty("description").GetString());
        Assert.Equal("data:image/svg+xml;base64,PHN2Zz4=", json.GetProperty("image").GetString());
        Assert.Equal($"https://purrr.test/cats/{cat.Id}", json.GetProperty("external_url").GetString());
        var attributes = json.GetProperty("attributes").EnumerateArray().ToDictionary(a => a.GetProperty("trait_type").GetString()!, a => a.GetProperty("value").ToString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["breed"] = "Siamese", ["personality"] = "Playful", ["level"] = "1", ["happiness"] = "81", ["energy"] = "64", ["intelligence"] = "55", ["rarity"] = "Common",
        }, attributes);
    }

    [Fact]
    public void The_token_uri_names_only_the_cat()
    {
        var cat = new CatId(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));

        Assert.Equal("nft/cats/0f8fad5b-d9cb-469f-a165-70867728950e.json", NftMetadata.TokenUriPath(cat));
    }

    [Theory]
    [InlineData("0x" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12", true)]
    [InlineData("0x1234", false)]
    [InlineData("ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12", false)]
    [InlineData(null, false)]
    public void Transaction_hashes_are_checked_before_anything_is_recorded(string? hash, bool valid) =>
        Assert.Equal(valid, WalletRules.IsTransactionHash(hash));
}

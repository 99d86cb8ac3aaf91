using Microsoft.EntityFrameworkCore;
using Purrr.Core.Blockchain;

namespace Purrr.Tests.Blockchain;

/// <summary>The background NFT sync re-reads only the tokens that moved since its last pass (Transfer events), not every minted token.</summary>
public sealed class IncrementalNftSyncTests : NftTestBase
{
    [Fact]
    public async Task After_a_full_first_pass_only_tokens_with_a_transfer_since_are_read_again_and_every_token_after_the_full_pass_interval()
    {
        await BlockchainOnAsync();
        var owner = await NewPlayerAsync("luna");
        await LinkWalletAsync(owner, TestWallets.BobKey, TestWallets.BobAddress);
        var cats = new List<Core.Cats.Cat>();
        foreach (var name in new[] { "Mochi", "Tofu", "Pixel" })
        {
            var cat = await CatOfAsync(owner, name);
            Assert.True((await Nfts.MintAsync(owner, cat.Id, AppUrl)).Succeeded);
            cats.Add(cat);
        }
        Scripted.MineAll();
        var sync = Sync; // one sync, as the app's singleton worker uses it

        await sync.TickAsync();
        Assert.Equal(3, Scripted.OwnerReads); // the first pass reads every token

        await sync.TickAsync();
        Assert.Equal(3, Scripted.OwnerReads); // nothing moved: nothing read

        Scripted.TransferOutside(2, TestWallets.DaveAddress);
        await sync.TickAsync();
        Assert.Equal(4, Scripted.OwnerReads); // only token 2
        var moved = await Nfts.GetAsync(cats[1].Id);
        Assert.Equal((TestWallets.DaveAddress, true), (moved.HolderAddress, moved.HeldOutsidePurrr));
        Assert.False((await Nfts.GetAsync(cats[0].Id)).HeldOutsidePurrr);

        // A cat minted meanwhile is read at once, though its mint block is older than what the sync read last.
        var late = await CatOfAsync(owner, "Nova");
        Assert.True((await Nfts.MintAsync(owner, late.Id, AppUrl)).Succeeded);
        Scripted.MineAll();
        await sync.TickAsync();
        Assert.Equal(5, Scripted.OwnerReads);
        await using (var db = Database.NewContext())
            Assert.Equal(TestWallets.BobAddress, (await db.CatNfts.SingleAsync(n => n.CatId == late.Id)).HolderAddress);

        Clock.Advance(NftOwnershipSync.FullPassEvery);
        await sync.TickAsync();
        Assert.Equal(9, Scripted.OwnerReads); // the periodic full pass: all four again
    }

    [Fact]
    public async Task A_pass_that_fails_on_the_chain_reads_the_same_range_again_next_time()
    {
        await BlockchainOnAsync();
        var owner = await NewPlayerAsync("luna");
        await LinkWalletAsync(owner, TestWallets.BobKey, TestWallets.BobAddress);
        var cat = await CatOfAsync(owner);
        Assert.True((await Nfts.MintAsync(owner, cat.Id, AppUrl)).Succeeded);
        Scripted.MineAll();
        var sync = Sync;
        await sync.TickAsync();

        Scripted.TransferOutside(1, TestWallets.DaveAddress);
        Scripted.Down = true;
        await Assert.ThrowsAsync<ChainUnavailableException>(() => sync.TickAsync());
        Scripted.Down = false;
        await sync.TickAsync();

        var view = await Nfts.GetAsync(cat.Id);
        Assert.Equal((TestWallets.DaveAddress, true), (view.HolderAddress, view.HeldOutsidePurrr));
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Blockchain;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Blockchain;

/// <summary>Minting, the transaction states, gas entries and ownership, over a real database and a scripted chain.</summary>
public sealed class NftServiceTests : NftTestBase
{
    private async Task<(Core.Common.UserId Owner, Core.Cats.Cat Cat)> OwnerWithWalletAndCatAsync()
    {
        await BlockchainOnAsync();
        var owner = await NewPlayerAsync("luna");
        await LinkWalletAsync(owner, TestWallets.BobKey, TestWallets.BobAddress);
        return (owner, await CatOfAsync(owner));
    }

    private async Task<(int Nfts, int Transactions, int Gas)> StoredAsync()
    {
        await using var db = Database.NewContext();
        return (await db.CatNfts.CountAsync(), await db.ChainTransactions.CountAsync(), await db.GasLedger.CountAsync());
    }

    [Fact]
    public async Task The_owner_mints_to_their_linked_wallet_with_the_cats_token_uri_and_the_mint_is_recorded_pending()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();

        var minted = await Nfts.MintAsync(owner, cat.Id, AppUrl);

        Assert.True(minted.Succeeded, minted.FirstMessage);
        Assert.Equal((TestWallets.BobAddress, $"https://purrr.test/nft/cats/{cat.Id}.json"), Assert.Single(Scripted.Mints));
        Assert.Equal((NftStatus.Pending, (long?)null), (minted.Value.Status, minted.Value.TokenId));
        var tx = Assert.Single(minted.Value.Transactions);
        Assert.Equal((ChainTransactionKind.Mint, TestWallets.AliceAddress, TestWallets.BobAddress, NftStatus.Pending), (tx.Kind, tx.From, tx.To, tx.Status));
        Assert.Contains(Bus.Published, e => e is NftChanged changed && changed.Cat == cat.Id);
        Assert.Equal("pending", CatNftStatus.Of(minted.Value).Status);
    }

    [Fact]
    public async Task The_sync_moves_a_mint_to_mined_with_the_token_id_then_confirmed_after_three_blocks_recording_the_gas_once()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        await Nfts.MintAsync(owner, cat.Id, AppUrl);

        Scripted.MineAll();
        await Sync.TickAsync();
        var mined = await Nfts.GetAsync(cat.Id);
        Scripted.Mine(2);
        await Sync.TickAsync();
        await Sync.TickAsync(); // a pass twice changes nothing
        var confirmed = await Nfts.GetAsync(cat.Id);

        Assert.Equal((NftStatus.Mined, 1L), (mined.Status, mined.TokenId!.Value));
        Assert.Equal((NftStatus.Confirmed, 1L, TestWallets.BobAddress, false), (confirmed.Status, confirmed.TokenId!.Value, confirmed.HolderAddress, confirmed.HeldOutsidePurrr));
        Assert.Equal("confirmed", CatNftStatus.Of(confirmed).Status);
        Assert.True(CatNftStatus.Of(confirmed).Minted);
        await using var db = Database.NewContext();
        var gas = await db.GasLedger.SingleAsync();
        Assert.Equal((confirmed.TransactionHash, cat.Id, owner, 100_000 * ScriptedNftChain.GasPriceWei), (gas.TransactionHash, gas.CatId, gas.PlayerId, gas.FeeWei));
        var ledger = await Nfts.LedgerAsync();
        Assert.Equal((100_000 * ScriptedNftChain.GasPriceWei, 1), (ledger.GasPaidWei, ledger.GasEntries));
        Assert.Equal(NftStatus.Confirmed, Assert.Single(ledger.Recent).Status);
    }

    [Fact]
    public async Task A_cat_is_minted_once_a_second_mint_is_refused_and_nothing_more_is_sent()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        await Nfts.MintAsync(owner, cat.Id, AppUrl);

        var whilePending = await Nfts.MintAsync(owner, cat.Id, AppUrl);
        Scripted.MineAll();
        await Sync.TickAsync();
        var afterMined = await Nfts.MintAsync(owner, cat.Id, AppUrl);

        Assert.Equal("Mochi is already being minted. Watch the progress here.", whilePending.FirstMessage);
        Assert.Equal("Mochi is already minted (token #1). A cat is minted once.", afterMined.FirstMessage);
        Assert.Single(Scripted.Mints);
        Assert.Equal((1, 1, 1), await StoredAsync());
    }

    [Fact]
    public async Task Two_clicks_at_once_send_one_mint()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();

        var results = await Task.WhenAll(Task.Run(() => Nfts.MintAsync(owner, cat.Id, AppUrl)), Task.Run(() => Nfts.MintAsync(owner, cat.Id, AppUrl)));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal("Mochi is already being minted. Watch the progress here.", Assert.Single(results, r => !r.Succeeded).FirstMessage);
        Assert.Single(Scripted.Mints);
    }

    [Fact]
    public async Task Someone_elses_cat_a_missing_wallet_and_the_switched_off_feature_are_refused_with_nothing_stored()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        var other = await NewPlayerAsync("milo");
        await LinkWalletAsync(other, TestWallets.CarolKey, TestWallets.CarolAddress);
        var noWallet = await NewPlayerAsync("nova");
        var novasCat = await CatOfAsync(noWallet, "Pixel");

        var notYours = await Nfts.MintAsync(other, cat.Id, AppUrl);
        var withoutWallet = await Nfts.MintAsync(noWallet, novasCat.Id, AppUrl);
        Assert.True((await Flags.SetAsync(Core.Admin.Feature.Blockchain, false, owner)).Succeeded);
        var off = await Nfts.MintAsync(owner, cat.Id, AppUrl);

        Assert.Equal(NftService.NotYourCat, notYours.FirstMessage);
        Assert.Equal(NftService.NoWallet, withoutWallet.FirstMessage);
        Assert.Equal("Blockchain is switched off for now. Everything you have is kept; check back later.", off.FirstMessage);
        Assert.Empty(Scripted.Mints);
        Assert.Equal((0, 0, 0), await StoredAsync());
    }

    [Fact]
    public async Task An_unreachable_chain_is_said_plainly_and_leaves_nothing_stored_so_the_owner_can_try_again()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        Scripted.Down = true;

        var down = await Nfts.MintAsync(owner, cat.Id, AppUrl);

        Assert.Equal("The mint could not be sent: The chain at http://127.0.0.1:8545 does not answer. Check that the node is running. Nothing was spent; try again later.", down.FirstMessage);
        Assert.Equal((0, 0, 0), await StoredAsync());
        Assert.Null((await Nfts.GetAsync(cat.Id)).Status);

        Scripted.Down = false;
        Assert.True((await Nfts.MintAsync(owner, cat.Id, AppUrl)).Succeeded);
    }

    [Fact]
    public async Task A_mint_without_a_contract_or_chain_is_refused()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        ChainOptions.ContractAddress = null;

        var noContract = await Nfts.MintAsync(owner, cat.Id, AppUrl);
        ChainOptions.RpcUrl = null;
        var noChain = await Nfts.MintAsync(owner, cat.Id, AppUrl);

        Assert.Equal(NftService.NoContract, noContract.FirstMessage);
        Assert.Equal(NftService.NoChain, noChain.FirstMessage);
        Assert.Equal((0, 0, 0), await StoredAsync());
    }

    [Fact]
    public async Task A_reverted_mint_fails_with_its_reason_its_gas_is_recorded_and_only_the_owner_retrying_sends_again()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        await Nfts.MintAsync(owner, cat.Id, AppUrl);
        Scripted.RevertNext = true;
        Scripted.OutOfGas = true;
        Scripted.MineAll();

        await Sync.TickAsync();
        await Sync.TickAsync();
        var failed = await Nfts.GetAsync(cat.Id);

        Assert.Equal((NftStatus.Failed, "The transaction ran out of gas on chain."), (failed.Status, failed.Error));
        Assert.Equal("failed", CatNftStatus.Of(failed).Status);
        Assert.Single(Scripted.Mints); // the sync never retries on its own
        Assert.Equal((1, 1, 1), await StoredAsync());

        Clock.Advance(TimeSpan.FromMinutes(5));
        var retried = await Nfts.MintAsync(owner, cat.Id, AppUrl);
        Scripted.MineAll();
        await Sync.TickAsync();

        Assert.True(retried.Succeeded, retried.FirstMessage);
        Assert.Equal(2, Scripted.Mints.Count);
        var view = await Nfts.GetAsync(cat.Id);
        Assert.Equal((NftStatus.Mined, 1L, (string?)null), (view.Status, view.TokenId!.Value, view.Error));
        Assert.Equal([NftStatus.Mined, NftStatus.Failed], view.Transactions.Select(t => t.Status));
        Assert.Equal((1, 2, 2), await StoredAsync());
    }

    [Fact]
    public async Task A_token_moved_to_another_players_wallet_makes_the_cat_theirs_and_tells_the_old_owner()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        var buyer = await NewPlayerAsync("milo");
        await LinkWalletAsync(buyer, TestWallets.CarolKey, TestWallets.CarolAddress);
        await Nfts.MintAsync(owner, cat.Id, AppUrl);
        Scripted.MineAll();
        await Sync.TickAsync();

        var request = await Nfts.PrepareTransferAsync(owner, cat.Id, TestWallets.CarolAddress.ToLowerInvariant());
        Assert.True(request.Succeeded, request.FirstMessage);
        Assert.Equal((TestWallets.BobAddress, TestWallets.CarolAddress, ScriptedNftChain.Contract, 1L), (request.Value.From, request.Value.To, request.Value.Contract, request.Value.TokenId));
        Assert.StartsWith("0x42842e0e", request.Value.Data); // safeTransferFrom(address,address,uint256)
        var hash = "0x" + new string('b', 64);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var recorded = await Nfts.RecordTransferAsync(owner, cat.Id, TestWallets.CarolAddress, hash);
        Assert.True(recorded.Succeeded, recorded.FirstMessage);
        Assert.Equal("A transfer of Mochi is already on its way. Wait until it is confirmed.", (await Nfts.PrepareTransferAsync(owner, cat.Id, TestWallets.DaveAddress)).FirstMessage);

        Scripted.MineTransfer(hash, 1, TestWallets.CarolAddress);
        await Sync.TickAsync();
        await Sync.TickAsync();

        await using var db = Database.NewContext();
        Assert.Equal(buyer, (await db.Cats.SingleAsync(c => c.Id == cat.Id)).OwnerId);
        var view = await Nfts.GetAsync(cat.Id);
        Assert.Equal((TestWallets.CarolAddress, false), (view.HolderAddress, view.HeldOutsidePurrr));
        Assert.Equal(ChainTransactionKind.Transfer, view.Transactions[0].Kind);
        var told = await db.Notifications.Where(n => n.Type == NotificationType.System).Select(n => new { n.RecipientId, n.Text }).ToListAsync();
        Assert.Contains(told, n => n.RecipientId == owner && n.Text == "Mochi has a new owner: its NFT moved to another player's wallet.");
        Assert.Contains(told, n => n.RecipientId == buyer && n.Text == "Mochi is yours now: its NFT arrived in your linked wallet.");
        Assert.Equal(2, told.Count);
        Assert.Single(await db.GasLedger.ToListAsync()); // the holder paid for the transfer, not the platform
    }

    [Fact]
    public async Task A_token_on_an_address_no_player_linked_is_held_outside_Purrr_and_the_cat_stays_with_its_owner()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        await Nfts.MintAsync(owner, cat.Id, AppUrl);
        Scripted.MineAll();
        await Sync.TickAsync();

        Scripted.Holders[1] = TestWallets.DaveAddress; // moved by a wallet outside Purrr
        var refreshed = await Nfts.RefreshAsync(cat.Id);

        Assert.Equal((TestWallets.DaveAddress, true), (refreshed.HolderAddress, refreshed.HeldOutsidePurrr));
        Assert.True(CatNftStatus.Of(refreshed).HeldOutsidePurrr);
        await using var db = Database.NewContext();
        Assert.Equal(owner, (await db.Cats.SingleAsync(c => c.Id == cat.Id)).OwnerId);
        Assert.Equal("The NFT is held by 0x90F79bf6EB2c4f870365E785982E1f101E93b906, not by your linked wallet: only its holder can transfer it.",
            (await Nfts.PrepareTransferAsync(owner, cat.Id, TestWallets.CarolAddress)).FirstMessage);
    }

    [Fact]
    public async Task A_transfer_to_a_malformed_address_or_with_a_malformed_hash_records_nothing()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        var beforeMint = await Nfts.PrepareTransferAsync(owner, cat.Id, TestWallets.CarolAddress);
        await Nfts.MintAsync(owner, cat.Id, AppUrl);
        Scripted.MineAll();
        await Sync.TickAsync();

        var malformed = await Nfts.PrepareTransferAsync(owner, cat.Id, "0x1234");
        var same = await Nfts.PrepareTransferAsync(owner, cat.Id, TestWallets.BobAddress);
        var badHash = await Nfts.RecordTransferAsync(owner, cat.Id, TestWallets.CarolAddress, "0xnothash");

        Assert.Equal("Mochi has no minted NFT to transfer yet.", beforeMint.FirstMessage);
        Assert.Equal(WalletLinkService.MalformedAddress, malformed.FirstMessage);
        Assert.Equal("The NFT is already in that wallet.", same.FirstMessage);
        Assert.Equal(NftService.MalformedHash, badHash.FirstMessage);
        Assert.Equal((1, 1, 1), await StoredAsync());
    }

    [Fact]
    public async Task A_mint_reserved_but_never_sent_is_called_interrupted_after_ten_minutes_so_the_owner_can_retry()
    {
        var (owner, cat) = await OwnerWithWalletAndCatAsync();
        await using (var db = Database.NewContext())
        {
            db.CatNfts.Add(CatNft.Reserve(cat.Id, owner, 1337, ScriptedNftChain.Contract, $"{AppUrl}nft/cats/{cat.Id}.json", TestWallets.BobAddress, Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        Clock.Advance(TimeSpan.FromMinutes(9));
        await Sync.TickAsync();
        var waiting = await Nfts.GetAsync(cat.Id);
        Clock.Advance(TimeSpan.FromMinutes(2));
        await Sync.TickAsync();
        var interrupted = await Nfts.GetAsync(cat.Id);

        Assert.Equal(NftStatus.Pending, waiting.Status);
        Assert.Equal((NftStatus.Failed, NftOwnershipSync.InterruptedMint), (interrupted.Status, interrupted.Error));
        Assert.True((await Nfts.MintAsync(owner, cat.Id, AppUrl)).Succeeded);
    }
}

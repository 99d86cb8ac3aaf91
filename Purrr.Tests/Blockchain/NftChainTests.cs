using Microsoft.EntityFrameworkCore;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;
using Purrr.Data.Blockchain;

namespace Purrr.Tests.Blockchain;

/// <summary>
/// Cat NFTs on a real chain (the shared Hardhat node): deploy through the admin service, link wallets by signature, mint a
/// cat, read its token from the receipt, check ownerOf/tokenURI, transfer with the holder's key and see Purrr follow.
/// </summary>
[Collection(ChainCollection.Name)]
[Trait("Category", "Integration")]
public sealed class NftChainTests : NftTestBase
{
    private readonly HardhatChain chain;
    private readonly NethereumNftChain nethereum = new();

    public NftChainTests(HardhatChain chain)
    {
        this.chain = chain;
        ChainOptions = new BlockchainOptions { RpcUrl = chain.RpcUrl, ChainId = HardhatChain.ChainId, MinterKey = TestWallets.AliceKey, Confirmations = 3 };
    }

    protected override INftChain Chain => nethereum;

    private async Task<(UserId Admin, string Contract)> DeployedAsync()
    {
        var admin = await BlockchainOnAsync();
        var deployed = await ChainAdmin.DeployAsync(admin);
        Assert.True(deployed.Succeeded, deployed.FirstMessage);
        return (admin, deployed.Value.Address);
    }

    private Nethereum.Contracts.Contract PurrrCats(string address) => new Web3(chain.RpcUrl).Eth.GetContract(PurrrCatsArtifact.Instance.Abi, address);

    [Fact]
    public async Task A_cat_is_minted_confirmed_transferred_by_its_holder_and_changes_owner_in_Purrr()
    {
        var (_, contract) = await DeployedAsync();
        var owner = await NewPlayerAsync("luna");
        var buyer = await NewPlayerAsync("milo");
        await LinkWalletAsync(owner, TestWallets.BobKey, TestWallets.BobAddress);
        await LinkWalletAsync(buyer, TestWallets.CarolKey, TestWallets.CarolAddress);
        var cat = await CatOfAsync(owner);

        var sync = Sync; // one sync throughout, as in the app: after its first pass it follows the Transfer events
        var minted = await Nfts.MintAsync(owner, cat.Id, AppUrl);
        Assert.True(minted.Succeeded, minted.FirstMessage);
        Assert.Equal(NftStatus.Pending, minted.Value.Status);

        await sync.TickAsync();
        var mined = await Nfts.GetAsync(cat.Id);
        await chain.MineAsync(2);
        await sync.TickAsync();
        var confirmed = await Nfts.GetAsync(cat.Id);

        Assert.Equal(NftStatus.Mined, mined.Status);
        Assert.Equal((NftStatus.Confirmed, 1L, contract), (confirmed.Status, confirmed.TokenId!.Value, confirmed.ContractAddress));
        var purrrCats = PurrrCats(contract);
        Assert.Equal(TestWallets.BobAddress, await purrrCats.GetFunction("ownerOf").CallAsync<string>(1), StringComparer.OrdinalIgnoreCase);
        Assert.Equal($"https://purrr.test/nft/cats/{cat.Id}.json", await purrrCats.GetFunction("tokenURI").CallAsync<string>(1));
        var receipt = await new Web3(chain.RpcUrl).Eth.Transactions.GetTransactionReceipt.SendRequestAsync(confirmed.TransactionHash);
        await using (var db = Database.NewContext())
        {
            var gas = await db.GasLedger.SingleAsync();
            Assert.Equal((decimal)(receipt.GasUsed.Value * receipt.EffectiveGasPrice.Value), gas.FeeWei);
            Assert.True(gas.FeeWei > 0);
        }

        // The holder sends the transfer the server built, from their own key (their browser wallet in the app).
        var request = (await Nfts.PrepareTransferAsync(owner, cat.Id, TestWallets.CarolAddress)).Value;
        var holder = new Web3(new Account(TestWallets.BobKey, HardhatChain.ChainId), chain.RpcUrl);
        var input = new TransactionInput { Data = request.Data, To = request.Contract, From = request.From };
        input.Gas = await holder.Eth.TransactionManager.EstimateGasAsync(input);
        var hash = await holder.Eth.TransactionManager.SendTransactionAsync(input);
        Assert.True((await Nfts.RecordTransferAsync(owner, cat.Id, request.To, hash)).Succeeded);
        await sync.TickAsync();

        Assert.Equal(TestWallets.CarolAddress, await purrrCats.GetFunction("ownerOf").CallAsync<string>(1), StringComparer.OrdinalIgnoreCase);
        await using (var db = Database.NewContext())
            Assert.Equal(buyer, (await db.Cats.SingleAsync(c => c.Id == cat.Id)).OwnerId);
        var after = await Nfts.GetAsync(cat.Id);
        Assert.Equal((TestWallets.CarolAddress, false), (after.HolderAddress, after.HeldOutsidePurrr));
        var transfer = after.Transactions.Single(t => t.Kind == ChainTransactionKind.Transfer);
        Assert.Equal((TestWallets.BobAddress, TestWallets.CarolAddress, NftStatus.Mined), (transfer.From, transfer.To, transfer.Status));
        Assert.True(transfer.GasUsed > 0);
    }

    [Fact]
    public async Task A_mint_the_contract_would_refuse_is_stopped_before_anything_is_spent()
    {
        await DeployedAsync();
        var owner = await NewPlayerAsync("luna");
        await LinkWalletAsync(owner, TestWallets.BobKey, TestWallets.BobAddress);
        var cat = await CatOfAsync(owner);
        ChainOptions.MinterKey = TestWallets.CarolKey; // not the contract's owner: mint reverts

        var refused = await Nfts.MintAsync(owner, cat.Id, AppUrl);

        Assert.StartsWith("The mint could not be sent: The contract refused the transaction", refused.FirstMessage);
        await using var db = Database.NewContext();
        Assert.Equal((0, 0), (await db.CatNfts.CountAsync(), await db.ChainTransactions.CountAsync()));
    }
}

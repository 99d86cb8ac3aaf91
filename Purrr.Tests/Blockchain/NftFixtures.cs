using Microsoft.Extensions.Options;
using Purrr.Core.Admin;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;
using Purrr.Data.Blockchain;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Blockchain;

/// <summary>The chain as a test scripts it: mints get hashes, <see cref="MineAll"/> mines them, holders are a table.</summary>
public sealed class ScriptedNftChain : INftChain
{
    public const string Contract = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    public const decimal GasPriceWei = 1_500_000_000m;

    private readonly Lock gate = new();
    private readonly Dictionary<string, ChainReceipt> receipts = [];
    private readonly List<(string Hash, string To)> unmined = [];
    private readonly List<(long Block, long Token)> transfers = [];
    private long nextToken = 1;

    public long LatestBlock { get; private set; } = 10;
    public bool Down { get; set; }

    /// <summary>The next mined transaction reverts (or runs out of gas with <see cref="OutOfGas"/>).</summary>
    public bool RevertNext { get; set; }
    public bool OutOfGas { get; set; }

    public List<(string To, string TokenUri)> Mints { get; } = [];

    /// <summary>How many times the holder of a token was read (<c>ownerOf</c>).</summary>
    public int OwnerReads { get; private set; }
    public Dictionary<long, string> Holders { get; } = [];

    public Task<SentTransaction> SendMintAsync(BlockchainOptions options, string contract, string to, string tokenUri, CancellationToken ct = default)
    {
        ThrowWhenDown(options);
        lock (gate)
        {
            Mints.Add((to, tokenUri));
            var hash = "0x" + Mints.Count.ToString("x64");
            unmined.Add((hash, to));
            return Task.FromResult(new SentTransaction(hash, TestWallets.AliceAddress));
        }
    }

    /// <summary>Mines every sent mint, one block each; a holder for each token minted.</summary>
    public void MineAll()
    {
        lock (gate)
        {
            foreach (var (hash, to) in unmined)
            {
                LatestBlock++;
                if (RevertNext)
                {
                    receipts[hash] = new ChainReceipt(false, LatestBlock, OutOfGas ? 120_000 : 30_000, 120_000, GasPriceWei, null);
                    RevertNext = false;
                    continue;
                }
                var token = nextToken++;
                Holders[token] = to;
                transfers.Add((LatestBlock, token));
                receipts[hash] = new ChainReceipt(true, LatestBlock, 100_000, 120_000, GasPriceWei, token);
            }
            unmined.Clear();
        }
    }

    /// <summary>Records a transfer as mined (the holder's wallet sent it): a receipt and the new holder.</summary>
    public void MineTransfer(string hash, long token, string to)
    {
        lock (gate)
        {
            LatestBlock++;
            Holders[token] = to;
            transfers.Add((LatestBlock, token));
            receipts[hash.ToLowerInvariant()] = new ChainReceipt(true, LatestBlock, 60_000, 80_000, GasPriceWei, token);
        }
    }

    /// <summary>A transfer sent from a wallet outside Purrr (no transaction Purrr knows of), mined in a block of its own.</summary>
    public void TransferOutside(long token, string to)
    {
        lock (gate)
        {
            LatestBlock++;
            Holders[token] = to;
            transfers.Add((LatestBlock, token));
        }
    }

    public void Mine(int blocks) => LatestBlock += blocks;

    public Task<IReadOnlyCollection<long>> TransferredTokensAsync(BlockchainOptions options, string contract, long fromBlock, long toBlock,
        CancellationToken ct = default)
    {
        ThrowWhenDown(options);
        lock (gate)
            return Task.FromResult<IReadOnlyCollection<long>>(transfers.Where(t => t.Block >= fromBlock && t.Block <= toBlock).Select(t => t.Token).ToHashSet());
    }

    public Task<ChainReceipt?> ReceiptAsync(BlockchainOptions options, string contract, string hash, CancellationToken ct = default)
    {
        ThrowWhenDown(options);
        lock (gate)
            return Task.FromResult(receipts.GetValueOrDefault(hash));
    }

    public Task<long> LatestBlockAsync(BlockchainOptions options, CancellationToken ct = default)
    {
        ThrowWhenDown(options);
        return Task.FromResult(LatestBlock);
    }

    public Task<string?> OwnerOfAsync(BlockchainOptions options, string contract, long tokenId, CancellationToken ct = default)
    {
        ThrowWhenDown(options);
        lock (gate)
        {
            OwnerReads++;
            return Task.FromResult(Holders.GetValueOrDefault(tokenId));
        }
    }

    public string TransferCallData(string from, string to, long tokenId) => new NethereumNftChain().TransferCallData(from, to, tokenId);

    private void ThrowWhenDown(BlockchainOptions options)
    {
        if (Down)
            throw new ChainUnavailableException($"The chain at {options.RpcUrl} does not answer. Check that the node is running.");
    }
}

/// <summary>The NFT services over a test's database, a chain (scripted or real) and blockchain options.</summary>
public abstract class NftTestBase : ServiceTestBase
{
    protected BlockchainOptions ChainOptions { get; set; } = new()
    {
        RpcUrl = "http://127.0.0.1:8545", ChainId = 1337, MinterKey = TestWallets.AliceKey, ContractAddress = ScriptedNftChain.Contract, Confirmations = 3,
    };

    protected ScriptedNftChain Scripted { get; } = new();

    protected virtual INftChain Chain => Scripted;

    protected WalletLinkService Wallets => new(Database.Factory, Clock, Flags, new NethereumWalletCrypto());

    protected ChainAdminService ChainAdmin => new(Database.Factory, Clock, Flags, new NethereumChainGateway(), Options.Create(ChainOptions));

    protected NftOwnershipSync Sync => new(Database.Factory, Clock, Flags, Chain, Options.Create(ChainOptions), Bus);

    protected NftService Nfts => new(Database.Factory, Clock, Flags, Chain, ChainAdmin, Sync, new NethereumWalletCrypto(), Options.Create(ChainOptions), Bus);

    protected const string AppUrl = "https://purrr.test/";

    protected async Task<UserId> BlockchainOnAsync()
    {
        var admin = await NewPlayerAsync("admin");
        Assert.True((await Flags.SetAsync(Feature.Blockchain, true, admin)).Succeeded);
        return admin;
    }

    /// <summary>Links the wallet of <paramref name="key"/> to <paramref name="player"/> by signing the server's message with it.</summary>
    protected async Task LinkWalletAsync(UserId player, string key, string address)
    {
        var challenge = (await Wallets.ChallengeAsync(player)).Value;
        var linked = await Wallets.LinkAsync(player, address, challenge.Message, TestWallets.Sign(key, challenge.Message));
        Assert.True(linked.Succeeded, linked.FirstMessage);
    }

    protected async Task<Core.Cats.Cat> CatOfAsync(UserId owner, string name = "Mochi") =>
        (await Database.AddCatsAsync(ACat.Playful().Named(name).OwnedBy(owner).Build()))[0];
}

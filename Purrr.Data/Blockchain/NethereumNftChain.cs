using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Purrr.Core.Blockchain;
using static Purrr.Data.Blockchain.NethereumChainGateway;

namespace Purrr.Data.Blockchain;

/// <summary>PurrrCats on chain with Nethereum: mints signed in-process with the minter key, receipts, <c>ownerOf</c>.</summary>
public sealed class NethereumNftChain : INftChain
{
    // One transaction at a time from the minter: each takes the next nonce only after the previous one was sent.
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly NethereumWalletCrypto crypto = new();

    public async Task<SentTransaction> SendMintAsync(BlockchainOptions options, string contract, string to, string tokenUri, CancellationToken ct = default)
    {
        var (web3, minter) = Connect(options);
        await sending.WaitAsync(ct);
        try
        {
            return await CallAsync(options, async () =>
            {
                var handler = web3.Eth.GetContractTransactionHandler<MintFunction>();
                var mint = new MintFunction { To = to, Uri = tokenUri, FromAddress = minter.Address };
                // Estimating first runs the call: a revert (not the owner, a bad address) is refused before any gas is spent.
                var gas = await handler.EstimateGasAsync(contract, mint);
                mint.Gas = gas.Value * 6 / 5;
                var hash = await handler.SendRequestAsync(contract, mint);
                return new SentTransaction(hash, minter.Address);
            }, ct);
        }
        finally
        {
            sending.Release();
        }
    }

    public async Task<ChainReceipt?> ReceiptAsync(BlockchainOptions options, string contract, string hash, CancellationToken ct = default)
    {
        var (web3, _) = Connect(options);
        return await CallAsync(options, async () =>
        {
            var receipt = await web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash);
            if (receipt?.BlockNumber is null)
                return null;
            var tx = await web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash);
            var transfer = receipt.DecodeAllEvents<TransferEvent>()
                .FirstOrDefault(e => string.Equals(e.Log.Address, contract, StringComparison.OrdinalIgnoreCase));
            var price = receipt.EffectiveGasPrice?.Value ?? tx.GasPrice?.Value ?? BigInteger.Zero;
            return new ChainReceipt(receipt.Status?.Value == BigInteger.One, (long)receipt.BlockNumber.Value, (long)receipt.GasUsed.Value,
                (long)tx.Gas.Value, (decimal)price, transfer is null ? null : (long)transfer.Event.TokenId);
        }, ct);
    }

    public async Task<long> LatestBlockAsync(BlockchainOptions options, CancellationToken ct = default)
    {
        var (web3, _) = Connect(options);
        return await CallAsync(options, async () => (long)(await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value, ct);
    }

    public async Task<string?> OwnerOfAsync(BlockchainOptions options, string contract, long tokenId, CancellationToken ct = default)
    {
        var (web3, _) = Connect(options);
        return await CallAsync(options, async () =>
        {
            try
            {
                var owner = await web3.Eth.GetContractQueryHandler<OwnerOfFunction>().QueryAsync<string>(contract, new OwnerOfFunction { TokenId = tokenId });
                return crypto.Checksummed(owner);
            }
            catch (Exception e) when (e is SmartContractCustomErrorRevertException or SmartContractRevertException)
            {
                return null; // ERC721NonexistentToken: no such token (any more)
            }
        }, ct);
    }

    public async Task<IReadOnlyCollection<long>> TransferredTokensAsync(BlockchainOptions options, string contract, long fromBlock, long toBlock,
        CancellationToken ct = default)
    {
        if (fromBlock > toBlock)
            return [];
        var (web3, _) = Connect(options);
        return await CallAsync(options, async () =>
        {
            var transfers = web3.Eth.GetEvent<TransferEvent>(contract);
            var logs = await transfers.GetAllChangesAsync(transfers.CreateFilterInput(
                new BlockParameter(new HexBigInteger(fromBlock)), new BlockParameter(new HexBigInteger(toBlock))));
            return (IReadOnlyCollection<long>)logs.Select(l => (long)l.Event.TokenId).ToHashSet();
        }, ct);
    }

    public string TransferCallData(string from, string to, long tokenId) =>
        new SafeTransferFromFunction { From = from, To = to, TokenId = tokenId }.GetCallData().ToHex(prefix: true);

    [Function("mint", "uint256")]
    private sealed class MintFunction : FunctionMessage
    {
        [Parameter("address", "to", 1)] public string To { get; set; } = "";
        [Parameter("string", "uri", 2)] public string Uri { get; set; } = "";
    }

    [Function("ownerOf", "address")]
    private sealed class OwnerOfFunction : FunctionMessage
    {
        [Parameter("uint256", "tokenId", 1)] public BigInteger TokenId { get; set; }
    }

    [Function("safeTransferFrom")]
    public sealed class SafeTransferFromFunction : FunctionMessage
    {
        [Parameter("address", "from", 1)] public string From { get; set; } = "";
        [Parameter("address", "to", 2)] public string To { get; set; } = "";
        [Parameter("uint256", "tokenId", 3)] public BigInteger TokenId { get; set; }
    }

    [Event("Transfer")]
    public sealed class TransferEvent : IEventDTO
    {
        [Parameter("address", "from", 1, true)] public string From { get; set; } = "";
        [Parameter("address", "to", 2, true)] public string To { get; set; } = "";
        [Parameter("uint256", "tokenId", 3, true)] public BigInteger TokenId { get; set; }
    }
}

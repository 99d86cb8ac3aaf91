using System.Numerics;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using Purrr.Core.Blockchain;

namespace Purrr.Data.Blockchain;

/// <summary>
/// The chain over JSON-RPC with Nethereum. Transactions are signed in-process with the minter key (never sent to the
/// node, never logged); failures become <see cref="ChainUnavailableException"/> with a message an admin can act on.
/// </summary>
public sealed class NethereumChainGateway : IChainGateway
{
    private static readonly TimeSpan ReceiptTimeout = TimeSpan.FromMinutes(2);

    public async Task<ChainReading> ReadAsync(BlockchainOptions options, string? contractAddress, CancellationToken ct = default)
    {
        var (web3, minter) = Connect(options);
        return await CallAsync(options, async () =>
        {
            var chainId = await web3.Eth.ChainId.SendRequestAsync();
            var block = await web3.Eth.Blocks.GetBlockNumber.SendRequestAsync();
            var balance = await web3.Eth.GetBalance.SendRequestAsync(minter.Address);
            var hasCode = false;
            if (contractAddress is not null)
            {
                var code = await web3.Eth.GetCode.SendRequestAsync(contractAddress);
                hasCode = code is { Length: > 2 } && code != "0x";
            }
            return new ChainReading((long)chainId.Value, (long)block.Value, minter.Address, Web3.Convert.FromWei(balance.Value), hasCode);
        }, ct);
    }

    public async Task<DeployedContract> DeployPurrrCatsAsync(BlockchainOptions options, CancellationToken ct = default)
    {
        var (web3, minter) = Connect(options);
        var artifact = PurrrCatsArtifact.Instance;
        return await CallAsync(options, async () =>
        {
            var gas = await web3.Eth.DeployContract.EstimateGasAsync(artifact.Abi, artifact.Bytecode, minter.Address, minter.Address);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(ReceiptTimeout);
            // 20% over the estimate: the estimate is exact on a dev node, a busy chain may need a little more.
            var receipt = await web3.Eth.DeployContract.SendRequestAndWaitForReceiptAsync(artifact.Abi, artifact.Bytecode, minter.Address,
                new HexBigInteger(gas.Value * 6 / 5), timeout, minter.Address);
            if (receipt.Status?.Value != BigInteger.One || string.IsNullOrEmpty(receipt.ContractAddress))
                throw new ChainUnavailableException($"The deployment failed on chain (transaction {receipt.TransactionHash}).");
            return new DeployedContract(new NethereumWalletCrypto().Checksummed(receipt.ContractAddress), receipt.TransactionHash, (long)receipt.BlockNumber.Value);
        }, ct);
    }

    internal static (Web3 Web3, Account Minter) Connect(BlockchainOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RpcUrl) || !Uri.TryCreate(options.RpcUrl, UriKind.Absolute, out var rpc))
            throw new ChainUnavailableException("No chain is configured: set Blockchain:RpcUrl to the node's JSON-RPC address.");
        Account minter;
        try
        {
            minter = new Account(options.MinterKey, options.ChainId);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NullReferenceException)
        {
            throw new ChainUnavailableException("Blockchain:MinterKey is not a private key (0x followed by 64 hexadecimal characters).");
        }
        return (new Web3(minter, rpc.ToString()), minter);
    }

    internal static async Task<T> CallAsync<T>(BlockchainOptions options, Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            ct.ThrowIfCancellationRequested();
            return await call();
        }
        catch (Exception e) when (e is SmartContractCustomErrorRevertException or SmartContractRevertException)
        {
            throw new ChainUnavailableException($"The contract refused the transaction: {e.Message}", e);
        }
        catch (RpcResponseException e)
        {
            throw new ChainUnavailableException($"The chain refused the request: {e.RpcError?.Message ?? e.Message}", e);
        }
        catch (Exception e) when (e is RpcClientUnknownException or RpcClientTimeoutException or HttpRequestException
                                      or TaskCanceledException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new ChainUnavailableException($"The chain at {options.RpcUrl} does not answer. Check that the node is running.", e);
        }
    }
}

namespace Purrr.Core.Blockchain;

/// <summary>
/// The cat NFTs on chain (Nethereum in Purrr.Data): minting with the platform's minter key, watching receipts, reading
/// holders. Failures are <see cref="ChainUnavailableException"/> with a message fit to show.
/// </summary>
public interface INftChain
{
    /// <summary>Signs and sends <c>mint(to, tokenUri)</c> from the minter, gas estimated first (a revert is refused before anything is spent).</summary>
    Task<SentTransaction> SendMintAsync(BlockchainOptions options, string contract, string to, string tokenUri, CancellationToken ct = default);

    /// <summary>The receipt of <paramref name="hash"/>, or null while it is not mined; the token id from <paramref name="contract"/>'s Transfer event.</summary>
    Task<ChainReceipt?> ReceiptAsync(BlockchainOptions options, string contract, string hash, CancellationToken ct = default);

    Task<long> LatestBlockAsync(BlockchainOptions options, CancellationToken ct = default);

    /// <summary><c>ownerOf(tokenId)</c>, checksummed; null when the token does not exist.</summary>
    Task<string?> OwnerOfAsync(BlockchainOptions options, string contract, long tokenId, CancellationToken ct = default);

    /// <summary>The token ids of <paramref name="contract"/>'s Transfer events in blocks <paramref name="fromBlock"/> to <paramref name="toBlock"/> (both included).</summary>
    Task<IReadOnlyCollection<long>> TransferredTokensAsync(BlockchainOptions options, string contract, long fromBlock, long toBlock, CancellationToken ct = default);

    /// <summary>The call data of <c>safeTransferFrom(from, to, tokenId)</c>, for the holder's wallet to send.</summary>
    string TransferCallData(string from, string to, long tokenId);
}

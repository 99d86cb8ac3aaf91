using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Admin;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Blockchain;

/// <summary>A transaction as the tables show it (spec §11).</summary>
public sealed record ChainTransactionView(string Hash, ChainTransactionKind Kind, CatId CatId, string From, string To, NftStatus Status,
    long? BlockNumber, long? GasUsed, decimal? GasPriceWei, decimal? FeeWei, string? Error, DateTimeOffset SubmittedAt,
    DateTimeOffset? MinedAt, DateTimeOffset? ConfirmedAt)
{
    internal static ChainTransactionView Of(ChainTransaction t) => new(t.Hash, t.Kind, t.CatId, t.FromAddress, t.ToAddress, t.Status,
        t.BlockNumber, t.GasUsed, t.GasPriceWei, t.FeeWei, t.Error, t.SubmittedAt, t.MinedAt, t.ConfirmedAt);

    internal static IReadOnlyList<ChainTransactionView> ListOf(IEnumerable<ChainTransaction> transactions) => [.. transactions.Select(Of)];
}

/// <summary>A cat's NFT as its page shows it; <see cref="Status"/> null when it was never minted.</summary>
public sealed record CatNftView(CatId CatId, NftStatus? Status, long? TokenId, long? ChainId, string? ContractAddress, string? HolderAddress,
    bool HeldOutsidePurrr, string? TransactionHash, string? TokenUri, string? Error, int ConfirmationsNeeded,
    IReadOnlyList<ChainTransactionView> Transactions)
{
    public bool Minted => TokenId is not null;

    /// <summary>A mint or transfer is on its way.</summary>
    public bool Busy => Status is NftStatus.Pending or NftStatus.Mined || Transactions.Any(t => !NftTransactions.IsFinal(t.Status));
}

/// <summary>The shape <c>GET /api/v1/cats/{id}/nft</c> answers (the CLI's <c>purrr nft status</c> reads exactly this).</summary>
public sealed record CatNftStatus(Guid CatId, bool Minted, string Status, long? TokenId, string? ContractAddress, long? ChainId,
    string? OwnerAddress, bool HeldOutsidePurrr, string? TransactionHash, string? TokenUri)
{
    public static CatNftStatus Of(CatNftView view) => new(view.CatId.Value, view.Minted,
        view.Status?.ToString().ToLowerInvariant() ?? "none", view.TokenId, view.ContractAddress, view.ChainId, view.HolderAddress,
        view.HeldOutsidePurrr, view.TransactionHash, view.TokenUri);
}

/// <summary>The admin console's view of what the chain cost: the recent transactions and all the gas the platform paid.</summary>
public sealed record ChainLedgerView(IReadOnlyList<ChainTransactionView> Recent, decimal GasPaidWei, int GasEntries);

/// <summary>
/// Cat NFTs (spec §11): the owner mints their cat to their linked wallet (the platform's minter pays the gas), the holder
/// transfers it from their own wallet, and the chain's answers are followed by <see cref="NftOwnershipSync"/>.
/// </summary>
public sealed class NftService(IPurrrDbFactory dbFactory, TimeProvider clock, FeatureFlags flags, INftChain chain, ChainAdminService chainAdmin,
    NftOwnershipSync sync, IWalletCrypto crypto, IOptions<BlockchainOptions> options, IEventBus bus)
{
    public const string NotYourCat = "That cat is not yours to mint.";
    public const string NoWallet = "Link a wallet first (Settings → Wallet link): the NFT is minted to it.";
    public const string NoContract = "Minting is not open yet: no NFT contract is deployed (an admin deploys it under Admin → Chain).";
    public const string NoChain = "Minting is not open yet: no chain is set up.";
    public const string MalformedHash = "That is not a transaction hash (0x followed by 64 hexadecimal characters).";

    public async Task<CatNftView> GetAsync(CatId cat, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await ViewAsync(db, cat, ct);
    }

    /// <summary>Re-reads the cat's token from the chain (its transactions, then <c>ownerOf</c>), as the cat page does when it opens.</summary>
    public async Task<CatNftView> RefreshAsync(CatId cat, CancellationToken ct = default)
    {
        await sync.RefreshCatAsync(cat, ct);
        return await GetAsync(cat, ct);
    }

    /// <summary>
    /// Mints <paramref name="cat"/> to the owner's linked wallet with its metadata at <paramref name="appBaseUrl"/>'s token URI.
    /// One mint per cat: a row per cat is reserved before anything is sent; if the chain cannot take it, nothing stays stored.
    /// </summary>
    public async Task<Result<CatNftView>> MintAsync(UserId player, CatId cat, string appBaseUrl, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.Blockchain, ct) is { } off)
            return Result<CatNftView>.Failure([off]);
        var current = options.Value;
        await using var db = await dbFactory.CreateAsync(ct);
        var owned = await db.Cats.AsNoTracking().Where(c => c.Id == cat && c.OwnerId == player).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (owned is null)
            return Result<CatNftView>.Failure(NotYourCat);
        var nft = await db.CatNfts.FirstOrDefaultAsync(n => n.CatId == cat, ct);
        if (nft is { IsActive: true })
            return Result<CatNftView>.Failure(nft.TokenId is null
                ? $"{owned} is already being minted. Watch the progress here."
                : $"{owned} is already minted (token #{nft.TokenId}). A cat is minted once.");
        var wallet = await db.WalletLinks.AsNoTracking().Where(w => w.PlayerId == player).Select(w => w.Address).FirstOrDefaultAsync(ct);
        if (wallet is null)
            return Result<CatNftView>.Failure(NoWallet);
        if (string.IsNullOrWhiteSpace(current.RpcUrl) || string.IsNullOrWhiteSpace(current.MinterKey))
            return Result<CatNftView>.Failure(NoChain);
        if ((await chainAdmin.ContractAsync(ct)).Address is not { } contract)
            return Result<CatNftView>.Failure(NoContract);

        var now = clock.GetUtcNow();
        var tokenUri = appBaseUrl.TrimEnd('/') + "/" + NftMetadata.TokenUriPath(cat);
        (string? Error, string? MintTransactionHash)? earlierFailure = nft is null ? null : (nft.Error, nft.MintTransactionHash);
        if (nft is null)
        {
            nft = CatNft.Reserve(cat, player, current.ChainId, contract, tokenUri, wallet, now);
            db.CatNfts.Add(nft);
        }
        else
        {
            nft.Retry(player, current.ChainId, contract, tokenUri, wallet, now);
        }
        try
        {
            await db.SaveChangesAsync(ct); // the reservation: a second click or tab finds it and stops above
        }
        catch (DbUpdateException)
        {
            return Result<CatNftView>.Failure($"{owned} is already being minted. Watch the progress here.");
        }

        SentTransaction sent;
        try
        {
            sent = await chain.SendMintAsync(current, contract, wallet, tokenUri, CancellationToken.None); // never abandoned half-sent
        }
        catch (ChainUnavailableException e)
        {
            // Nothing left the building: take the reservation back (or the earlier failure as it was).
            if (earlierFailure is { } earlier)
                nft.RestoreFailure(earlier.Error, earlier.MintTransactionHash, now);
            else
                db.CatNfts.Remove(nft);
            await db.SaveChangesAsync(CancellationToken.None);
            return Result<CatNftView>.Failure($"The mint could not be sent: {e.Message} Nothing was spent; try again later.");
        }

        nft.Submitted(sent.Hash, now);
        db.ChainTransactions.Add(ChainTransaction.Sent(sent.Hash, ChainTransactionKind.Mint, current.ChainId, cat, player, sent.From, wallet, null, now));
        await db.SaveChangesAsync(CancellationToken.None); // sent: recorded whatever the caller does now
        bus.Publish(new NftChanged(cat));
        bus.Publish(new ChainTransactionsChanged(sent.Hash));
        return await ViewAsync(db, cat, ct);
    }

    /// <summary>What the holder's wallet must send to move the cat's token to <paramref name="to"/> (checked as for recording it).</summary>
    public async Task<Result<TransferRequest>> PrepareTransferAsync(UserId player, CatId cat, string? to, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.Blockchain, ct) is { } off)
            return Result<TransferRequest>.Failure([off]);
        await using var db = await dbFactory.CreateAsync(ct);
        return await TransferCheckAsync(db, player, cat, to, ct);
    }

    /// <summary>Records the transfer the holder's wallet sent (<paramref name="hash"/>); the sync follows it to the new holder.</summary>
    public async Task<Result<CatNftView>> RecordTransferAsync(UserId player, CatId cat, string? to, string? hash, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.Blockchain, ct) is { } off)
            return Result<CatNftView>.Failure([off]);
        if (!WalletRules.IsTransactionHash(hash))
            return Result<CatNftView>.Failure(MalformedHash);
        await using var db = await dbFactory.CreateAsync(ct);
        var request = await TransferCheckAsync(db, player, cat, to, ct);
        if (!request.Succeeded)
            return Result<CatNftView>.Failure(request.Problems);
        var transfer = request.Value;
        var normalized = hash!.ToLowerInvariant();
        if (await db.ChainTransactions.AnyAsync(t => t.Hash == normalized, ct))
            return Result<CatNftView>.Failure("That transaction is already recorded.");
        db.ChainTransactions.Add(ChainTransaction.Sent(normalized, ChainTransactionKind.Transfer, transfer.ChainId, cat, player, transfer.From,
            transfer.To, transfer.TokenId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<CatNftView>.Failure("That transaction is already recorded.");
        }
        bus.Publish(new NftChanged(cat));
        bus.Publish(new ChainTransactionsChanged(normalized));
        return await ViewAsync(db, cat, ct);
    }

    /// <summary>The cat's metadata source: the cat, once a mint of it was started (nothing is served for cats never minted).</summary>
    public async Task<Cat?> MintedCatAsync(CatId cat, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.CatNfts.AnyAsync(n => n.CatId == cat, ct))
            return null;
        return await db.Cats.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cat, ct);
    }

    /// <summary>The newest transactions and the total gas the platform paid (admin console).</summary>
    public async Task<ChainLedgerView> LedgerAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var recent = await db.ChainTransactions.AsNoTracking().OrderByDescending(t => t.SubmittedAt).ThenBy(t => t.Hash).Take(take).ToListAsync(ct);
        // Summed here: SQLite keeps decimals as text, and a platform mints a few fees, not millions.
        var fees = await db.GasLedger.AsNoTracking().Select(g => g.FeeWei).ToListAsync(ct);
        return new ChainLedgerView(ChainTransactionView.ListOf(recent), fees.Sum(), fees.Count);
    }

    private async Task<Result<TransferRequest>> TransferCheckAsync(IPurrrDb db, UserId player, CatId cat, string? to, CancellationToken ct)
    {
        var nft = await db.CatNfts.AsNoTracking().FirstOrDefaultAsync(n => n.CatId == cat, ct);
        var name = await db.Cats.AsNoTracking().Where(c => c.Id == cat).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "That cat";
        if (nft is not { TokenId: { } tokenId } || nft.Status is NftStatus.Pending or NftStatus.Failed)
            return Result<TransferRequest>.Failure($"{name} has no minted NFT to transfer yet.");
        var wallet = await db.WalletLinks.AsNoTracking().Where(w => w.PlayerId == player).Select(w => w.Address).FirstOrDefaultAsync(ct);
        if (wallet is null)
            return Result<TransferRequest>.Failure("Link the wallet that holds the NFT first (Settings → Wallet link).");
        if (!string.Equals(wallet, nft.HolderAddress, StringComparison.OrdinalIgnoreCase))
            return Result<TransferRequest>.Failure($"The NFT is held by {nft.HolderAddress}, not by your linked wallet: only its holder can transfer it.");
        if (!WalletRules.IsAddress(to))
            return Result<TransferRequest>.Failure(WalletLinkService.MalformedAddress, "to");
        var recipient = crypto.Checksummed(to!);
        if (string.Equals(recipient, nft.HolderAddress, StringComparison.OrdinalIgnoreCase))
            return Result<TransferRequest>.Failure("The NFT is already in that wallet.", "to");
        if (await db.ChainTransactions.AnyAsync(t => t.CatId == cat && t.Kind == ChainTransactionKind.Transfer
                && (t.Status == NftStatus.Pending || t.Status == NftStatus.Mined), ct))
            return Result<TransferRequest>.Failure($"A transfer of {name} is already on its way. Wait until it is confirmed.");
        return new TransferRequest(nft.HolderAddress, recipient, nft.ContractAddress, chain.TransferCallData(nft.HolderAddress, recipient, tokenId),
            nft.ChainId, tokenId);
    }

    private async Task<CatNftView> ViewAsync(IPurrrDb db, CatId cat, CancellationToken ct)
    {
        var nft = await db.CatNfts.AsNoTracking().FirstOrDefaultAsync(n => n.CatId == cat, ct);
        var transactions = await db.ChainTransactions.AsNoTracking().Where(t => t.CatId == cat)
            .OrderByDescending(t => t.SubmittedAt).ThenBy(t => t.Hash).Take(20).ToListAsync(ct);
        var needed = Math.Max(1, options.Value.Confirmations);
        return nft is null
            ? new CatNftView(cat, null, null, null, null, null, false, null, null, null, needed, ChainTransactionView.ListOf(transactions))
            : new CatNftView(cat, nft.Status, nft.TokenId, nft.ChainId, nft.ContractAddress, nft.HolderAddress, nft.HeldOutsidePurrr,
                nft.MintTransactionHash, nft.TokenUri, nft.Error, needed, ChainTransactionView.ListOf(transactions));
    }
}

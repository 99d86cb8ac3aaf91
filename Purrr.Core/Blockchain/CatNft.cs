using Purrr.Core.Common;
using Purrr.Core.Events;

namespace Purrr.Core.Blockchain;

/// <summary>Where a cat's mint stands (spec §11): submitted → mined → confirmed after N blocks, or failed.</summary>
public enum NftStatus { Pending, Mined, Confirmed, Failed }

public enum ChainTransactionKind { Mint, Transfer }

/// <summary>
/// A cat's NFT: one row per cat (the key), so a cat has one mint at a time and never two tokens. A failed mint keeps its row
/// (status <see cref="NftStatus.Failed"/>) until the owner tries again, which reuses it.
/// </summary>
public sealed class CatNft
{
    public const int TokenUriMaxLength = 300;
    public const int ErrorMaxLength = 300;

    private CatNft() { } // for EF Core

    public CatId CatId { get; private set; }

    /// <summary>The player who minted it (paid for by the platform on their behalf).</summary>
    public UserId MintedById { get; private set; }

    public long ChainId { get; private set; }
    public string ContractAddress { get; private set; } = "";
    public string TokenUri { get; private set; } = "";
    public NftStatus Status { get; private set; }

    /// <summary>Read from the Transfer event of the mint's receipt.</summary>
    public long? TokenId { get; private set; }

    /// <summary>The mint's transaction; null only while it is being sent.</summary>
    public string? MintTransactionHash { get; private set; }

    /// <summary>The address holding the token as last read from the chain (the mint's recipient until then).</summary>
    public string HolderAddress { get; private set; } = "";

    /// <summary>The token sits on an address no Purrr player linked.</summary>
    public bool HeldOutsidePurrr { get; private set; }

    /// <summary>Why the last mint failed, in words for the player.</summary>
    public string? Error { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsActive => Status != NftStatus.Failed;

    internal static CatNft Reserve(CatId cat, UserId player, long chainId, string contract, string tokenUri, string holder, DateTimeOffset now) => new()
    {
        CatId = cat, MintedById = player, ChainId = chainId, ContractAddress = contract, TokenUri = tokenUri, HolderAddress = holder,
        Status = NftStatus.Pending, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>A failed mint tried again: a fresh attempt on the same row (the version makes two retries at once clash).</summary>
    internal void Retry(UserId player, long chainId, string contract, string tokenUri, string holder, DateTimeOffset now)
    {
        MintedById = player;
        ChainId = chainId;
        ContractAddress = contract;
        TokenUri = tokenUri;
        HolderAddress = holder;
        Status = NftStatus.Pending;
        MintTransactionHash = null;
        Error = null;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>A retry the chain did not take: back to the failure it was, nothing else changed.</summary>
    internal void RestoreFailure(string? error, string? hash, DateTimeOffset now)
    {
        Status = NftStatus.Failed;
        Error = error;
        MintTransactionHash = hash;
        UpdatedAt = now;
    }

    /// <summary>A reservation whose mint never reached the chain (the app stopped while sending): failed, so the owner may retry.</summary>
    internal void Interrupted(DateTimeOffset now)
    {
        Status = NftStatus.Failed;
        Error = NftOwnershipSync.InterruptedMint;
        UpdatedAt = now;
        Version++;
    }

    internal void Submitted(string hash, DateTimeOffset now)
    {
        MintTransactionHash = hash.ToLowerInvariant();
        UpdatedAt = now;
    }

    /// <summary>The mint transaction moved on (see <see cref="NftTransactions.Advance"/>).</summary>
    internal void Follow(ChainTransaction mint, DateTimeOffset now)
    {
        Status = mint.Status;
        Error = mint.Error;
        if (mint.TokenId is { } token)
            TokenId = token;
        UpdatedAt = now;
        Version++;
    }

    internal void HeldBy(string address, bool outsidePurrr, DateTimeOffset now)
    {
        HolderAddress = address;
        HeldOutsidePurrr = outsidePurrr;
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>
/// A transaction Purrr sent or watches (spec §11's blockchain transactions table): mints paid by the platform, transfers
/// signed by a holder's wallet. Written when sent, moved on by <see cref="NftTransactions.Advance"/> as the chain answers.
/// </summary>
public sealed class ChainTransaction
{
    public const int HashLength = 66;

    private ChainTransaction() { } // for EF Core

    public string Hash { get; private set; } = "";
    public ChainTransactionKind Kind { get; private set; }
    public long ChainId { get; private set; }
    public CatId CatId { get; private set; }

    /// <summary>The player it was for (the minter of the cat, or the holder who transferred).</summary>
    public UserId PlayerId { get; private set; }

    public string FromAddress { get; private set; } = "";
    public string ToAddress { get; private set; } = "";
    public long? TokenId { get; private set; }
    public NftStatus Status { get; private set; }
    public long? BlockNumber { get; private set; }
    public long? GasUsed { get; private set; }
    public decimal? GasPriceWei { get; private set; }
    public decimal? FeeWei { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? MinedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>The platform pays the gas of mints; a holder pays for their own transfers.</summary>
    public bool PaidByPlatform => Kind == ChainTransactionKind.Mint;

    internal static ChainTransaction Sent(string hash, ChainTransactionKind kind, long chainId, CatId cat, UserId player, string from, string to,
        long? tokenId, DateTimeOffset now) => new()
    {
        Hash = hash.ToLowerInvariant(), Kind = kind, ChainId = chainId, CatId = cat, PlayerId = player, FromAddress = from, ToAddress = to, TokenId = tokenId,
        Status = NftStatus.Pending, SubmittedAt = now,
    };

    internal void Mined(ChainReceipt receipt, DateTimeOffset now)
    {
        BlockNumber = receipt.BlockNumber;
        GasUsed = receipt.GasUsed;
        GasPriceWei = receipt.EffectiveGasPriceWei;
        FeeWei = receipt.GasUsed * receipt.EffectiveGasPriceWei;
        MinedAt = now;
        if (receipt.Succeeded)
        {
            Status = NftStatus.Mined;
            TokenId ??= receipt.TokenId;
        }
        else
        {
            Status = NftStatus.Failed;
            Error = receipt.GasUsed >= receipt.GasLimit
                ? "The transaction ran out of gas on chain."
                : "The contract refused the transaction (it was reverted on chain).";
        }
        Version++;
    }

    internal void Confirmed(DateTimeOffset now)
    {
        Status = NftStatus.Confirmed;
        ConfirmedAt = now;
        Version++;
    }
}

/// <summary>Gas the platform's minter paid for a player's cat: one entry per mined transaction (idempotent by hash).</summary>
public sealed class GasLedgerEntry
{
    private GasLedgerEntry() { } // for EF Core

    public long Id { get; private set; }
    public string TransactionHash { get; private set; } = "";
    public CatId CatId { get; private set; }
    public UserId PlayerId { get; private set; }
    public decimal FeeWei { get; private set; }
    public DateTimeOffset At { get; private set; }

    internal static GasLedgerEntry For(ChainTransaction mined, DateTimeOffset now) => new()
    {
        TransactionHash = mined.Hash, CatId = mined.CatId, PlayerId = mined.PlayerId, FeeWei = mined.FeeWei ?? 0, At = now,
    };
}

/// <summary>A transaction's receipt as the chain gave it; <see cref="TokenId"/> from its Transfer event, if any.</summary>
public sealed record ChainReceipt(bool Succeeded, long BlockNumber, long GasUsed, long GasLimit, decimal EffectiveGasPriceWei, long? TokenId);

/// <summary>A transaction the platform's minter signed and sent.</summary>
public sealed record SentTransaction(string Hash, string From);

/// <summary>What a holder's browser wallet sends to transfer a token (<c>eth_sendTransaction</c>): built by the server.</summary>
public sealed record TransferRequest(string From, string To, string Contract, string Data, long ChainId, long TokenId);

/// <summary>A cat's NFT changed (a mint moved on, a transfer, a holder re-read).</summary>
public sealed record NftChanged(CatId Cat) : ITopicEvent
{
    public string Topic => Cat.ToString();
}

/// <summary>Something was written to the chain transactions table (the admin console follows it).</summary>
public sealed record ChainTransactionsChanged(string Hash);

using Purrr.Core.Cats;
using Purrr.Core.Genetics;

namespace Purrr.Core.Blockchain;

/// <summary>What happened to a transaction when the chain was asked (see <see cref="NftTransactions.Advance"/>).</summary>
public enum TransactionStep { Unchanged, Mined, Confirmed, Failed }

/// <summary>
/// The transaction state machine (spec §11): pending until a receipt exists; then mined (or failed when the receipt says
/// reverted or out of gas); confirmed once <c>confirmations</c> blocks hold it (the block it is in counts as the first).
/// Confirmed and failed are final.
/// </summary>
public static class NftTransactions
{
    public static bool IsFinal(NftStatus status) => status is NftStatus.Confirmed or NftStatus.Failed;

    /// <summary>How many blocks hold a transaction mined in <paramref name="block"/> when the chain is at <paramref name="latest"/>.</summary>
    public static long ConfirmationsOf(long block, long latest) => Math.Max(0, latest - block + 1);

    /// <summary>Moves <paramref name="tx"/> on by what the chain says; returns the step taken (at most mined-and-confirmed at once).</summary>
    public static TransactionStep Advance(ChainTransaction tx, ChainReceipt? receipt, long latestBlock, int confirmations, DateTimeOffset now)
    {
        if (IsFinal(tx.Status))
            return TransactionStep.Unchanged;
        var step = TransactionStep.Unchanged;
        if (tx.Status == NftStatus.Pending)
        {
            if (receipt is null)
                return TransactionStep.Unchanged;
            tx.Mined(receipt, now);
            if (tx.Status == NftStatus.Failed)
                return TransactionStep.Failed;
            step = TransactionStep.Mined;
        }
        if (ConfirmationsOf(tx.BlockNumber!.Value, latestBlock) >= Math.Max(1, confirmations))
        {
            tx.Confirmed(now);
            return TransactionStep.Confirmed;
        }
        return step;
    }
}

public sealed record NftAttribute(string trait_type, object value);

/// <summary>The ERC-721 metadata JSON of a cat (OpenSea's shape: lower-case names, attributes as trait_type/value).</summary>
public sealed record NftMetadata(string name, string description, string image, string external_url, IReadOnlyList<NftAttribute> attributes)
{
    /// <summary>The metadata of <paramref name="cat"/>; <paramref name="image"/> is its portrait (a data URI or URL).</summary>
    public static NftMetadata For(Cat cat, string catPageUrl, string image) => new(
        cat.Name,
        string.IsNullOrWhiteSpace(cat.Description)
            ? $"{cat.Name}, a {cat.Personality.DisplayName().ToLowerInvariant()} {Breeds.NameOf(cat.BreedKey)} raised on Purrr."
            : cat.Description,
        image,
        catPageUrl,
        [
            new("breed", Breeds.NameOf(cat.BreedKey)),
            new("personality", cat.Personality.DisplayName()),
            new("level", cat.Level),
            new("happiness", cat.Stats.Happiness),
            new("energy", cat.Stats.Energy),
            new("intelligence", cat.Stats.Intelligence),
            new("rarity", Phenotype.Of(cat.Genome).IsRare ? "Rare" : "Common"),
        ]);

    /// <summary>Where the app serves a cat's metadata: the token URI (stable: it names only the cat).</summary>
    public static string TokenUriPath(Common.CatId cat) => $"nft/cats/{cat}.json";
}

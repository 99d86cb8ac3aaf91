using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.Blockchain;

/// <summary>
/// Follows the chain (spec §11): moves pending transactions on (mined, confirmed after N blocks, failed), records the gas the
/// platform paid, and re-reads token holders with <c>ownerOf</c>: every token on the first pass and every
/// <see cref="FullPassEvery"/>, in between only tokens with a Transfer event since the last pass and newly minted ones.
/// A token on another player's linked wallet makes the cat theirs; on an address no player linked, the cat is "held outside Purrr". One tick = one pass; a pass twice changes nothing.
/// </summary>
public sealed class NftOwnershipSync(IPurrrDbFactory dbFactory, TimeProvider clock, FeatureFlags flags, INftChain chain,
    IOptions<BlockchainOptions> options, IEventBus bus)
{
    public const string InterruptedMint = "The mint was interrupted before it reached the chain. Nothing was spent; try again.";

    /// <summary>How long a reserved mint may wait for its transaction hash before the sync calls it interrupted.</summary>
    public static readonly TimeSpan SendingTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How often the background sync re-reads every token's holder, not only those with Transfer events since its last pass.</summary>
    public static readonly TimeSpan FullPassEvery = TimeSpan.FromMinutes(10);

    private readonly Lock cursorGate = new();
    private Dictionary<string, Cursor> cursors = new(StringComparer.OrdinalIgnoreCase);
    private long cursorsChain = -1;
    private DateTimeOffset cursorsSince = DateTimeOffset.MinValue;

    /// <summary>One pass over every unfinished transaction and the tokens that moved; returns how many things changed.</summary>
    public async Task<int> TickAsync(CancellationToken ct = default)
    {
        if (!await ReadyAsync(ct))
            return 0;
        return await ExpireUnsentAsync(ct) + await PassAsync(null, ct);
    }

    private async Task<int> ExpireUnsentAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - SendingTimeout;
        await using var db = await dbFactory.CreateAsync(ct);
        var stuck = await db.CatNfts.Where(n => n.Status == NftStatus.Pending && n.MintTransactionHash == null && n.UpdatedAt < cutoff).ToListAsync(ct);
        foreach (var nft in stuck)
            nft.Interrupted(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // sent meanwhile: the next pass sees it
        }
        foreach (var nft in stuck)
            bus.Publish(new NftChanged(nft.CatId));
        return stuck.Count;
    }

    /// <summary>The same pass for one cat (its page opening); chain failures leave things as they were.</summary>
    public async Task<int> RefreshCatAsync(CatId cat, CancellationToken ct = default)
    {
        if (!await ReadyAsync(ct))
            return 0;
        try
        {
            return await PassAsync(cat, ct);
        }
        catch (ChainUnavailableException)
        {
            return 0; // the page shows what was last read; the background sync tries again
        }
    }

    private async Task<bool> ReadyAsync(CancellationToken ct) =>
        await flags.WhyOffAsync(Feature.Blockchain, ct) is null && !string.IsNullOrWhiteSpace(options.Value.RpcUrl);

    private async Task<int> PassAsync(CatId? only, CancellationToken ct)
    {
        var changed = await AdvanceTransactionsAsync(only, ct);
        changed += await SyncHoldersAsync(only, ct);
        return changed;
    }

    private async Task<int> AdvanceTransactionsAsync(CatId? only, CancellationToken ct)
    {
        var current = options.Value;
        await using var db = await dbFactory.CreateAsync(ct);
        var open = await db.ChainTransactions
            .Where(t => t.ChainId == current.ChainId && (t.Status == NftStatus.Pending || t.Status == NftStatus.Mined))
            .Where(t => only == null || t.CatId == only)
            .OrderBy(t => t.SubmittedAt).ToListAsync(ct);
        if (open.Count == 0)
            return 0;
        var latest = await chain.LatestBlockAsync(current, ct);
        var now = clock.GetUtcNow();
        var cats = new HashSet<CatId>();
        foreach (var tx in open)
        {
            var nft = await db.CatNfts.FirstOrDefaultAsync(n => n.CatId == tx.CatId, ct);
            var receipt = tx.Status == NftStatus.Pending && nft is not null ? await chain.ReceiptAsync(current, nft.ContractAddress, tx.Hash, ct) : null;
            var step = NftTransactions.Advance(tx, receipt, latest, current.Confirmations, now);
            if (step == TransactionStep.Unchanged)
                continue;
            cats.Add(tx.CatId);
            if (receipt is not null && tx.PaidByPlatform)
                db.GasLedger.Add(GasLedgerEntry.For(tx, now)); // mined, reverted or not: the gas was paid
            if (tx.Kind == ChainTransactionKind.Mint && nft is not null && nft.MintTransactionHash == tx.Hash)
                nft.Follow(tx, now);
        }
        if (cats.Count == 0)
            return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return 0; // another pass (the worker, a page) recorded the same receipts first: nothing twice
        }
        foreach (var cat in cats)
            bus.Publish(new NftChanged(cat));
        bus.Publish(new ChainTransactionsChanged(open[0].Hash));
        return cats.Count;
    }

    private async Task<int> SyncHoldersAsync(CatId? only, CancellationToken ct)
    {
        var current = options.Value;
        List<MintedToken> minted;
        await using (var db = await dbFactory.CreateAsync(ct))
            minted = await db.CatNfts.AsNoTracking()
                .Where(n => n.ChainId == current.ChainId && n.TokenId != null && n.Status != NftStatus.Failed)
                .Where(n => only == null || n.CatId == only)
                .OrderBy(n => n.CreatedAt).Select(n => new MintedToken(n.CatId, n.ContractAddress, n.TokenId!.Value)).ToListAsync(ct);
        if (only is not null)
            return await SyncHoldersAsync(minted, ct) ?? 0;

        // The whole world: re-read only the tokens that moved (or are new) since the last pass, a full pass now and then.
        var now = clock.GetUtcNow();
        var cursors = Cursors(current.ChainId, now);
        var changed = 0;
        foreach (var contract in minted.GroupBy(t => t.Contract, StringComparer.OrdinalIgnoreCase))
        {
            var latest = await chain.LatestBlockAsync(current, ct);
            var tokens = contract.ToList();
            Cursor? known;
            lock (cursorGate)
                known = cursors.GetValueOrDefault(contract.Key);
            if (known is not null)
            {
                var moved = await chain.TransferredTokensAsync(current, contract.Key, known.Block + 1, latest, ct);
                tokens = tokens.Where(t => moved.Contains(t.Token) || !known.Tokens.Contains(t.Token)).ToList();
            }
            if (await SyncHoldersAsync(tokens, ct) is not { } done)
                continue; // a token could not be saved: the same range again next time
            changed += done;
            lock (cursorGate)
                cursors[contract.Key] = new Cursor(latest, contract.Select(t => t.Token).ToHashSet());
        }
        return changed;
    }

    /// <summary>Re-reads the holders of <paramref name="tokens"/>: how many changed, or null when one of them could not be saved.</summary>
    private async Task<int?> SyncHoldersAsync(IEnumerable<MintedToken> tokens, CancellationToken ct)
    {
        var changed = 0;
        var complete = true;
        foreach (var token in tokens)
        {
            var result = await Conflicts.RetryAsync(() => SyncHolderAsync(token.Cat, ct), maxAttempts: 5);
            complete &= result.Succeeded;
            if (result.Succeeded && result.Value)
                changed++;
        }
        return complete ? changed : null;
    }

    /// <summary>
    /// How far this instance read each contract's Transfer events (the block, and the tokens it knew then); forgotten every
    /// <see cref="FullPassEvery"/> (and at start), so the next pass re-reads every holder: a missed event or a reorg heals.
    /// </summary>
    private Dictionary<string, Cursor> Cursors(long chainId, DateTimeOffset now)
    {
        lock (cursorGate)
        {
            if (cursorsChain != chainId || now - cursorsSince >= FullPassEvery || now < cursorsSince)
            {
                cursors = new Dictionary<string, Cursor>(StringComparer.OrdinalIgnoreCase);
                cursorsChain = chainId;
                cursorsSince = now;
            }
            return cursors;
        }
    }

    private sealed record Cursor(long Block, HashSet<long> Tokens);

    private sealed record MintedToken(CatId Cat, string Contract, long Token);

    /// <summary>Re-reads one token's holder and applies it; true when something changed.</summary>
    private async Task<Result<bool>> SyncHolderAsync(CatId catId, CancellationToken ct)
    {
        var current = options.Value;
        await using var db = await dbFactory.CreateAsync(ct);
        var nft = await db.CatNfts.FirstAsync(n => n.CatId == catId, ct);
        if (await chain.OwnerOfAsync(current, nft.ContractAddress, nft.TokenId!.Value, ct) is not { } holder)
            return false;
        var link = await db.WalletLinks.AsNoTracking().FirstOrDefaultAsync(w => w.Address == holder, ct);
        var cat = await db.Cats.FirstAsync(c => c.Id == catId, ct);
        var outside = link is null;
        var previousOwner = cat.OwnerId;
        var newOwner = link is not null && link.PlayerId != cat.OwnerId ? link.PlayerId : (UserId?)null;
        if (newOwner is null && nft.HolderAddress == holder && nft.HeldOutsidePurrr == outside)
            return false;

        var now = clock.GetUtcNow();
        nft.HeldBy(holder, outside, now);
        if (newOwner is { } owner)
        {
            cat.PassTo(owner);
            var page = $"cats/{cat.Id}";
            await Notify.AddAsync(db, previousOwner, NotificationType.System,
                $"{cat.Name} has a new owner: its NFT moved to another player's wallet.", page, null, now, ct);
            await Notify.AddAsync(db, owner, NotificationType.System,
                $"{cat.Name} is yours now: its NFT arrived in your linked wallet.", page, null, now, ct);
        }
        await db.SaveChangesAsync(ct);
        bus.Publish(new NftChanged(catId));
        if (newOwner is { } newer)
        {
            bus.Publish(new CatChanged(catId, previousOwner));
            bus.Publish(new CatChanged(catId, newer));
            Notify.Announce(bus, [previousOwner, newer]);
        }
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Admin;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Crypto;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.NightWatch;
using Purrr.Core.Persistence;
using Purrr.Core.Webhooks;

namespace Purrr.Core.Games;

/// <summary>Paw Match games: starting one (fee and energy), flipping cards, ending, and the results.</summary>
public sealed class PawMatchService(IPurrrDbFactory dbFactory, TimeProvider clock, IRandomSource random, IEventBus bus, FeatureFlags flags)
{
    /// <summary>Deals a new game for one of the player's cats. A game still open is given up first.</summary>
    public Task<Result<PawMatchView>> StartAsync(UserId player, CatId catId, long entryFee, string idempotencyKey, CancellationToken ct = default) =>
        StartAsync(player, catId, entryFee, null, idempotencyKey, ct);

    /// <summary>The same game with the fee paid in crypto (while crypto is on): the tier's coins in <see cref="CryptoPawMatch.Units"/>.</summary>
    public Task<Result<PawMatchView>> StartWithCryptoAsync(UserId player, CatId catId, long entryFee, CryptoCurrency currency, string idempotencyKey,
        CancellationToken ct = default) =>
        StartAsync(player, catId, entryFee, currency, idempotencyKey, ct);

    private async Task<Result<PawMatchView>> StartAsync(UserId player, CatId catId, long entryFee, CryptoCurrency? currency, string idempotencyKey, CancellationToken ct)
    {
        if (!PawMatchGame.EntryFees.Contains(entryFee))
            return Result<PawMatchView>.Failure($"Choose an entry fee of {string.Join(", ", PawMatchGame.EntryFees)} coins.");
        if (currency is { } chosen && (!Enum.IsDefined(chosen) || await flags.WhyOffAsync(Feature.Crypto, ct) is not null))
            return Result<PawMatchView>.Failure(Enum.IsDefined(chosen) ? (await flags.WhyOffAsync(Feature.Crypto, ct))!.Message : "Choose a crypto currency for the fee.");

        var started = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            if ((await Wallet.PaymentForAsync(db, player, idempotencyKey, ct))?.ReferencedId("pawmatch") is { } earlierId)
                return Result<Guid>.Success(earlierId);
            if (await db.CryptoLedger.Where(e => e.PlayerId == player && e.IdempotencyKey == idempotencyKey).Select(e => e.Reference).FirstOrDefaultAsync(ct) is { } paid
                && paid.StartsWith("pawmatch:", StringComparison.Ordinal) && Guid.TryParse(paid.AsSpan("pawmatch:".Length), out var earlierCrypto))
                return Result<Guid>.Success(earlierCrypto);

            var cat = await db.Cats.FirstOrDefaultAsync(c => c.Id == catId && c.OwnerId == player, ct);
            if (cat is null)
                return Result<Guid>.Failure("Play with one of your own cats.");
            cat.CatchUp(now);
            if (CatLife.CheckFitForActivities(cat) is { } unfit)
                return Result<Guid>.Failure(unfit.Message);
            if (await Patrol.IsOutAsync(db, cat.Id, ct))
                return Result<Guid>.Failure($"{cat.Name} is out on night watch. Recall the patrol to play.");
            var energy = cat.SpendEnergy(PawMatchGame.EnergyCost, now);
            if (!energy.Succeeded)
                return Result<Guid>.Failure(energy.Problems);

            var payer = await db.Players.FirstAsync(p => p.Id == player, ct);
            var game = PawMatchGame.Deal(player, cat.Id, entryFee, random, now, currency);
            if (currency is { } paidIn)
            {
                var cryptoFee = (await CryptoService.BalanceAsync(db, player, paidIn, ct))
                    .Spend(CryptoPawMatch.Units(entryFee, paidIn), CryptoLedgerKind.PawMatchFee, $"pawmatch:{game.Id}", idempotencyKey, now);
                if (!cryptoFee.Succeeded)
                    return Result<Guid>.Failure(cryptoFee.Problems);
                db.CryptoLedger.Add(cryptoFee.Value);
            }
            else
            {
                var fee = Wallet.Spend(payer, entryFee, LedgerReason.PawMatchFee, $"pawmatch:{game.Id}", idempotencyKey, now);
                if (!fee.Succeeded)
                    return Result<Guid>.Failure(fee.Problems);
                db.LedgerEntries.Add(fee.Value);
            }
            var abandoned = await db.PawMatchGames.Where(g => g.PlayerId == player && g.Status == PawMatchStatus.Playing).ToListAsync(ct);
            foreach (var open in abandoned)
            {
                open.GiveUp(now);
                await SettleAsync(db, open, now, ct);
            }
            db.PawMatchGames.Add(game);
            await db.SaveChangesAsync(ct);
            foreach (var open in abandoned)
                await AnnounceEndAsync(db, open, ct);
            bus.Publish(new WalletChanged(player, payer.Coins));
            if (currency is not null)
                bus.Publish(new CryptoChanged(player));
            bus.Publish(new CatChanged(cat.Id, player));
            return Result<Guid>.Success(game.Id);
        });
        if (!started.Succeeded)
            return Result<PawMatchView>.Failure(started.Problems);
        return await GetAsync(player, started.Value, ct) is { } view ? view : Result<PawMatchView>.Failure("The game could not be found.");
    }

    /// <summary>Flips one card of the player's game; the answer shows that card, and whether it made or missed a pair.</summary>
    public Task<Result<(FlipOutcome Flip, PawMatchView Game)>> FlipAsync(UserId player, Guid gameId, int card, CancellationToken ct = default) =>
        // A care action or a purchase touching the same cat or wallet must not cost the player a winning flip: try again.
        Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var game = await db.PawMatchGames.FirstOrDefaultAsync(g => g.Id == gameId && g.PlayerId == player, ct);
            if (game is null)
                return Result<(FlipOutcome, PawMatchView)>.Failure("This game is not yours.");
            var now = clock.GetUtcNow();
            var wasPlaying = game.Status == PawMatchStatus.Playing;
            var flip = game.Flip(card, now);
            var ended = wasPlaying && game.Status != PawMatchStatus.Playing;
            if (ended)
                await SettleAsync(db, game, now, ct);
            await db.SaveChangesAsync(ct);
            if (ended)
                await AnnounceEndAsync(db, game, ct);
            if (!flip.Succeeded)
                return Result<(FlipOutcome, PawMatchView)>.Failure(flip.Problems);
            return (flip.Value, await ViewAsync(db, game, ct));
        });

    public async Task<Result<PawMatchView>> GiveUpAsync(UserId player, Guid gameId, CancellationToken ct = default)
    {
        var given = await EndAsync(player, g => g.Id == gameId && g.Status == PawMatchStatus.Playing, (game, now) =>
        {
            game.GiveUp(now);
            return true;
        }, ct);
        return given is { } view ? view : Result<PawMatchView>.Failure("There is no game of yours to give up.");
    }

    /// <summary>The player's game as the browser may see it; a game past its time limit is ended first.</summary>
    public Task<PawMatchView?> GetAsync(UserId player, Guid gameId, CancellationToken ct = default) =>
        EndAsync(player, g => g.Id == gameId, (game, now) => game.EndIfOverdue(now), ct);

    /// <summary>The game the player is in the middle of, if any.</summary>
    public async Task<PawMatchView?> GetOpenAsync(UserId player, CancellationToken ct = default) =>
        await EndAsync(player, g => g.Status == PawMatchStatus.Playing, (game, now) => game.EndIfOverdue(now), ct) is { Status: PawMatchStatus.Playing } open
            ? open
            : null;

    /// <summary>
    /// Loads one of the player's games and, when <paramref name="end"/> ends it, settles and saves it, trying again on
    /// fresh data if the cat or wallet changed meanwhile. Null when there is no such game.
    /// </summary>
    private async Task<PawMatchView?> EndAsync(UserId player, System.Linq.Expressions.Expression<Func<PawMatchGame, bool>> which,
        Func<PawMatchGame, DateTimeOffset, bool> end, CancellationToken ct)
    {
        var result = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var game = await db.PawMatchGames.Where(g => g.PlayerId == player).Where(which).FirstOrDefaultAsync(ct);
            if (game is null)
                return Result<PawMatchView?>.Success(null);
            var now = clock.GetUtcNow();
            if (end(game, now))
            {
                await SettleAsync(db, game, now, ct);
                await db.SaveChangesAsync(ct);
                await AnnounceEndAsync(db, game, ct);
            }
            return await ViewAsync(db, game, ct);
        });
        return result.Succeeded ? result.Value : throw new InvalidOperationException(result.FirstMessage);
    }

    private static async Task<PawMatchView> ViewAsync(IPurrrDb db, PawMatchGame game, CancellationToken ct) =>
        PawMatchView.Of(game, await db.Cats.Where(c => c.Id == game.CatId).Select(c => c.Name).FirstAsync(ct));

    /// <summary>Finished games, newest first: all of a player's, or one cat's.</summary>
    public async Task<IReadOnlyList<PawMatchResult>> HistoryAsync(UserId player, CatId? cat = null, int count = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.PawMatchGames.AsNoTracking()
            .Where(g => g.PlayerId == player && g.Status != PawMatchStatus.Playing && (cat == null || g.CatId == cat))
            .OrderByDescending(g => g.StartedAt).Take(count)
            .Join(db.Cats, g => g.CatId, c => c.Id, (g, c) => new PawMatchResult(g.Id, c.Name, g.Status, g.Score, g.EntryFee, g.Payout, g.Moves, g.StartedAt))
            .ToListAsync(ct);
    }

    /// <summary>What an ended game brings: the prize, the cat's XP (win 25, loss 5) and the activities for quests.</summary>
    private async Task SettleAsync(IPurrrDb db, PawMatchGame game, DateTimeOffset now, CancellationToken ct)
    {
        var won = game.Status == PawMatchStatus.Won;
        var cat = await db.Cats.FirstAsync(c => c.Id == game.CatId, ct);
        CatXp.Award(db, game.PlayerId, cat, PersonalityTraits.Scale(won ? PawMatchGame.WinXp : PawMatchGame.LossXp, cat.Traits.Xp), now);
        var zone = await ActivityEvent.OwnerZoneAsync(db, game.PlayerId, ct);
        db.ActivityEvents.Add(ActivityEvent.Behaviour(game.PlayerId, cat, ActivityKind.PawMatchPlayed, now, zone, amount: game.Score));
        if (won)
        {
            db.ActivityEvents.Add(ActivityEvent.Behaviour(game.PlayerId, cat, ActivityKind.PawMatchWon, now, zone, amount: game.Score, remarkable: game.Misses == 0));
            if (game.FeeCurrency is { } currency)
                db.CryptoLedger.Add((await CryptoService.BalanceAsync(db, game.PlayerId, currency, ct))
                    .Credit(CryptoPawMatch.Units(game.Payout, currency), CryptoLedgerKind.PawMatchPrize, $"pawmatch-prize:{game.Id}", null, now));
            else
            {
                var payer = await db.Players.FirstAsync(p => p.Id == game.PlayerId, ct);
                db.LedgerEntries.Add(Wallet.Credit(payer, game.Payout, LedgerReason.PawMatchPrize, $"pawmatch-prize:{game.Id}", now));
            }
            WebhookOutbox.Enqueue(db, game.PlayerId, WebhookEventTypes.GameWon, new { GameId = game.Id, Game = "paw_match", CatId = cat.Id.Value, game.Score, Prize = game.Payout }, now);
        }
    }

    /// <summary>After an ended game is saved: the wallet, the cat and progress catch up on open pages.</summary>
    private async Task AnnounceEndAsync(IPurrrDb db, PawMatchGame game, CancellationToken ct)
    {
        bus.Publish(new WalletChanged(game.PlayerId, await db.Players.Where(p => p.Id == game.PlayerId).Select(p => p.Coins).FirstAsync(ct)));
        if (game.FeeCurrency is not null)
            bus.Publish(new CryptoChanged(game.PlayerId));
        bus.Publish(new CatChanged(game.CatId, game.PlayerId));
        bus.Publish(new ActivityRecorded(game.PlayerId));
    }
}

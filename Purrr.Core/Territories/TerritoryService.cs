using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.NightWatch;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.Territories;

/// <summary>
/// Territories on the neighbourhood map: claims, challenges for held spots and their contests, and the periodic tick
/// that settles unanswered challenges and lets unvisited territories go (see <see cref="TerritoryRules"/>).
/// </summary>
public sealed class TerritoryService(IPurrrDbFactory dbFactory, TimeProvider clock, IRandomSource random, IEventBus bus, IOptions<NightWatchOptions> nightWatch)
{
    /// <summary>Acts that count as a cat visiting its territories: a night patrol or anything in a live room.</summary>
    public static readonly IReadOnlyList<ActivityKind> VisitKinds = [ActivityKind.CatPatrolled, ActivityKind.RoomVisited, ActivityKind.RoomActivityDone];

    public static string ChallengeLink(Guid challenge) => $"/territories/challenges/{challenge}";

    /// <summary>The centre of the player's map (their home, or the default neighbourhood) and how far it reaches.</summary>
    public async Task<(GeoPoint Center, int Meters)> MapAreaAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await MapAreaAsync(db, player, ct);
    }

    /// <summary>Territories within <paramref name="meters"/> of a point (for the map layer).</summary>
    public async Task<IReadOnlyList<TerritoryView>> ListNearAsync(GeoPoint center, int meters, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var territories = await NearAsync(db, center, meters + TerritoryRules.RadiusMeters, ct);
        return await ViewsAsync(db, territories, ct);
    }

    /// <summary>A cat's territories (the cat page's list).</summary>
    public async Task<IReadOnlyList<TerritoryView>> ForCatAsync(CatId cat, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var territories = await db.Territories.AsNoTracking().Where(t => t.CatId == cat).OrderBy(t => t.HeldSince).ToListAsync(ct);
        return await ViewsAsync(db, territories, ct);
    }

    /// <summary>Challenges the player made or answered (only those <paramref name="cat"/> took part in, if set), newest first.</summary>
    public async Task<IReadOnlyList<ChallengeView>> HistoryAsync(UserId player, CatId? cat = null, int count = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = db.TerritoryChallenges.AsNoTracking().Where(c => c.ChallengerId == player || c.DefenderId == player);
        if (cat is { } id)
            query = query.Where(c => c.ChallengerCatId == id || c.HolderCatId == id || c.DefendingCatId == id);
        var challenges = await query.OrderByDescending(c => c.IssuedAt).Take(count).ToListAsync(ct);
        return await ChallengeViewsAsync(db, challenges, ct);
    }

    /// <summary>A challenge for one of its two players, with the defender's cats and their odds while it is pending.</summary>
    public async Task<Result<ChallengeDetails>> GetChallengeAsync(Guid id, UserId viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var challenge = await db.TerritoryChallenges.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (challenge is null || (challenge.ChallengerId != viewer && challenge.DefenderId != viewer))
            return Result<ChallengeDetails>.Failure("This challenge does not exist or is not yours to see.");
        var view = (await ChallengeViewsAsync(db, [challenge], ct))[0];
        if (!challenge.IsPending)
            return new ChallengeDetails(view, null, []);

        var now = clock.GetUtcNow();
        var challenger = await db.Cats.AsNoTracking().FirstAsync(c => c.Id == challenge.ChallengerCatId, ct);
        challenger.CatchUp(now);
        var defenders = await db.Cats.AsNoTracking().Where(c => c.OwnerId == challenge.DefenderId).OrderBy(c => c.Name).ToListAsync(ct);
        var options = defenders.Select(cat =>
        {
            cat.CatchUp(now);
            var unfit = CatLife.CheckFitForActivities(cat)?.Message;
            return new CatOption(cat.Id, cat.Name, cat.Genome, cat.Level, cat.Stats.Energy, unfit, TerritoryRules.Odds(challenger, cat));
        }).ToList();
        return new ChallengeDetails(view, options.FirstOrDefault(o => o.CatId == challenge.HolderCatId)?.Odds, options);
    }

    /// <summary>What a spot picked on the map is: free or held, and for each of the player's cats whether it can go and at what odds.</summary>
    public async Task<Result<SpotView>> SpotAsync(UserId player, GeoPoint point, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        if (await CheckSpotAsync(db, player, point, ct) is { } bad)
            return Result<SpotView>.Failure([bad]);
        var held = await OverlappingAsync(db, point, ct);
        var heldView = held is null ? null : (await ViewsAsync(db, [held], ct))[0];
        var isMine = held?.OwnerId == player;
        var blocked = held is null ? null : isMine ? $"This spot is {heldView!.Name}, already yours." : await WhyNotChallengeAsync(db, held, now, ct);
        var holder = held is null || isMine ? null : await db.Cats.AsNoTracking().FirstAsync(c => c.Id == held.CatId, ct);
        holder?.CatchUp(now);

        var cats = await db.Cats.AsNoTracking().Where(c => c.OwnerId == player).OrderBy(c => c.Name).ToListAsync(ct);
        var options = new List<CatOption>();
        foreach (var cat in cats)
        {
            cat.CatchUp(now);
            var unavailable = TerritoryRules.CheckClaimant(cat, await HeldOrPendingAsync(db, cat.Id, ct))?.Message;
            options.Add(new CatOption(cat.Id, cat.Name, cat.Genome, cat.Level, cat.Stats.Energy, unavailable, holder is null ? null : TerritoryRules.Odds(cat, holder)));
        }
        return new SpotView(point, heldView, isMine, blocked, options);
    }

    /// <summary>
    /// A cat claims the spot at <paramref name="point"/>: a free spot becomes its territory of <paramref name="type"/>
    /// (costs <see cref="TerritoryRules.ClaimEnergy"/> energy); a spot another player's cat holds is challenged instead
    /// (the defender is notified and has 12 hours to answer; the territory keeps its type).
    /// </summary>
    public Task<Result<ClaimOutcome>> ClaimAsync(UserId player, CatId catId, GeoPoint point, TerritoryType type, CancellationToken ct = default) =>
        Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            if (!Enum.IsDefined(type))
                return Result<ClaimOutcome>.Failure("Choose a garden, a rooftop, an alley or a park.", "Type");
            if (await CheckSpotAsync(db, player, point, ct) is { } bad)
                return Result<ClaimOutcome>.Failure([bad]);
            var cat = await db.Cats.FirstOrDefaultAsync(c => c.Id == catId && c.OwnerId == player, ct);
            if (cat is null)
                return Result<ClaimOutcome>.Failure("Choose one of your own cats.", "Cat");
            cat.CatchUp(now);

            var held = await OverlappingAsync(db, point, ct);
            if (held is not null && held.OwnerId == player)
            {
                var mine = (await ViewsAsync(db, [held], ct))[0];
                return Result<ClaimOutcome>.Failure($"This spot is {mine.Name}, already yours: your cats cannot challenge each other.");
            }
            if (held is not null && await WhyNotChallengeAsync(db, held, now, ct) is { } notNow)
                return Result<ClaimOutcome>.Failure(notNow);
            if (TerritoryRules.CheckClaimant(cat, await HeldOrPendingAsync(db, cat.Id, ct)) is { } unfit)
                return Result<ClaimOutcome>.Failure([unfit]);

            if (held is null)
            {
                var territory = Territory.Claim(cat.Id, player, type, point, now);
                db.Territories.Add(territory);
                cat.SpendTerritoryEnergy(TerritoryRules.ClaimEnergy, now);
                await RefreshPerksAsync(db, cat, territory, now, ct);
                db.ActivityEvents.Add(ActivityEvent.Of(player, cat, ActivityKind.TerritoryClaimed, now));
                await db.SaveChangesAsync(ct);
                bus.Publish(new TerritoriesChanged(point));
                bus.Publish(new ActivityRecorded(player));
                return new ClaimOutcome((await ViewsAsync(db, [territory], ct))[0], null);
            }

            var holderName = await db.Cats.Where(c => c.Id == held.CatId).Select(c => c.Name).FirstAsync(ct);
            var challenge = TerritoryChallenge.Issue(held, cat, holderName, now);
            db.TerritoryChallenges.Add(challenge);
            var challengerName = await PlayerNameAsync(db, player, ct);
            await Notify.AddAsync(db, held.OwnerId, NotificationType.Territory,
                $"{challengerName}'s {cat.Name} challenges {holderName} for their {TerritorySpecs.Of(held.Type).Name.ToLowerInvariant()}. Answer within 12 hours.",
                ChallengeLink(challenge.Id), player, now, ct);
            await db.SaveChangesAsync(ct);
            Announce(challenge);
            return new ClaimOutcome(null, (await ChallengeViewsAsync(db, [challenge], ct))[0]);
        });

    /// <summary>
    /// The defender answers: accept (fight with the holder, or with <paramref name="defendingCat"/>, another of their cats)
    /// or decline (the spot goes to the challenger at once, as if 12 hours had passed).
    /// </summary>
    public Task<Result<ChallengeView>> RespondAsync(UserId player, Guid challengeId, ChallengeAnswer answer, CatId? defendingCat = null, CancellationToken ct = default) =>
        Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            var challenge = await db.TerritoryChallenges.FirstOrDefaultAsync(c => c.Id == challengeId, ct);
            if (challenge is null || challenge.DefenderId != player)
                return Result<ChallengeView>.Failure("Only the defender can answer this challenge.");
            if (!challenge.IsPending)
                return Result<ChallengeView>.Failure($"This challenge is already settled: {(await ChallengeViewsAsync(db, [challenge], ct))[0].Outcome}.");
            var territory = await db.Territories.FirstOrDefaultAsync(t => t.Id == challenge.TerritoryId, ct);
            var challenger = await db.Cats.FirstOrDefaultAsync(c => c.Id == challenge.ChallengerCatId && c.OwnerId == challenge.ChallengerId, ct);

            if (territory is null || territory.OwnerId != player || challenger is null)
                challenge.Settle(ChallengeStatus.Cancelled, now);
            else if (answer == ChallengeAnswer.Decline)
                await ForfeitAsync(db, challenge, territory, challenger, now, ct);
            else
            {
                var defender = await db.Cats.FirstOrDefaultAsync(c => c.Id == (defendingCat ?? territory.CatId) && c.OwnerId == player, ct);
                if (defender is null)
                    return Result<ChallengeView>.Failure("Choose one of your own cats to defend the spot.", "Cat");
                defender.CatchUp(now);
                if (CatLife.CheckFitForActivities(defender) is { } unfit)
                    return Result<ChallengeView>.Failure([unfit]);
                await FightAsync(db, challenge, territory, challenger, defender, now, ct);
            }
            await db.SaveChangesAsync(ct);
            Announce(challenge, territory);
            return (await ChallengeViewsAsync(db, [challenge], ct))[0];
        });

    /// <summary>
    /// One tick (idempotent; a hosted worker calls it every minute): challenges unanswered for 12 hours are forfeited as of
    /// their deadline, and territories whose cat has not patrolled or been in a live room for 7 days are lost.
    /// </summary>
    public async Task<TerritoryTickReport> TickAsync(CancellationToken ct = default)
    {
        var report = await Conflicts.RetryAsync(() => TickOnceAsync(ct), maxAttempts: 5);
        return report.Succeeded ? report.Value : new TerritoryTickReport(0, 0);
    }

    private async Task<Result<TerritoryTickReport>> TickOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var settled = new List<(TerritoryChallenge Challenge, Territory? Territory)>();

        var overdue = await db.TerritoryChallenges.Where(c => c.Status == ChallengeStatus.Pending && c.AnswerBy <= now).ToListAsync(ct);
        foreach (var challenge in overdue)
        {
            var territory = await db.Territories.FirstOrDefaultAsync(t => t.Id == challenge.TerritoryId && t.OwnerId == challenge.DefenderId, ct);
            var challenger = await db.Cats.FirstOrDefaultAsync(c => c.Id == challenge.ChallengerCatId && c.OwnerId == challenge.ChallengerId, ct);
            if (territory is null || challenger is null)
                challenge.Settle(ChallengeStatus.Cancelled, challenge.AnswerBy);
            else
                await ForfeitAsync(db, challenge, territory, challenger, challenge.AnswerBy, ct);
            settled.Add((challenge, territory));
        }

        var decayed = new List<Territory>();
        var cutoff = now - TerritoryRules.DecayAfter;
        foreach (var territory in await db.Territories.Where(t => t.HeldSince <= cutoff).ToListAsync(ct))
        {
            var decaysAt = TerritoryRules.DecaysAt(territory.HeldSince, await LastVisitAsync(db, territory.CatId, ct));
            if (decaysAt > now || settled.Any(s => s.Territory == territory))
                continue;
            db.Territories.Remove(territory);
            decayed.Add(territory);
            var cat = await db.Cats.FirstAsync(c => c.Id == territory.CatId, ct);
            await RefreshPerksAsync(db, cat, territory, decaysAt, ct, removed: true);
            foreach (var pending in await db.TerritoryChallenges.Where(c => c.TerritoryId == territory.Id && c.Status == ChallengeStatus.Pending).ToListAsync(ct))
            {
                pending.Settle(ChallengeStatus.Cancelled, now);
                settled.Add((pending, null));
            }
            await Notify.AddAsync(db, territory.OwnerId, NotificationType.Territory,
                $"{cat.Name}'s {TerritorySpecs.Of(territory.Type).Name.ToLowerInvariant()} went back to the wild: {cat.Name} had not patrolled or been in a room for 7 days.",
                $"/cats/{cat.Id}", null, now, ct);
        }
        if (settled.Count == 0 && decayed.Count == 0)
            return new TerritoryTickReport(0, 0);

        await db.SaveChangesAsync(ct);
        foreach (var (challenge, territory) in settled)
            Announce(challenge, territory);
        foreach (var territory in decayed)
            bus.Publish(new TerritoriesChanged(territory.Center));
        Notify.Announce(bus, decayed.Select(t => t.OwnerId));
        return new TerritoryTickReport(settled.Count(s => s.Challenge.Status == ChallengeStatus.Forfeited), decayed.Count);
    }

    /// <summary>The contest, fought now: one draw (see <see cref="TerritoryRules.Fight"/>); the loser's other territories are protected for 24 hours.</summary>
    private async Task FightAsync(IPurrrDb db, TerritoryChallenge challenge, Territory territory, Cat challenger, Cat defender, DateTimeOffset now, CancellationToken ct)
    {
        challenger.CatchUp(now);
        var result = TerritoryRules.Fight(TerritoryRules.Odds(challenger, defender), random);
        challenger.SpendTerritoryEnergy(TerritoryRules.ContestEnergy, now);
        defender.SpendTerritoryEnergy(TerritoryRules.ContestEnergy, now);
        challenge.Fought(defender, result, now);

        var (winner, loser) = result.ChallengerWins ? (challenger, defender) : (defender, challenger);
        CatXp.Award(db, winner.OwnerId, winner, TerritoryRules.ContestWinXp, now);
        db.ActivityEvents.Add(ActivityEvent.Of(winner.OwnerId, winner, ActivityKind.TerritoryChallengeWon, now));
        if (result.ChallengerWins)
            await HandOverAsync(db, territory, challenger, now, ct);
        await ProtectAsync(db, loser.OwnerId, territory.Id, now, ct);

        var text = result.ChallengerWins
            ? $"{challenger.Name} won {challenge.HolderCatName}'s {TerritorySpecs.Of(territory.Type).Name.ToLowerInvariant()} from {defender.Name}!"
            : $"{defender.Name} held the {TerritorySpecs.Of(territory.Type).Name.ToLowerInvariant()} against {challenger.Name}.";
        await Notify.AddAsync(db, challenge.ChallengerId, NotificationType.Territory, text, ChallengeLink(challenge.Id), challenge.DefenderId, now, ct);
    }

    /// <summary>The defender gave the spot up (declined, or let the deadline pass): it goes to the challenger's cat.</summary>
    private async Task ForfeitAsync(IPurrrDb db, TerritoryChallenge challenge, Territory territory, Cat challenger, DateTimeOffset at, CancellationToken ct)
    {
        challenge.Settle(ChallengeStatus.Forfeited, at);
        var holder = await db.Cats.FirstAsync(c => c.Id == territory.CatId, ct);
        await HandOverAsync(db, territory, challenger, at, ct, holder);
        await ProtectAsync(db, challenge.DefenderId, territory.Id, at, ct);
        await Notify.AddAsync(db, challenge.ChallengerId, NotificationType.Territory,
            $"{challenger.Name} took {challenge.HolderCatName}'s {TerritorySpecs.Of(territory.Type).Name.ToLowerInvariant()} without a fight: the defender gave it up.",
            ChallengeLink(challenge.Id), null, at, ct);
    }

    private static async Task HandOverAsync(IPurrrDb db, Territory territory, Cat to, DateTimeOffset at, CancellationToken ct, Cat? from = null)
    {
        from ??= await db.Cats.FirstAsync(c => c.Id == territory.CatId, ct);
        await RefreshPerksAsync(db, from, territory, at, ct, removed: true);
        territory.HandOver(to.Id, to.OwnerId, at);
        await RefreshPerksAsync(db, to, territory, at, ct);
        db.ActivityEvents.Add(ActivityEvent.Of(to.OwnerId, to, ActivityKind.TerritoryClaimed, at));
    }

    /// <summary>The loser's other territories cannot be challenged for 24 hours.</summary>
    private static async Task ProtectAsync(IPurrrDb db, UserId loser, Guid contested, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var other in await db.Territories.Where(t => t.OwnerId == loser && t.Id != contested).ToListAsync(ct))
            other.Protect(now + TerritoryRules.LoserProtection);
    }

    /// <summary>
    /// Sets the cat's perks from its territories as saved plus <paramref name="changed"/> (just claimed, won or lost), so
    /// the hours up to <paramref name="at"/> count with the old perks (see <see cref="Cat.HoldTerritories"/>).
    /// </summary>
    private static async Task RefreshPerksAsync(IPurrrDb db, Cat cat, Territory changed, DateTimeOffset at, CancellationToken ct, bool removed = false)
    {
        var types = await db.Territories.Where(t => t.CatId == cat.Id && t.Id != changed.Id).Select(t => t.Type).ToListAsync(ct);
        if (!removed)
            types.Add(changed.Type);
        cat.HoldTerritories(TerritoryPerks.Of(types, cat.Traits), at);
    }

    private void Announce(TerritoryChallenge challenge, Territory? territory = null)
    {
        bus.Publish(new TerritoryChallengeChanged(challenge.Id, challenge.ChallengerId, challenge.DefenderId));
        bus.Publish(new TerritoriesChanged(territory?.Center ?? new GeoPoint(challenge.Latitude, challenge.Longitude)));
        Notify.Announce(bus, [challenge.ChallengerId, challenge.DefenderId]);
    }

    private async Task<Problem?> CheckSpotAsync(IPurrrDb db, UserId player, GeoPoint point, CancellationToken ct)
    {
        if (GeoPoint.Check(point.Latitude, point.Longitude) is { } invalid)
            return invalid;
        var (center, meters) = await MapAreaAsync(db, player, ct);
        return center.DistanceTo(point) > meters
            ? new Problem($"That spot is off your neighbourhood map: territories must lie within {meters / 1000.0:0.#} km of your home.", "Location")
            : null;
    }

    private async Task<(GeoPoint Center, int Meters)> MapAreaAsync(IPurrrDb db, UserId player, CancellationToken ct)
    {
        var home = await db.Players.Where(p => p.Id == player).Select(p => new { p.HomeLatitude, p.HomeLongitude }).FirstOrDefaultAsync(ct);
        var center = home is { HomeLatitude: { } lat, HomeLongitude: { } lng }
            ? new GeoPoint(lat, lng)
            : new GeoPoint(nightWatch.Value.DefaultLatitude, nightWatch.Value.DefaultLongitude);
        return (center, nightWatch.Value.NeighbourhoodMeters);
    }

    /// <summary>Why a held spot cannot be challenged now (protected, or already under challenge), or null.</summary>
    private static async Task<string?> WhyNotChallengeAsync(IPurrrDb db, Territory held, DateTimeOffset now, CancellationToken ct)
    {
        if (held.ProtectedUntil is { } until && until > now)
            return $"This spot is protected for another {Durations.Countdown(until - now)}: its owner lost a challenge lately.";
        return await db.TerritoryChallenges.AnyAsync(c => c.TerritoryId == held.Id && c.Status == ChallengeStatus.Pending, ct)
            ? "Another cat has already challenged for this spot; try again once that is settled."
            : null;
    }

    /// <summary>The territory whose circle a new one at <paramref name="point"/> would overlap (the nearest, if several).</summary>
    private static async Task<Territory?> OverlappingAsync(IPurrrDb db, GeoPoint point, CancellationToken ct) =>
        (await NearAsync(db, point, 2 * TerritoryRules.RadiusMeters, ct))
            .Where(t => TerritoryRules.Overlaps(t.Center, point)).MinBy(t => t.Center.DistanceTo(point));

    private static async Task<List<Territory>> NearAsync(IPurrrDb db, GeoPoint center, double meters, CancellationToken ct)
    {
        var dLat = meters / 111_320.0;
        var dLng = meters / (111_320.0 * Math.Max(0.01, Math.Cos(center.Latitude * Math.PI / 180)));
        var (minLat, maxLat, minLng, maxLng) = (center.Latitude - dLat, center.Latitude + dLat, center.Longitude - dLng, center.Longitude + dLng);
        var boxed = await db.Territories.AsNoTracking()
            .Where(t => t.Latitude >= minLat && t.Latitude <= maxLat && t.Longitude >= minLng && t.Longitude <= maxLng)
            .ToListAsync(ct);
        return boxed.Where(t => t.Center.DistanceTo(center) <= meters).ToList();
    }

    private static async Task<int> HeldOrPendingAsync(IPurrrDb db, CatId cat, CancellationToken ct) =>
        await db.Territories.CountAsync(t => t.CatId == cat, ct)
        + await db.TerritoryChallenges.CountAsync(c => c.ChallengerCatId == cat && c.Status == ChallengeStatus.Pending, ct);

    private static Task<DateTimeOffset?> LastVisitAsync(IPurrrDb db, CatId cat, CancellationToken ct) =>
        db.ActivityEvents.Where(e => e.CatId == cat && VisitKinds.Contains(e.Kind))
            .OrderByDescending(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(ct);

    private static Task<string> PlayerNameAsync(IPurrrDb db, UserId player, CancellationToken ct) =>
        db.Players.Where(p => p.Id == player).Select(p => p.DisplayName).FirstAsync(ct);

    private static async Task<IReadOnlyList<TerritoryView>> ViewsAsync(IPurrrDb db, IReadOnlyList<Territory> territories, CancellationToken ct)
    {
        var catIds = territories.Select(t => t.CatId).Distinct().ToList();
        var ownerIds = territories.Select(t => t.OwnerId).Distinct().ToList();
        var territoryIds = territories.Select(t => t.Id).ToList();
        var cats = await db.Cats.AsNoTracking().Where(c => catIds.Contains(c.Id)).Select(c => new { c.Id, c.Name, c.Genome }).ToDictionaryAsync(c => c.Id, ct);
        var owners = await db.Players.AsNoTracking().Where(p => ownerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var pending = await db.TerritoryChallenges.AsNoTracking().Where(c => territoryIds.Contains(c.TerritoryId) && c.Status == ChallengeStatus.Pending)
            .Select(c => new { c.TerritoryId, c.Id }).ToListAsync(ct);
        var visits = new Dictionary<CatId, DateTimeOffset?>();
        foreach (var cat in catIds)
            visits[cat] = await LastVisitAsync(db, cat, ct);
        return territories.Select(t => new TerritoryView(t.Id, t.Type, t.Latitude, t.Longitude, t.CatId, cats[t.CatId].Name, cats[t.CatId].Genome,
            t.OwnerId, owners.GetValueOrDefault(t.OwnerId, "A neighbour"), t.HeldSince, t.ProtectedUntil, TerritoryRules.DecaysAt(t.HeldSince, visits[t.CatId]),
            pending.FirstOrDefault(p => p.TerritoryId == t.Id)?.Id)).ToList();
    }

    private static async Task<IReadOnlyList<ChallengeView>> ChallengeViewsAsync(IPurrrDb db, IReadOnlyList<TerritoryChallenge> challenges, CancellationToken ct)
    {
        var ids = challenges.SelectMany(c => new[] { c.ChallengerId, c.DefenderId }).Distinct().ToList();
        var names = await db.Players.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        return challenges.Select(c => new ChallengeView(c.Id, c.TerritoryId, c.Type, c.Latitude, c.Longitude,
            c.ChallengerId, names.GetValueOrDefault(c.ChallengerId, "A neighbour"), c.ChallengerCatId, c.ChallengerCatName,
            c.DefenderId, names.GetValueOrDefault(c.DefenderId, "A neighbour"), c.HolderCatId, c.HolderCatName, c.DefendingCatName,
            c.Status, c.IssuedAt, c.AnswerBy, c.SettledAt, c.ChallengerChance, c.Roll)).ToList();
    }
}

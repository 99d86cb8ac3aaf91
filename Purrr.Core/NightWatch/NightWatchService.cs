using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Admin;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.Games;
using Purrr.Core.Persistence;

namespace Purrr.Core.NightWatch;

/// <summary>Night watch for a player: their home, deploying and recalling patrols, zones, the map, history and stats.</summary>
public sealed class NightWatchService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus, IOptions<NightWatchOptions> options, FeatureFlags flags)
{
    private NightWatchOptions Options => options.Value;

    /// <summary>Sets the player's home point; the first time, their free "Home Base" safe haven is built there.</summary>
    public async Task<Result<GeoPoint>> SetHomeAsync(UserId playerId, double latitude, double longitude, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.NightWatch, ct) is { } off)
            return Result<GeoPoint>.Failure(off.Message);
        if (GeoPoint.Check(latitude, longitude) is { } bad)
            return Result<GeoPoint>.Failure(bad.Message, bad.Field);
        var home = new GeoPoint(latitude, longitude);
        // The player row also holds the coins: a purchase at the same moment makes this try again on fresh data.
        var set = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var player = await db.Players.FirstAsync(p => p.Id == playerId, ct);
            player.SetHome(home);
            var now = clock.GetUtcNow();
            if (!await db.ProtectionZones.AnyAsync(z => z.OwnerId == playerId && z.IsHomeBase, ct))
            {
                db.ProtectionZones.Add(ProtectionZone.Build(playerId, ZoneType.SafeHaven, ZoneSpecs.HomeBaseName, home, ZoneSpecs.HomeBaseRadius, now, isHomeBase: true));
                db.ActivityEvents.Add(ActivityEvent.Of(playerId, null, ActivityKind.ZoneBuilt, now, amount: await ZoneTypesOwnedAsync(db, playerId, ZoneType.SafeHaven, ct)));
            }
            await db.SaveChangesAsync(ct);
            return Result<GeoPoint>.Success(home);
        });
        if (set.Succeeded)
        {
            bus.Publish(new NeighbourhoodChanged(home));
            bus.Publish(new ActivityRecorded(playerId));
        }
        return set;
    }

    public async Task<NightWatchStatus> GetStatusAsync(UserId playerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var player = await db.Players.AsNoTracking().FirstAsync(p => p.Id == playerId, ct);
        var zone = player.TimeZone;
        var patrols = await db.Patrols.AsNoTracking().Where(p => p.PlayerId == playerId).OrderByDescending(p => p.StartedAt).Take(2).ToListAsync(ct);
        var active = patrols.FirstOrDefault(p => p.Status == PatrolStatus.Active);
        var last = patrols.FirstOrDefault(p => p.Status != PatrolStatus.Active);
        var views = await ViewsAsync(db, [.. new[] { active, last }.OfType<Patrol>()], ct);

        var busy = await CatAvailability.BusyAsync(db, playerId, ct);
        var cats = await db.Cats.AsNoTracking().Where(c => c.OwnerId == playerId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        var candidates = cats.Select(cat =>
        {
            cat.CatchUp(now);
            var unavailable = busy.GetValueOrDefault(cat.Id) ?? CatLife.CheckFitForActivities(cat)?.Message;
            return new DeployCandidate(CatSummary.Of(cat, player.DisplayName), PatrolRoles.For(cat.Personality), unavailable);
        }).ToList();

        return new NightWatchStatus(zone, Options.Window.IsNight(zone, now), Options.Window.NextStart(zone, now), Options.Window.Dawn(zone, now), player.Home,
            active is null ? null : views[active.Id], last is null ? null : views[last.Id], candidates);
    }

    /// <summary>Sends up to 10 of the player's cats out until dawn; each takes its personality's role unless another is given.</summary>
    public async Task<Result<PatrolView>> DeployAsync(UserId playerId, IReadOnlyList<DeployRequest> team, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.NightWatch, ct) is { } off)
            return Result<PatrolView>.Failure(off.Message);
        if (team.Count == 0)
            return Result<PatrolView>.Failure("Choose at least one cat.");
        if (team.Count > Patrol.MaxCats)
            return Result<PatrolView>.Failure($"A patrol takes at most {Patrol.MaxCats} cats.");
        if (team.Select(t => t.Cat).Distinct().Count() != team.Count)
            return Result<PatrolView>.Failure("Each cat can only go once.");
        if (team.Any(t => t.Role is { } role && !Enum.IsDefined(role)))
            return Result<PatrolView>.Failure("Choose guardian, scout, alarm or healer.");

        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var player = await db.Players.AsNoTracking().FirstAsync(p => p.Id == playerId, ct);
        if (!Options.Window.IsNight(player.TimeZone, now))
            return Result<PatrolView>.Failure($"Night watch runs {Options.StartHour:00}:00–{Options.EndHour:00}:00 your time ({player.TimeZoneId}); " +
                $"it starts in {Durations.Countdown(Options.Window.NextStart(player.TimeZone, now) - now)}.");
        if (player.Home is not { } home)
            return Result<PatrolView>.Failure("Set your home on the map first: your cats patrol around it.");
        if (await db.Patrols.AnyAsync(p => p.PlayerId == playerId && p.Status == PatrolStatus.Active, ct))
            return Result<PatrolView>.Failure("Your cats are already out on patrol. Recall them to send a different team.");

        var ids = team.Select(t => t.Cat).ToList();
        var cats = await db.Cats.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        if (cats.Count != team.Count || cats.Any(c => c.OwnerId != playerId))
            return Result<PatrolView>.Failure("Only your own cats can patrol.");
        var busy = await CatAvailability.BusyAsync(db, playerId, ct);
        foreach (var cat in cats)
        {
            cat.CatchUp(now);
            if ((busy.GetValueOrDefault(cat.Id) ?? CatLife.CheckFitForActivities(cat)?.Message) is { } reason)
                return Result<PatrolView>.Failure(reason);
        }

        var patrol = Patrol.Start(playerId, home, now, Options.Window.Dawn(player.TimeZone, now));
        db.Patrols.Add(patrol);
        for (var i = 0; i < team.Count; i++)
        {
            var cat = cats.First(c => c.Id == team[i].Cat);
            var role = team[i].Role ?? PatrolRoles.For(cat.Personality);
            db.PatrolCats.Add(PatrolCat.Join(patrol, cat.Id, role, i));
            db.ActivityEvents.Add(ActivityEvent.Behaviour(playerId, cat, ActivityKind.CatPatrolled, now, player.TimeZone, amount: (int)role));
        }
        var names = Names(team.Select(t => cats.First(c => c.Id == t.Cat).Name).ToList());
        db.NightWatchEvents.Add(NightWatchEvent.Of(patrol, NightEventKind.PatrolStarted, home, now, $"{player.DisplayName} sent {names} out on patrol."));
        db.ActivityEvents.Add(ActivityEvent.Of(playerId, null, ActivityKind.PatrolStarted, now, amount: team.Count));
        await db.SaveChangesAsync(ct);
        bus.Publish(new NeighbourhoodChanged(home));
        bus.Publish(new ActivityRecorded(playerId));
        return (await ViewsAsync(db, [patrol], ct))[patrol.Id];
    }

    public async Task<Result<PatrolView>> RecallAsync(UserId playerId, Guid patrolId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var patrol = await db.Patrols.FirstOrDefaultAsync(p => p.Id == patrolId && p.PlayerId == playerId, ct);
        if (patrol is not { Status: PatrolStatus.Active })
            return Result<PatrolView>.Failure("There is no patrol of yours out right now.");
        var now = clock.GetUtcNow();
        patrol.End(PatrolStatus.Recalled, now);
        var owner = await db.Players.Where(p => p.Id == playerId).Select(p => p.DisplayName).FirstAsync(ct);
        db.NightWatchEvents.Add(NightWatchEvent.Of(patrol, NightEventKind.PatrolEnded, patrol.Center, now,
            $"{owner} called the patrol home: {patrol.StraysSaved} strays saved."));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<PatrolView>.Failure("The patrol was just busy; try again.");
        }
        bus.Publish(new NeighbourhoodChanged(patrol.Center));
        return (await ViewsAsync(db, [patrol], ct))[patrol.Id];
    }

    /// <summary>Builds a zone, paid with coins or with a zone kit the player holds.</summary>
    public async Task<Result<ZoneView>> CreateZoneAsync(UserId playerId, ZoneRequest request, string idempotencyKey, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.NightWatch, ct) is { } off)
            return Result<ZoneView>.Failure(off.Message);
        if (!Enum.IsDefined(request.Type))
            return Result<ZoneView>.Failure("Choose a kind of zone.");
        var spec = ZoneSpecs.Of(request.Type);
        var name = string.IsNullOrWhiteSpace(request.Name) ? spec.Name : request.Name.Trim();
        var problems = new List<Problem>();
        if (name.Length > ZoneSpecs.NameMaxLength)
            problems.Add(new($"A zone name can have at most {ZoneSpecs.NameMaxLength} characters.", nameof(ZoneRequest.Name)));
        if (request.RadiusMeters is < ZoneSpecs.MinRadius or > ZoneSpecs.MaxRadius)
            problems.Add(new($"A zone's radius is {ZoneSpecs.MinRadius} to {ZoneSpecs.MaxRadius:N0} metres.", nameof(ZoneRequest.RadiusMeters)));
        if (GeoPoint.Check(request.Latitude, request.Longitude) is { } bad)
            problems.Add(bad);
        if (problems.Count > 0)
            return Result<ZoneView>.Failure(problems);

        var built = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            // A retried click (same key) gets the zone it already paid for.
            if ((await Wallet.PaymentForAsync(db, playerId, idempotencyKey, ct))?.ReferencedId("zone") is { } builtId
                && await db.ProtectionZones.AsNoTracking().FirstOrDefaultAsync(z => z.Id == builtId, ct) is { } earlier)
                return Result<ZoneView>.Success(View(earlier, await db.Players.Where(p => p.Id == playerId).Select(p => p.DisplayName).FirstAsync(ct)));
            var now = clock.GetUtcNow();
            var zone = ProtectionZone.Build(playerId, spec.Type, name, new GeoPoint(request.Latitude, request.Longitude), request.RadiusMeters, now);
            if (request.UseKit)
            {
                var kit = Items.Find(spec.KitKey) is { } kitItem ? await InventoryItem.ShelfAsync(db, playerId, kitItem, ct) : null;
                if (kit is null || !kit.TryTakeOne())
                    return Result<ZoneView>.Failure($"You have no {spec.Name.ToLowerInvariant()} kit. Buy one in the shop, or pay {spec.Cost} coins.");
            }
            else
            {
                var payer = await db.Players.FirstAsync(p => p.Id == playerId, ct);
                var paid = Wallet.Spend(payer, spec.Cost, LedgerReason.ZonePurchase, $"zone:{zone.Id}", idempotencyKey, now);
                if (!paid.Succeeded)
                    return Result<ZoneView>.Failure(paid.Problems);
                db.LedgerEntries.Add(paid.Value);
            }
            db.ProtectionZones.Add(zone);
            db.ActivityEvents.Add(ActivityEvent.Of(playerId, null, ActivityKind.ZoneBuilt, now, amount: await ZoneTypesOwnedAsync(db, playerId, spec.Type, ct)));
            await db.SaveChangesAsync(ct);
            var owner = await db.Players.Where(p => p.Id == playerId).Select(p => new { p.DisplayName, p.Coins }).FirstAsync(ct);
            bus.Publish(new WalletChanged(playerId, owner.Coins));
            return Result<ZoneView>.Success(View(zone, owner.DisplayName));
        });
        if (built.Succeeded)
        {
            bus.Publish(new NeighbourhoodChanged(new GeoPoint(request.Latitude, request.Longitude)));
            bus.Publish(new ActivityRecorded(playerId));
        }
        return built;
    }

    public async Task<Result<ZoneView>> MoveZoneAsync(UserId playerId, Guid zoneId, double latitude, double longitude, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.NightWatch, ct) is { } off)
            return Result<ZoneView>.Failure(off.Message);
        if (GeoPoint.Check(latitude, longitude) is { } bad)
            return Result<ZoneView>.Failure(bad.Message, bad.Field);
        await using var db = await dbFactory.CreateAsync(ct);
        var zone = await db.ProtectionZones.FirstOrDefaultAsync(z => z.Id == zoneId && z.OwnerId == playerId, ct);
        if (zone is null)
            return Result<ZoneView>.Failure("Only a zone's owner can move it.");
        var from = zone.Center;
        zone.MoveTo(new GeoPoint(latitude, longitude));
        await db.SaveChangesAsync(ct);
        bus.Publish(new NeighbourhoodChanged(from));
        bus.Publish(new NeighbourhoodChanged(zone.Center));
        return View(zone, await db.Players.Where(p => p.Id == playerId).Select(p => p.DisplayName).FirstAsync(ct));
    }

    public async Task<Result<bool>> RemoveZoneAsync(UserId playerId, Guid zoneId, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.NightWatch, ct) is { } off)
            return Result<bool>.Failure(off.Message);
        await using var db = await dbFactory.CreateAsync(ct);
        var zone = await db.ProtectionZones.FirstOrDefaultAsync(z => z.Id == zoneId && z.OwnerId == playerId, ct);
        if (zone is null)
            return Result<bool>.Failure("Only a zone's owner can remove it.");
        db.ProtectionZones.Remove(zone);
        await db.SaveChangesAsync(ct);
        bus.Publish(new NeighbourhoodChanged(zone.Center));
        return true;
    }

    /// <summary>Zones of every player within <paramref name="meters"/> of a point.</summary>
    public async Task<IReadOnlyList<ZoneView>> ListZonesAsync(GeoPoint near, int meters, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await ZonesNearAsync(db, near, meters, ct);
    }

    /// <summary>The viewer's neighbourhood: zones, patrolling cats and recent events around their home.</summary>
    public async Task<NeighbourhoodMap> GetMapAsync(UserId? viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var home = viewer is { } id ? await db.Players.Where(p => p.Id == id).Select(p => new { p.HomeLatitude, p.HomeLongitude }).FirstOrDefaultAsync(ct) : null;
        var hasHome = home?.HomeLatitude is not null && home.HomeLongitude is not null;
        var center = hasHome ? new GeoPoint(home!.HomeLatitude!.Value, home.HomeLongitude!.Value) : new GeoPoint(Options.DefaultLatitude, Options.DefaultLongitude);
        var meters = Options.NeighbourhoodMeters;
        var (minLat, maxLat, minLng, maxLng) = Box(center, meters);

        var zones = await ZonesNearAsync(db, center, meters, ct);
        var now = clock.GetUtcNow();
        var patrols = await db.Patrols.AsNoTracking()
            .Where(p => p.Status == PatrolStatus.Active && p.Latitude >= minLat && p.Latitude <= maxLat && p.Longitude >= minLng && p.Longitude <= maxLng)
            .ToListAsync(ct);
        var markers = await MarkersAsync(db, patrols, now, ct);
        var events = await db.NightWatchEvents.AsNoTracking()
            .Where(e => e.Latitude >= minLat && e.Latitude <= maxLat && e.Longitude >= minLng && e.Longitude <= maxLng)
            .OrderByDescending(e => e.Id).Take(NeighbourhoodMap.MaxEvents).ToListAsync(ct);
        return new NeighbourhoodMap(center, meters, hasHome, zones, markers.Where(m => center.DistanceTo(new GeoPoint(m.Latitude, m.Longitude)) <= meters).ToList(),
            events.Select(MapEventOf).ToList());
    }

    /// <summary>The player's patrols, newest first (only those a given cat was on, if <paramref name="cat"/> is set).</summary>
    public async Task<IReadOnlyList<PatrolView>> HistoryAsync(UserId playerId, CatId? cat = null, int count = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = db.Patrols.AsNoTracking().Where(p => p.PlayerId == playerId);
        if (cat is { } catId)
            query = query.Where(p => db.PatrolCats.Any(pc => pc.PatrolId == p.Id && pc.CatId == catId));
        var patrols = await query.OrderByDescending(p => p.StartedAt).Take(count).ToListAsync(ct);
        var views = await ViewsAsync(db, patrols, ct);
        return patrols.Select(p => views[p.Id]).ToList();
    }

    public async Task<NightWatchStats> StatsAsync(UserId playerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var totals = await db.Patrols.Where(p => p.PlayerId == playerId).GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Encounters = g.Sum(p => p.Encounters),
            Deterrences = g.Sum(p => p.Deterrences),
            Rescued = g.Sum(p => p.StraysRescued),
            Sheltered = g.Sum(p => p.StraysSheltered),
            Xp = g.Sum(p => p.XpEarned),
        }).FirstOrDefaultAsync(ct);
        return totals is null ? new(0, 0, 0, 0, 0, 0) : new(totals.Count, totals.Encounters, totals.Deterrences, totals.Rescued, totals.Sheltered, totals.Xp);
    }

    public static ZoneView View(ProtectionZone zone, string ownerName) =>
        new(zone.Id, zone.Type, zone.Name, zone.Latitude, zone.Longitude, zone.RadiusMeters, zone.OwnerId, ownerName, zone.IsHomeBase);

    public static MapEvent MapEventOf(NightWatchEvent e) => new(e.Id, e.Kind, e.Latitude, e.Longitude, e.OccurredAt, e.Text, e.Threat, e.Deterred, e.PlayerId);

    /// <summary>Where the cats of these patrols are now, with their looks for the map.</summary>
    public static async Task<IReadOnlyList<CatMarker>> MarkersAsync(IPurrrDb db, IReadOnlyList<Patrol> patrols, DateTimeOffset now, CancellationToken ct)
    {
        if (patrols.Count == 0)
            return [];
        var ids = patrols.Select(p => p.Id).ToList();
        var members = await db.PatrolCats.AsNoTracking().Where(pc => ids.Contains(pc.PatrolId))
            .Join(db.Cats, pc => pc.CatId, c => c.Id, (pc, c) => new { pc.PatrolId, pc.CatId, pc.Role, pc.Position, c.Name, c.Genome, c.OwnerId })
            .ToListAsync(ct);
        var owners = await db.Players.Where(p => patrols.Select(x => x.PlayerId).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        var markers = new List<CatMarker>(members.Count);
        foreach (var patrol in patrols)
        {
            var team = members.Where(m => m.PatrolId == patrol.Id).OrderBy(m => m.Position).ToList();
            foreach (var m in team)
            {
                var at = PatrolRoute.Position(patrol.Center, m.Position, team.Count, patrol.StartedAt, now);
                markers.Add(new CatMarker(patrol.Id, m.CatId, m.Name, owners.GetValueOrDefault(patrol.PlayerId, ""), m.Role, at.Latitude, at.Longitude, m.Genome));
            }
        }
        return markers;
    }

    /// <summary>A latitude/longitude box around a point, to narrow database queries before exact distances.</summary>
    public static (double MinLat, double MaxLat, double MinLng, double MaxLng) Box(GeoPoint center, int meters)
    {
        var dLat = meters / 111_320.0;
        var dLng = meters / (111_320.0 * Math.Max(0.01, Math.Cos(center.Latitude * Math.PI / 180)));
        return (center.Latitude - dLat, center.Latitude + dLat, center.Longitude - dLng, center.Longitude + dLng);
    }

    public static string Names(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "no cats",
        1 => names[0],
        _ => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
    };

    private static async Task<IReadOnlyList<ZoneView>> ZonesNearAsync(IPurrrDb db, GeoPoint center, int meters, CancellationToken ct)
    {
        var (minLat, maxLat, minLng, maxLng) = Box(center, meters + ZoneSpecs.MaxRadius);
        var rows = await db.ProtectionZones.AsNoTracking()
            .Where(z => z.Latitude >= minLat && z.Latitude <= maxLat && z.Longitude >= minLng && z.Longitude <= maxLng)
            .Join(db.Players, z => z.OwnerId, p => p.Id, (z, p) => new { Zone = z, Owner = p.DisplayName })
            .ToListAsync(ct);
        return rows.Where(r => r.Zone.Center.DistanceTo(center) <= meters + r.Zone.RadiusMeters)
            .OrderBy(r => r.Zone.CreatedAt).Select(r => View(r.Zone, r.Owner)).ToList();
    }

    /// <summary>How many kinds of zone the player owns once a zone of <paramref name="adding"/> is added.</summary>
    private static async Task<int> ZoneTypesOwnedAsync(IPurrrDb db, UserId playerId, ZoneType adding, CancellationToken ct)
    {
        var owned = await db.ProtectionZones.Where(z => z.OwnerId == playerId).Select(z => z.Type).Distinct().ToListAsync(ct);
        return owned.Append(adding).Distinct().Count();
    }

    private static async Task<Dictionary<Guid, PatrolView>> ViewsAsync(IPurrrDb db, IReadOnlyList<Patrol> patrols, CancellationToken ct)
    {
        var ids = patrols.Select(p => p.Id).ToList();
        var members = await db.PatrolCats.AsNoTracking().Where(pc => ids.Contains(pc.PatrolId))
            .Join(db.Cats, pc => pc.CatId, c => c.Id, (pc, c) => new { pc, c.Name, c.Genome, c.Personality })
            .ToListAsync(ct);
        return patrols.ToDictionary(p => p.Id, p => new PatrolView(p.Id, p.StartedAt, p.EndsAt, p.EndedAt, p.Status,
            members.Where(m => m.pc.PatrolId == p.Id).OrderBy(m => m.pc.Position)
                .Select(m => new PatrolCatView(m.pc.CatId, m.Name, m.Genome, m.pc.Role, PatrolRoles.Strength(m.pc.Role, m.Personality), m.pc.XpEarned, m.pc.Deterrences))
                .ToList(),
            p.Encounters, p.Deterrences, p.StraysRescued, p.StraysSheltered, p.StraysLost, p.XpEarned));
    }
}

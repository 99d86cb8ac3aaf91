using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;
using Purrr.Core.Webhooks;

namespace Purrr.Core.NightWatch;

/// <summary>What a tick did.</summary>
public sealed record TickReport(DateTimeOffset At, int PatrolsTicked, int PatrolsEnded, int Events);

/// <summary>
/// One simulation tick over every active patrol (spec §6): patrols past dawn come home; the others meet bobcats and
/// strays by <see cref="ThreatModel"/>; the cats earn XP; everything is stored as events and sent to open maps.
/// </summary>
public sealed class NightWatchSimulator(
    IPurrrDbFactory dbFactory,
    TimeProvider clock,
    IRandomSource random,
    IWeatherProvider weather,
    IEventBus bus,
    IOptions<NightWatchOptions> options)
{
    public async Task<TickReport> TickAsync(CancellationToken ct = default)
    {
        // A care action or a recall racing with the tick makes it start over on fresh data.
        var report = await Conflicts.RetryAsync(() => TickOnceAsync(ct), maxAttempts: 5);
        return report.Succeeded ? report.Value : new TickReport(clock.GetUtcNow(), 0, 0, 0);
    }

    private async Task<Result<TickReport>> TickOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var players = new HashSet<UserId>();
        var newEvents = new List<NightWatchEvent>();
        var alerts = new List<(UserId Recipient, NightWatchEvent Event)>();

        var ending = await db.Patrols.Where(p => p.Status == PatrolStatus.Active && p.EndsAt <= now).ToListAsync(ct);
        var patrols = await db.Patrols.Where(p => p.Status == PatrolStatus.Active && p.EndsAt > now).ToListAsync(ct);
        var owners = await db.Players.Where(p => db.Patrols.Any(x => x.Status == PatrolStatus.Active && x.PlayerId == p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);

        foreach (var patrol in ending)
        {
            patrol.End(PatrolStatus.Completed, patrol.EndsAt);
            newEvents.Add(NightWatchEvent.Of(patrol, NightEventKind.PatrolEnded, patrol.Center, now,
                $"{owners.GetValueOrDefault(patrol.PlayerId, "A")}'s patrol came home at dawn: {patrol.StraysSaved} strays saved."));
            db.ActivityEvents.Add(ActivityEvent.Of(patrol.PlayerId, null, ActivityKind.PatrolCompleted, now));
            players.Add(patrol.PlayerId);
        }

        var members = await db.PatrolCats.Where(pc => db.Patrols.Any(p => p.Id == pc.PatrolId && p.Status == PatrolStatus.Active && p.EndsAt > now))
            .ToListAsync(ct);
        var traits = await db.PatrolCats.Where(pc => db.Patrols.Any(p => p.Id == pc.PatrolId && p.Status == PatrolStatus.Active && p.EndsAt > now))
            .Join(db.Cats, pc => pc.CatId, c => c.Id, (pc, c) => new { c.Id, c.Personality, c.Name })
            .ToDictionaryAsync(c => c.Id, ct);
        var byPatrol = members.GroupBy(m => m.PatrolId).ToDictionary(g => g.Key, g => g.OrderBy(m => m.Position).ToArray());
        var teams = patrols.Where(p => byPatrol.ContainsKey(p.Id)).Select(p => (Patrol: p, Team: byPatrol[p.Id])).ToList();
        var inputs = teams.Select(t => new PatrolInput(t.Patrol.Center,
            t.Team.Select(m => new PatrolCatState(m.Role, traits[m.CatId].Personality, m.XpEarned)).ToArray())).ToList();
        var zones = new ZoneIndex((await db.ProtectionZones.AsNoTracking().ToListAsync(ct)).Select(z => z.Footprint));

        var ticks = ThreatModel.TickAll(inputs, zones, weather, now, options.Value.BaseActivity, random);

        var xp = new Dictionary<CatId, int>();
        for (var i = 0; i < teams.Count; i++)
        {
            var (patrol, team) = teams[i];
            var tick = ticks[i];
            var owner = owners.GetValueOrDefault(patrol.PlayerId, "A neighbour");
            patrol.Record(tick);
            for (var c = 0; c < team.Length; c++)
            {
                team[c].Record(tick.Xp[c], tick.Deterred);
                if (tick.Xp[c] > 0)
                    xp[team[c].CatId] = tick.Xp[c];
            }
            var names = NightWatchService.Names(team.Select(m => traits[m.CatId].Name).ToList());
            if (tick.Encounter)
            {
                var threat = tick.Threat.ToString().ToLowerInvariant();
                var encounter = NightWatchEvent.Of(patrol, NightEventKind.Encounter, patrol.Center, now,
                    tick.Deterred ? $"{names} chased off a bobcat ({threat} threat)." : $"A bobcat prowled past {owner}'s patrol ({threat} threat).",
                    tick.Threat, tick.Deterred);
                newEvents.Add(encounter);
                WebhookOutbox.Enqueue(db, patrol.PlayerId, WebhookEventTypes.NightWatchEncounter, new { PatrolId = patrol.Id, Threat = threat, tick.Deterred, encounter.Text }, now);
                Record(db, patrol, ActivityKind.BobcatEncountered, 1, now);
                if (tick.Deterred)
                {
                    Record(db, patrol, ActivityKind.BobcatDeterred, 1, now);
                    if (tick.GuardianHelped)
                        Record(db, patrol, ActivityKind.GuardianDeterred, 1, now);
                    if (tick.Threat == ThreatLevel.Critical)
                        Record(db, patrol, ActivityKind.CriticalDeterred, 1, now);
                }
                if (tick.Threat == ThreatLevel.Critical)
                {
                    var alert = NightWatchEvent.Of(patrol, NightEventKind.EmergencyAlert, patrol.Center, now,
                        $"Emergency! A bobcat at critical threat near {owner}'s patrol.", ThreatLevel.Critical, tick.Deterred);
                    newEvents.Add(alert);
                    foreach (var recipient in zones.Covering(patrol.Center).Where(z => z.Type == ZoneType.CommunityAlert).Select(z => z.Owner).Distinct())
                        alerts.Add((recipient, alert));
                }
            }
            if (tick.StraysFound > 0)
            {
                var got = tick.StraysLost > 0 ? $", {tick.StraysLost} got away" : "";
                newEvents.Add(NightWatchEvent.Of(patrol, NightEventKind.Strays, patrol.Center, now,
                    $"{owner}'s patrol found {tick.StraysFound} stray{(tick.StraysFound == 1 ? "" : "s")}: {tick.StraysRescued} rescued, {tick.StraysSheltered} sheltered{got}."));
                if (tick.StraysRescued > 0)
                    Record(db, patrol, ActivityKind.StraysRescued, tick.StraysRescued, now);
                if (tick.StraysSheltered > 0)
                    Record(db, patrol, ActivityKind.StraysSheltered, tick.StraysSheltered, now);
            }
            if (tick.Encounter || tick.StraysFound > 0)
                players.Add(patrol.PlayerId);
        }

        if (xp.Count > 0)
        {
            var ids = xp.Keys.ToList();
            foreach (var cat in await db.Cats.Where(c => ids.Contains(c.Id)).ToListAsync(ct))
                CatXp.Award(db, cat.OwnerId, cat, xp[cat.Id], now);
        }
        db.NightWatchEvents.AddRange(newEvents);
        await db.SaveChangesAsync(ct);

        var markers = await NightWatchService.MarkersAsync(db, patrols, now, ct);
        bus.Publish(new NightWatchTicked(now, newEvents.Select(NightWatchService.MapEventOf).ToList(), markers));
        foreach (var (recipient, alert) in alerts)
            bus.Publish(new EmergencyAlertRaised(recipient, NightWatchService.MapEventOf(alert)));
        foreach (var player in players)
            bus.Publish(new ActivityRecorded(player));
        return new TickReport(now, inputs.Count, ending.Count, newEvents.Count);
    }

    private static void Record(IPurrrDb db, Patrol patrol, ActivityKind kind, int amount, DateTimeOffset now) =>
        db.ActivityEvents.Add(ActivityEvent.Of(patrol.PlayerId, null, kind, now, amount: amount));
}

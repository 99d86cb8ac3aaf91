using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.HealthDevices;

/// <summary>What one tick of <see cref="SilenceWatch"/> did.</summary>
public sealed record SilenceReport(int Opened, int Ended);

/// <summary>
/// The periodic check for cats whose activity devices have gone quiet for 48 hours. One tick = one call; idempotent:
/// a silent cat gets one alert (and one notification) per episode, however often it ticks, and the episode ends when
/// activity readings come back (<see cref="HealthDeviceService.PushAsync"/>) or no active activity device is left.
/// </summary>
public sealed class SilenceWatch(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    public const int TickSeconds = 300;

    public async Task<SilenceReport> TickAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var watched = await db.HealthDevices.AsNoTracking()
            .Where(d => d.RevokedAt == null && (d.Type == HealthDeviceType.CollarSensor || d.Type == HealthDeviceType.ActivityTracker))
            .GroupBy(d => new { d.CatId, d.OwnerId })
            .Select(g => new { g.Key.CatId, g.Key.OwnerId, Since = g.Min(d => d.CreatedAt) })
            .ToListAsync(ct);
        var catIds = watched.Select(w => w.CatId).ToList();
        var lastActivity = (await db.HealthReadings.AsNoTracking()
            .Where(r => catIds.Contains(r.CatId) && (r.Steps != null || r.ActiveMinutes != null))
            .GroupBy(r => r.CatId)
            .Select(g => new { Cat = g.Key, At = g.Max(r => r.TakenAt) })
            .ToListAsync(ct)).ToDictionary(x => x.Cat, x => x.At);
        var open = await db.HealthAlerts.Where(a => a.Kind == HealthAlertKind.NoActivity && a.EndedAt == null).ToListAsync(ct);
        var names = await db.Cats.AsNoTracking().Where(c => catIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var notified = new List<UserId>();
        var opened = 0;
        foreach (var cat in watched)
        {
            var since = lastActivity.TryGetValue(cat.CatId, out var at) && at > cat.Since ? at : cat.Since;
            if (!HealthDeviceRules.IsSilent(since, now) || open.Any(a => a.CatId == cat.CatId) || !names.TryGetValue(cat.CatId, out var name))
                continue;
            var text = HealthDeviceRules.SilenceAlertText(name);
            db.HealthAlerts.Add(HealthAlert.Open(cat.OwnerId, cat.CatId, HealthAlertKind.NoActivity, text, now));
            if (await Notify.AddAsync(db, cat.OwnerId, NotificationType.HealthAlert, text, CatHealthService.LinkTo(cat.CatId), null, now, ct))
                notified.Add(cat.OwnerId);
            opened++;
        }
        var unwatched = open.Where(a => !watched.Any(w => w.CatId == a.CatId)).ToList();
        foreach (var alert in unwatched)
            alert.End(now);
        await db.SaveChangesAsync(ct);
        Notify.Announce(bus, notified);
        return new SilenceReport(opened, unwatched.Count);
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.Webhooks;

/// <summary>What one round of the dispatcher did.</summary>
public sealed record WebhookRound(int EventsFannedOut, int Attempts, int Delivered, int HooksFailed);

/// <summary>
/// Empties the outbox: turns new events into deliveries for the hooks subscribed to them, then sends what is due.
/// A failed attempt is tried again after 1, 2, 4 and 8 minutes; after the fifth the delivery fails, its hook stops
/// receiving events and the owner is notified. Each attempt is claimed first (a short lease), so two instances never
/// send the same attempt, and an attempt cut short by a crash is tried again once the lease runs out.
/// </summary>
public sealed class WebhookDispatcher(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus, IWebhookTransport transport)
{
    public const int BatchSize = 200;

    public async Task<WebhookRound> RunAsync(CancellationToken ct = default)
    {
        var fannedOut = 0;
        int batch;
        do
            fannedOut += batch = await FanOutAsync(ct);
        while (batch == BatchSize);
        var attempts = 0;
        var delivered = 0;
        var failedHooks = 0;
        foreach (var (id, due) in await DueAsync(ct))
        {
            if (!await ClaimAsync(id, due, ct))
                continue;
            attempts++;
            var outcome = await AttemptAsync(id, ct);
            if (outcome == Outcome.Delivered)
                delivered++;
            else if (outcome == Outcome.HookFailed)
                failedHooks++;
        }
        await PruneAsync(ct);
        return new WebhookRound(fannedOut, attempts, delivered, failedHooks);
    }

    private DateTimeOffset lastPrune = DateTimeOffset.MinValue;

    /// <summary>At most hourly: finished deliveries older than <see cref="WebhookRules.LogRetention"/> leave the log.</summary>
    private async Task PruneAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - lastPrune < TimeSpan.FromHours(1))
            return;
        lastPrune = now;
        var cutoff = now - WebhookRules.LogRetention;
        await using var db = await dbFactory.CreateAsync(ct);
        await db.WebhookDeliveries.Where(d => d.Status != WebhookDeliveryStatus.Pending && d.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }

    /// <summary>One delivery per subscribed active hook for each new event, and the event leaves the outbox, in one save.</summary>
    private async Task<int> FanOutAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var events = await db.WebhookEvents.OrderBy(e => e.CreatedAt).Take(BatchSize).ToListAsync(ct);
        if (events.Count == 0)
            return 0;
        var owners = events.Select(e => e.OwnerId).Distinct().ToList();
        var hooks = await db.Webhooks.AsNoTracking().Where(h => owners.Contains(h.OwnerId) && h.Status == WebhookStatus.Active).ToListAsync(ct);
        var changed = new HashSet<UserId>();
        foreach (var e in events)
        {
            foreach (var hook in hooks.Where(h => h.OwnerId == e.OwnerId && h.Subscribes(e.Type)))
            {
                db.WebhookDeliveries.Add(WebhookDelivery.Create(hook.Id, e.Id, e.Type, WebhookRules.Payload(e.Id, e.Type, e.Data, e.CreatedAt, hook.Id), clock.GetUtcNow()));
                changed.Add(e.OwnerId);
            }
            db.WebhookEvents.Remove(e);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // another instance fanned these out first
        }
        foreach (var owner in changed)
            bus.Publish(new WebhooksChanged(owner));
        return events.Count;
    }

    private async Task<List<(Guid Id, DateTimeOffset Due)>> DueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
                && db.Webhooks.Any(h => h.Id == d.WebhookId && h.Status == WebhookStatus.Active))
            .OrderBy(d => d.NextAttemptAt).Take(BatchSize)
            .Select(d => new { d.Id, d.NextAttemptAt })
            .ToListAsync(ct);
        return due.Select(d => (d.Id, d.NextAttemptAt)).ToList();
    }

    /// <summary>Pushes the attempt's due time ahead by the lease, if nobody else did since it was read.</summary>
    private async Task<bool> ClaimAsync(Guid id, DateTimeOffset due, CancellationToken ct)
    {
        var lease = clock.GetUtcNow() + WebhookRules.ClaimLease;
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt == due)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, lease), ct) == 1;
    }

    private enum Outcome { Gone, Delivered, WillRetry, HookFailed }

    private async Task<Outcome> AttemptAsync(Guid id, CancellationToken ct)
    {
        WebhookRequest request;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            var pair = await db.WebhookDeliveries.AsNoTracking().Where(d => d.Id == id)
                .Join(db.Webhooks, d => d.WebhookId, h => h.Id, (d, h) => new { Delivery = d, h.Url, h.Secret })
                .FirstOrDefaultAsync(ct);
            if (pair is null)
                return Outcome.Gone;
            request = new WebhookRequest(new Uri(pair.Url), pair.Delivery.Payload, WebhookRules.Headers(pair.Secret, pair.Delivery));
        }

        var response = await transport.SendAsync(request, ct);

        await using var save = await dbFactory.CreateAsync(ct);
        var delivery = await save.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == id, ct);
        var hook = delivery is null ? null : await save.Webhooks.FirstOrDefaultAsync(h => h.Id == delivery.WebhookId, ct);
        if (delivery is null || hook is null)
            return Outcome.Gone; // deleted while it was being sent
        var now = clock.GetUtcNow();
        var outcome = delivery.Record(response, now) ? (response.Succeeded ? Outcome.Delivered : Outcome.WillRetry) : Outcome.HookFailed;
        if (outcome == Outcome.HookFailed && hook.Status == WebhookStatus.Active)
        {
            hook.Fail(now);
            await Notify.AddAsync(save, hook.OwnerId, NotificationType.System,
                $"Your webhook to {WebhookRules.Clip(hook.Url, 120)} failed {WebhookRules.MaxAttempts} times in a row and was paused. Check it and reactivate it in your webhook settings.",
                "/settings/webhooks", null, now, ct);
        }
        await save.SaveChangesAsync(ct);
        bus.Publish(new WebhooksChanged(hook.OwnerId));
        if (outcome == Outcome.HookFailed)
            Notify.Announce(bus, [hook.OwnerId]);
        return outcome;
    }
}

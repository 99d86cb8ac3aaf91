using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Webhooks;

/// <summary>What the register form sends.</summary>
public sealed record WebhookDraft(string? Url, IReadOnlyCollection<string>? Events);

/// <summary>A hook as its owner's settings page shows it (without the secret: that is revealed on request).</summary>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> Events, WebhookStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FailedAt);

/// <summary>A new hook and its signing secret, shown to the owner right away.</summary>
public sealed record WebhookCreated(Guid Id, string Secret);

/// <summary>One line of a hook's delivery log.</summary>
public sealed record WebhookDeliveryView(Guid Id, Guid EventId, string EventType, WebhookDeliveryStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, int? StatusCode, string Response, string Error);

/// <summary>A player's webhooks: register, list, reveal the secret, test, redeliver, reactivate, delete (spec §13).</summary>
public sealed class WebhookService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus, IOptions<WebhookOptions> options)
{
    public const int LogSize = 20;

    public async Task<IReadOnlyList<WebhookView>> ListAsync(UserId owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var hooks = await db.Webhooks.AsNoTracking().Where(h => h.OwnerId == owner).OrderBy(h => h.CreatedAt).ToListAsync(ct);
        return hooks.Select(h => new WebhookView(h.Id, h.Url, h.EventList, h.Status, h.CreatedAt, h.FailedAt)).ToList();
    }

    public async Task<Result<WebhookCreated>> CreateAsync(UserId owner, WebhookDraft draft, CancellationToken ct = default)
    {
        var url = WebhookRules.CheckUrl(draft.Url, options.Value);
        var events = WebhookRules.CheckEvents(draft.Events);
        var problems = url.Problems.Concat(events.Problems).ToList();
        await using var db = await dbFactory.CreateAsync(ct);
        if (await db.Webhooks.CountAsync(h => h.OwnerId == owner, ct) >= Webhook.MaxPerPlayer)
            problems.Add(new($"You can have at most {Webhook.MaxPerPlayer} webhooks: delete one first.", "Url"));
        if (problems.Count > 0)
            return Result<WebhookCreated>.Failure(problems);
        var hook = Webhook.Create(owner, url.Value, events.Value, WebhookRules.NewSecret(), clock.GetUtcNow());
        db.Webhooks.Add(hook);
        await db.SaveChangesAsync(ct);
        bus.Publish(new WebhooksChanged(owner));
        return new WebhookCreated(hook.Id, hook.Secret);
    }

    /// <summary>The hook's signing secret, for its owner only.</summary>
    public async Task<string?> SecretAsync(UserId owner, Guid hook, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Webhooks.Where(h => h.Id == hook && h.OwnerId == owner).Select(h => h.Secret).FirstOrDefaultAsync(ct);
    }

    /// <summary>Deletes the hook and its delivery log.</summary>
    public async Task<Result<bool>> DeleteAsync(UserId owner, Guid hook, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.Webhooks.FirstOrDefaultAsync(h => h.Id == hook && h.OwnerId == owner, ct);
        if (found is null)
            return Result<bool>.Failure("This webhook no longer exists.");
        db.Webhooks.Remove(found);
        await db.SaveChangesAsync(ct);
        bus.Publish(new WebhooksChanged(owner));
        return true;
    }

    /// <summary>A failed hook receives events again; its failed deliveries stay in the log for redelivery.</summary>
    public async Task<Result<bool>> ReactivateAsync(UserId owner, Guid hook, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.Webhooks.FirstOrDefaultAsync(h => h.Id == hook && h.OwnerId == owner, ct);
        if (found is null)
            return Result<bool>.Failure("This webhook no longer exists.");
        found.Reactivate();
        await db.SaveChangesAsync(ct);
        bus.Publish(new WebhooksChanged(owner));
        return true;
    }

    /// <summary>Queues a <c>webhook.test</c> event for this hook alone.</summary>
    public async Task<Result<Guid>> SendTestAsync(UserId owner, Guid hook, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hook && h.OwnerId == owner, ct);
        if (found is null)
            return Result<Guid>.Failure("This webhook no longer exists.");
        if (found.Status != WebhookStatus.Active)
            return Result<Guid>.Failure("This webhook has failed: reactivate it first.");
        var now = clock.GetUtcNow();
        var eventId = Guid.CreateVersion7();
        var data = WebhookRules.DataJson(new { Message = "Hello from Purrr! This is a test event." });
        var delivery = WebhookDelivery.Create(found.Id, eventId, WebhookEventTypes.Test,
            WebhookRules.Payload(eventId, WebhookEventTypes.Test, data, now, found.Id), now);
        db.WebhookDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        Announce(owner);
        return delivery.Id;
    }

    /// <summary>Sends a delivered or failed event again: the same body (same event id), as a new delivery.</summary>
    public async Task<Result<Guid>> RedeliverAsync(UserId owner, Guid delivery, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.WebhookDeliveries.AsNoTracking()
            .Join(db.Webhooks, d => d.WebhookId, h => h.Id, (d, h) => new { Delivery = d, Hook = h })
            .FirstOrDefaultAsync(x => x.Delivery.Id == delivery && x.Hook.OwnerId == owner, ct);
        if (found is null)
            return Result<Guid>.Failure("This delivery no longer exists.");
        if (found.Hook.Status != WebhookStatus.Active)
            return Result<Guid>.Failure("This webhook has failed: reactivate it first.");
        if (found.Delivery.Status == WebhookDeliveryStatus.Pending)
            return Result<Guid>.Failure("This delivery is still being tried.");
        var again = WebhookDelivery.Create(found.Hook.Id, found.Delivery.EventId, found.Delivery.EventType, found.Delivery.Payload, clock.GetUtcNow());
        db.WebhookDeliveries.Add(again);
        await db.SaveChangesAsync(ct);
        Announce(owner);
        return again.Id;
    }

    /// <summary>The hook's latest deliveries, newest first.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryView>> DeliveriesAsync(UserId owner, Guid hook, int count = LogSize, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.WebhookId == hook && db.Webhooks.Any(h => h.Id == hook && h.OwnerId == owner))
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(Math.Clamp(count, 1, 100))
            .ToListAsync(ct);
        return rows.Select(d => new WebhookDeliveryView(d.Id, d.EventId, d.EventType, d.Status, d.Attempts, d.CreatedAt, d.LastAttemptAt,
            d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.StatusCode, d.Response, d.Error)).ToList();
    }

    private void Announce(UserId owner)
    {
        bus.Publish(new WebhooksChanged(owner));
        bus.Publish(new WebhookDeliveryQueued());
    }
}

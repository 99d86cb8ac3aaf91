using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Webhooks;

/// <summary>How features raise webhook events: in the same save as their cause, like notifications.</summary>
public static class WebhookOutbox
{
    /// <summary>
    /// Adds an event for <paramref name="owner"/>'s hooks to <paramref name="db"/>'s pending save. Cheap (one insert,
    /// no query); the dispatcher finds the subscribed hooks later, so a crash after the save still delivers it.
    /// </summary>
    public static void Enqueue(IPurrrDb db, UserId owner, string type, object data, DateTimeOffset now) =>
        db.WebhookEvents.Add(WebhookEvent.Create(owner, type, WebhookRules.DataJson(data), now));
}

/// <summary>A player's webhooks or their delivery log changed: their settings page refreshes.</summary>
public sealed record WebhooksChanged(UserId Owner) : ITopicEvent
{
    public string Topic => TopicOf(Owner);

    public static string TopicOf(UserId owner) => $"webhooks:{owner}";
}

/// <summary>A delivery was queued by hand (test, redeliver): the worker need not wait for its next poll.</summary>
public sealed record WebhookDeliveryQueued;

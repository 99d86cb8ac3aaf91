using Purrr.Core.Common;

namespace Purrr.Core.Webhooks;

public enum WebhookStatus { Active, Failed }

/// <summary>
/// A URL a player registered to hear of their events. The secret signs every body (HMAC-SHA256); it is kept in
/// clear because signing needs it, and shown only to its owner.
/// </summary>
public sealed class Webhook
{
    public const int UrlMaxLength = 500;
    public const int SecretLength = 70; // "whsec_" + 64 hex digits
    public const int EventsMaxLength = 300;
    public const int MaxPerPlayer = 10;

    private Webhook() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId OwnerId { get; private set; }
    public string Url { get; private set; } = "";
    public string Secret { get; private set; } = "";

    /// <summary>The subscribed event types, separated by spaces.</summary>
    public string Events { get; private set; } = "";
    public WebhookStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When a delivery ran out of retries and the hook stopped receiving events.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Subscribes(string type) => EventList.Contains(type);

    internal static Webhook Create(UserId owner, string url, IEnumerable<string> events, string secret, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = owner,
        Url = url,
        Secret = secret,
        Events = string.Join(' ', events),
        Status = WebhookStatus.Active,
        CreatedAt = now,
    };

    internal void Fail(DateTimeOffset now)
    {
        Status = WebhookStatus.Failed;
        FailedAt = now;
    }

    internal void Reactivate()
    {
        Status = WebhookStatus.Active;
        FailedAt = null;
    }
}

/// <summary>
/// The outbox: an event written in the same save as its cause, before anyone knows which hooks want it. The
/// dispatcher turns it into one <see cref="WebhookDelivery"/> per subscribed hook, so a crash between the cause and
/// the sending loses nothing.
/// </summary>
public sealed class WebhookEvent
{
    public const int TypeMaxLength = 40;

    private WebhookEvent() { } // for EF Core

    /// <summary>The payload's <c>id</c>: the same for every hook and every redelivery of this event.</summary>
    public Guid Id { get; private set; }
    public UserId OwnerId { get; private set; }
    public string Type { get; private set; } = "";

    /// <summary>The payload's <c>data</c>, as JSON.</summary>
    public string Data { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    internal static WebhookEvent Create(UserId owner, string type, string data, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = owner,
        Type = type,
        Data = data,
        CreatedAt = now,
    };
}

public enum WebhookDeliveryStatus { Pending, Delivered, Failed }

/// <summary>One event on its way to one hook, and its log: attempts, the last status code and response.</summary>
public sealed class WebhookDelivery
{
    public const int ResponseMaxLength = 1_000;
    public const int ErrorMaxLength = 300;

    private WebhookDelivery() { } // for EF Core

    public Guid Id { get; private set; }
    public Guid WebhookId { get; private set; }
    public Guid EventId { get; private set; }
    public string EventType { get; private set; } = "";

    /// <summary>The exact body sent (and signed), fixed when the delivery is made, so retries and redeliveries send the same bytes.</summary>
    public string Payload { get; private set; } = "";
    public WebhookDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }

    /// <summary>When the next attempt is due (while pending); a claimed delivery is pushed ahead by a lease.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public int? StatusCode { get; private set; }

    /// <summary>The first <see cref="ResponseMaxLength"/> characters of the last response body.</summary>
    public string Response { get; private set; } = "";

    /// <summary>Why the last attempt got no answer (timeout, refused address), if it got none.</summary>
    public string Error { get; private set; } = "";

    internal static WebhookDelivery Create(Guid webhook, Guid eventId, string type, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        WebhookId = webhook,
        EventId = eventId,
        EventType = type,
        Payload = payload,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    /// <summary>Records an attempt; false when the delivery has no retry left and failed for good.</summary>
    internal bool Record(WebhookResponse response, DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
        StatusCode = response.StatusCode;
        Response = WebhookRules.Clip(response.Body, ResponseMaxLength);
        Error = WebhookRules.Clip(response.Error ?? "", ErrorMaxLength);
        if (response.Succeeded)
        {
            Status = WebhookDeliveryStatus.Delivered;
            DeliveredAt = now;
            return true;
        }
        if (WebhookRules.RetryDelay(Attempts) is { } delay)
        {
            NextAttemptAt = now + delay;
            return true;
        }
        Status = WebhookDeliveryStatus.Failed;
        return false;
    }
}

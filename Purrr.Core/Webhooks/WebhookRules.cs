using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Purrr.Core.Common;

namespace Purrr.Core.Webhooks;

/// <summary>What a webhook URL may be, how bodies are signed, and when a failed delivery is tried again.</summary>
public static class WebhookRules
{
    /// <summary>Waits after the 1st, 2nd, 3rd and 4th failed attempt; after the 5th the delivery and its hook fail.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(8)];

    /// <summary>How long finished deliveries stay in a hook's log.</summary>
    public static readonly TimeSpan LogRetention = TimeSpan.FromDays(30);

    /// <summary>How long a claimed attempt keeps others off it; longer than the send timeout.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(30);

    public const string SignatureHeader = "X-Purrr-Signature";
    public const string EventHeader = "X-Purrr-Event";
    public const string DeliveryHeader = "X-Purrr-Delivery";

    /// <summary>The wait before the next attempt after <paramref name="failedAttempts"/> failures; null when none is left.</summary>
    public static TimeSpan? RetryDelay(int failedAttempts) =>
        failedAttempts >= 1 && failedAttempts <= RetryDelays.Count ? RetryDelays[failedAttempts - 1] : null;

    public static int MaxAttempts => RetryDelays.Count + 1;

    /// <summary>The signature header's value: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body under the secret.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));

    /// <summary>A fresh signing secret from the system's cryptographic generator (a secret, not a game roll).</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>An event's <c>data</c> as JSON, snake_case like the rest of the payload.</summary>
    public static string DataJson(object data) => JsonSerializer.Serialize(data, data.GetType(), Json);

    /// <summary>The body: <c>{id, type, data, timestamp, webhook_id}</c>.</summary>
    public static string Payload(Guid eventId, string type, string dataJson, DateTimeOffset at, Guid webhook)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", eventId);
            writer.WriteString("type", type);
            writer.WritePropertyName("data");
            writer.WriteRawValue(dataJson);
            writer.WriteString("timestamp", at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("webhook_id", webhook);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The headers of one attempt.</summary>
    public static IReadOnlyDictionary<string, string> Headers(string secret, WebhookDelivery delivery) => new Dictionary<string, string>
    {
        [SignatureHeader] = Sign(secret, delivery.Payload),
        [EventHeader] = delivery.EventType,
        [DeliveryHeader] = delivery.Id.ToString(),
    };

    public static string Clip(string text, int max) => text.Length > max ? text[..max] : text;

    /// <summary>Checks a URL a player wants events sent to; the trimmed URL when it will do.</summary>
    public static Result<string> CheckUrl(string? url, WebhookOptions options)
    {
        const string field = "Url";
        var trimmed = url?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Result<string>.Failure("Enter the URL Purrr should send events to.", field);
        if (trimmed.Length > Webhook.UrlMaxLength)
            return Result<string>.Failure($"A URL can have at most {Webhook.UrlMaxLength} characters (this one has {trimmed.Length}).", field);
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
            return Result<string>.Failure("Enter a full web address, like https://example.com/purrr-events.", field);
        if (uri.UserInfo.Length > 0)
            return Result<string>.Failure("Leave user names and passwords out of the URL: check the signature instead.", field);
        if (uri.Fragment.Length > 0)
            return Result<string>.Failure("Remove the #… part: it is never sent to a server.", field);
        var loopback = uri.IsLoopback;
        if (uri.Scheme == Uri.UriSchemeHttp && !(loopback && options.AllowHttpLoopback))
            return Result<string>.Failure(options.AllowHttpLoopback
                ? "Use an https:// URL (http:// is allowed only for this computer during development)."
                : "Use an https:// URL: events are sent encrypted only.", field);
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) && WebhookAddresses.WhyRefused(literal, options) is { } refused)
            return Result<string>.Failure(refused, field);
        if (loopback && !options.AllowLoopback)
            return Result<string>.Failure("This is the server itself: Purrr does not send webhooks there.", field);
        return trimmed;
    }

    /// <summary>The chosen event types: at least one, all known; in the catalogue's order without repeats.</summary>
    public static Result<IReadOnlyList<string>> CheckEvents(IEnumerable<string>? events)
    {
        var chosen = (events ?? []).Select(e => e.Trim()).ToHashSet(StringComparer.Ordinal);
        if (chosen.FirstOrDefault(e => !WebhookEventTypes.IsKnown(e)) is { } unknown)
            return Result<IReadOnlyList<string>>.Failure($"There is no event called \"{Clip(unknown, 40)}\".", "Events");
        if (chosen.Count == 0)
            return Result<IReadOnlyList<string>>.Failure("Choose at least one event to send.", "Events");
        return WebhookEventTypes.All.Select(e => e.Type).Where(chosen.Contains).ToList();
    }
}

/// <summary>One attempt to send: where, what, and the headers (signature included).</summary>
public sealed record WebhookRequest(Uri Url, string Body, IReadOnlyDictionary<string, string> Headers);

/// <summary>What came back: a status code and the start of the body, or an error when no answer came.</summary>
public sealed record WebhookResponse(int? StatusCode, string Body, string? Error = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static WebhookResponse Failed(string error) => new(null, "", error);
}

/// <summary>Sends one webhook attempt (Purrr.Data does it over HTTP with the SSRF guard); never throws for network trouble.</summary>
public interface IWebhookTransport
{
    Task<WebhookResponse> SendAsync(WebhookRequest request, CancellationToken ct);
}

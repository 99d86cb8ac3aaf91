using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Purrr.Core.Common;

namespace Purrr.Core.Crypto;

public enum PaymentEventKind { ChargeConfirmed, ChargeFailed, ChargeExpired, PayoutCompleted, PayoutFailed, Other }

/// <summary>A verified provider event: what happened to which charge or payout.</summary>
public sealed record PaymentEvent(string EventId, PaymentEventKind Kind, string ProviderId);

/// <summary>
/// Provider callbacks in Coinbase Commerce's shape: <c>{"id":…,"event":{"id":…,"type":"charge:confirmed","data":{"code":…}}}</c>,
/// signed in <see cref="SignatureHeader"/> with the hex HMAC-SHA256 of the raw body under the shared secret. The
/// signature is checked on the exact bytes received, in constant time, before anything in the body is read.
/// </summary>
public static class PaymentWebhooks
{
    public const string SignatureHeader = "X-CC-Webhook-Signature";
    public const int MaxBodyBytes = 64 * 1024;

    public static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static bool HasValidSignature(string body, string? signature, string secret)
    {
        if (string.IsNullOrEmpty(secret) || signature is not { Length: 64 } || !signature.All(char.IsAsciiHexDigit))
            return false;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature));
    }

    /// <summary>The event in a signed body; a bad signature or an unreadable body is refused.</summary>
    public static Result<PaymentEvent> Read(string body, string? signature, string secret)
    {
        if (!HasValidSignature(body, signature, secret))
            return Result<PaymentEvent>.Failure("The webhook signature is not valid.");
        try
        {
            using var json = JsonDocument.Parse(body);
            var e = json.RootElement.GetProperty("event");
            var type = e.GetProperty("type").GetString() ?? "";
            var data = e.GetProperty("data");
            var kind = type switch
            {
                "charge:confirmed" => PaymentEventKind.ChargeConfirmed,
                "charge:failed" => PaymentEventKind.ChargeFailed,
                "charge:expired" => PaymentEventKind.ChargeExpired,
                "payout:completed" => PaymentEventKind.PayoutCompleted,
                "payout:failed" => PaymentEventKind.PayoutFailed,
                _ => PaymentEventKind.Other,
            };
            var id = (kind is PaymentEventKind.PayoutCompleted or PaymentEventKind.PayoutFailed ? data.GetProperty("id") : data.GetProperty("code")).GetString();
            return string.IsNullOrEmpty(id)
                ? Result<PaymentEvent>.Failure("The webhook names no charge.")
                : new PaymentEvent(e.GetProperty("id").ToString(), kind, id);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Result<PaymentEvent>.Failure("The webhook body is not an event.");
        }
    }

    /// <summary>A body in the provider's shape, as the sandbox sends it (and tests do).</summary>
    public static string Body(string eventId, string type, string providerId, DateTimeOffset at) => JsonSerializer.Serialize(new
    {
        id = eventId,
        scheduled_for = at,
        @event = new
        {
            id = eventId,
            resource = "event",
            type,
            created_at = at,
            data = type.StartsWith("payout:", StringComparison.Ordinal) ? (object)new { id = providerId } : new { code = providerId },
        },
    });
}

using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Web.Components.Account;

namespace Purrr.Web.Api;

/// <summary>What endpoints read from a request besides its body: the caller, their address, an idempotency key.</summary>
public static class ApiRequests
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The authenticated caller; endpoints of the group always have one (the group requires it).</summary>
    public static UserId Me(HttpContext context) =>
        context.User.GetUserId() ?? throw new InvalidOperationException("An /api/v1 endpoint ran without an authenticated caller.");

    /// <summary>The client's address as allow-lists write it (IPv4-mapped IPv6 addresses as plain IPv4).</summary>
    public static string? ClientIp(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => null,
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        var address => address.ToString(),
    };

    /// <summary>
    /// The caller's Idempotency-Key header (a retried payment applies once), or a fresh key when there is none.
    /// Null when the header is too long: the caller gets a 400.
    /// </summary>
    public static string? IdempotencyKey(HttpContext context)
    {
        var given = context.Request.Headers[IdempotencyHeader].ToString();
        if (given.Length == 0)
            return Guid.NewGuid().ToString("N");
        return given.Length <= LedgerEntry.IdempotencyKeyMaxLength ? given : null;
    }

    public static string IdempotencyKeyTooLong => $"The {IdempotencyHeader} header can have at most {LedgerEntry.IdempotencyKeyMaxLength} characters.";
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Purrr.Core.Common;

namespace Purrr.Core.Api;

/// <summary>What a player asks for when making a key: a name, scopes, an optional expiry and IP allow-list.</summary>
public sealed record ApiKeyRequest(string? Name, IReadOnlyCollection<string>? Scopes, DateTimeOffset? ExpiresAt, string? AllowedIps);

/// <summary>The rules of API keys: scopes, expiry, allow-lists, and how keys are made and hashed.</summary>
public static class ApiKeyRules
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";
    public static readonly IReadOnlyList<string> AllScopes = [Read, Write, Admin];

    public const string KeyPrefix = "pk_";
    public const int MaxActiveKeys = 20;
    public const int MaxAllowedIps = 20;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(730);

    /// <summary>How often "last used" is written: every use would be a write per API call.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static IReadOnlyList<string> SplitScopes(string? scopes) =>
        (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IReadOnlyList<string> SplitIps(string? ips) =>
        (ips ?? "").Split([',', ' ', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Everything wrong with a request; the admin scope is only for players in the Admin role.</summary>
    public static IReadOnlyList<Problem> Check(ApiKeyRequest request, bool mayUseAdminScope, DateTimeOffset now)
    {
        var problems = new List<Problem>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length == 0)
            problems.Add(new("Give the key a name, so you know later what uses it.", nameof(ApiKeyRequest.Name)));
        else if (name.Length > ApiKey.NameMaxLength)
            problems.Add(new($"A key's name can have at most {ApiKey.NameMaxLength} characters.", nameof(ApiKeyRequest.Name)));

        var scopes = request.Scopes ?? [];
        if (scopes.Count == 0)
            problems.Add(new("Choose at least one scope: read, write or admin.", nameof(ApiKeyRequest.Scopes)));
        else if (scopes.Any(s => !AllScopes.Contains(s)))
            problems.Add(new("Scopes are read, write and admin.", nameof(ApiKeyRequest.Scopes)));
        else if (scopes.Contains(Admin) && !mayUseAdminScope)
            problems.Add(new("Only admins can make keys with the admin scope.", nameof(ApiKeyRequest.Scopes)));

        if (request.ExpiresAt is { } expires && expires <= now)
            problems.Add(new("Choose an expiry date in the future.", nameof(ApiKeyRequest.ExpiresAt)));
        else if (request.ExpiresAt is { } far && far - now > MaxLifetime)
            problems.Add(new("A key can live at most two years.", nameof(ApiKeyRequest.ExpiresAt)));

        var ips = SplitIps(request.AllowedIps);
        if (ips.Count > MaxAllowedIps)
            problems.Add(new($"List at most {MaxAllowedIps} addresses.", nameof(ApiKeyRequest.AllowedIps)));
        else if (ips.FirstOrDefault(ip => !IsAddressOrRange(ip)) is { } bad)
            problems.Add(new($"\"{Shorten(bad)}\" is not an IP address or range (like 203.0.113.7 or 10.0.0.0/8).", nameof(ApiKeyRequest.AllowedIps)));
        else if (string.Join(',', ips).Length > ApiKey.AllowedIpsMaxLength)
            problems.Add(new($"The allow-list can have at most {ApiKey.AllowedIpsMaxLength} characters.", nameof(ApiKeyRequest.AllowedIps)));
        return problems;
    }

    /// <summary>A new key: "pk_" and 32 random bytes. A secret, so it comes from the system's cryptographic generator, never a seeded one.</summary>
    public static string NewKey() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Whether a key may be used from <paramref name="ip"/>: any address when the list is empty.</summary>
    public static bool IsAllowedFrom(IReadOnlyList<string> allowed, string? ip)
    {
        if (allowed.Count == 0)
            return true;
        if (!IPAddress.TryParse(ip, out var address))
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        return allowed.Any(entry => IPNetwork.TryParse(entry, out var range) ? range.Contains(address)
            : IPAddress.TryParse(entry, out var single) && single.Equals(address));
    }

    private static bool IsAddressOrRange(string entry) => IPAddress.TryParse(entry, out _) || IPNetwork.TryParse(entry, out _);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

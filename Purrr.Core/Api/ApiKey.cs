using Purrr.Core.Common;

namespace Purrr.Core.Api;

/// <summary>
/// A player's key to the public API (spec §2, §13). Only the SHA-256 hash of the key is stored; the key itself is shown
/// once, when it is made. <see cref="Prefix"/> (the first characters) lets the owner tell keys apart in the list.
/// </summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 50;
    public const int PrefixLength = 10;
    public const int HashLength = 64;
    public const int AllowedIpsMaxLength = 500;

    private ApiKey() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId OwnerId { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string Hash { get; private set; } = "";

    /// <summary>Space-separated scopes, e.g. "read write".</summary>
    public string Scopes { get; private set; } = "";

    /// <summary>Comma-separated addresses or CIDR ranges the key may be used from; empty means anywhere.</summary>
    public string AllowedIps { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public string? LastUsedIp { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public IReadOnlyList<string> ScopeList => ApiKeyRules.SplitScopes(Scopes);

    public IReadOnlyList<string> AllowedIpList => ApiKeyRules.SplitIps(AllowedIps);

    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && now >= expires;

    internal static ApiKey Create(UserId owner, string name, string prefix, string hash, IEnumerable<string> scopes, IEnumerable<string> allowedIps,
        DateTimeOffset? expiresAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = owner,
        Name = name,
        Prefix = prefix,
        Hash = hash,
        Scopes = string.Join(' ', scopes),
        AllowedIps = string.Join(',', allowedIps),
        CreatedAt = now,
        ExpiresAt = expiresAt,
    };

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    internal void MarkUsed(string? ip, DateTimeOffset now)
    {
        LastUsedAt = now;
        LastUsedIp = ip;
    }
}

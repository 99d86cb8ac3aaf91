using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;
using Purrr.Core.Security;

namespace Purrr.Core.Api;

/// <summary>A key as its owner sees it in the list: never the key itself, only its first characters.</summary>
public sealed record ApiKeyView(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, IReadOnlyList<string> AllowedIps,
    DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, string? LastUsedIp, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView Of(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.ScopeList, key.AllowedIpList, key.CreatedAt, key.ExpiresAt,
        key.LastUsedAt, key.LastUsedIp, key.RevokedAt);

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}

/// <summary>A key just made: <see cref="Key"/> is shown to the player this once and stored nowhere.</summary>
public sealed record NewApiKey(string Key, ApiKeyView View);

/// <summary>Who a valid key speaks for, and what it may do.</summary>
public sealed record ApiKeyIdentity(Guid KeyId, UserId Owner, IReadOnlyList<string> Scopes);

/// <summary>Making, listing, revoking and checking API keys (spec §2, §13).</summary>
public sealed class ApiKeyService(IPurrrDbFactory dbFactory, TimeProvider clock, SecurityLog securityLog)
{
    public async Task<Result<NewApiKey>> CreateAsync(UserId owner, ApiKeyRequest request, bool mayUseAdminScope, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var problems = ApiKeyRules.Check(request, mayUseAdminScope, now);
        if (problems.Count > 0)
            return Result<NewApiKey>.Failure(problems);

        await using var db = await dbFactory.CreateAsync(ct);
        var active = await db.ApiKeys.CountAsync(k => k.OwnerId == owner && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now), ct);
        if (active >= ApiKeyRules.MaxActiveKeys)
            return Result<NewApiKey>.Failure($"You already have {ApiKeyRules.MaxActiveKeys} active keys. Revoke one you no longer use first.");

        var secret = ApiKeyRules.NewKey();
        var key = ApiKey.Create(owner, request.Name!.Trim(), secret[..ApiKey.PrefixLength], ApiKeyRules.HashOf(secret),
            ApiKeyRules.AllScopes.Where(s => request.Scopes!.Contains(s)), ApiKeyRules.SplitIps(request.AllowedIps), request.ExpiresAt, now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return new NewApiKey(secret, ApiKeyView.Of(key));
    }

    /// <summary>The player's keys, newest first, revoked and expired ones included (they show why a script stopped).</summary>
    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(UserId owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.OwnerId == owner).ToListAsync(ct);
        return [.. keys.OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).Select(ApiKeyView.Of)];
    }

    public async Task<Result<ApiKeyView>> RevokeAsync(UserId owner, Guid keyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.OwnerId == owner, ct);
        if (key is null)
            return Result<ApiKeyView>.Failure("That key doesn't exist.");
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return ApiKeyView.Of(key);
    }

    /// <summary>Revokes every key of a player (a deleted or compromised account); how many were still live.</summary>
    public async Task<int> RevokeAllAsync(UserId owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var live = await db.ApiKeys.Where(k => k.OwnerId == owner && k.RevokedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var key in live)
            key.Revoke(now);
        await db.SaveChangesAsync(ct);
        return live.Count;
    }

    /// <summary>
    /// The identity behind <paramref name="key"/> used from <paramref name="ip"/>, or why it is refused. A known key used
    /// when revoked, expired or from an address off its allow-list is logged as API_KEY_MISUSE (with its prefix, never the key).
    /// </summary>
    public async Task<Result<ApiKeyIdentity>> AuthenticateAsync(string? key, string? ip, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || !key.StartsWith(ApiKeyRules.KeyPrefix, StringComparison.Ordinal) || key.Length > 200)
            return Result<ApiKeyIdentity>.Failure("The API key is not valid.");
        var hash = ApiKeyRules.HashOf(key);
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.ApiKeys.FirstOrDefaultAsync(k => k.Hash == hash, ct);
        if (found is null)
            return Result<ApiKeyIdentity>.Failure("The API key is not valid.");

        var now = clock.GetUtcNow();
        var refusal = found.RevokedAt is not null ? "The API key has been revoked."
            : found.IsExpiredAt(now) ? "The API key has expired."
            : !ApiKeyRules.IsAllowedFrom(found.AllowedIpList, ip) ? "The API key may not be used from this address."
            : null;
        if (refusal is not null)
        {
            await securityLog.RecordAsync(SecurityEventType.ApiKeyMisuse, found.OwnerId, ip, $"{refusal} Key {found.Prefix}… \"{found.Name}\"", ct);
            return Result<ApiKeyIdentity>.Failure(refusal);
        }

        if (found.LastUsedAt is not { } last || now - last >= ApiKeyRules.LastUsedResolution || found.LastUsedIp != ip)
        {
            found.MarkUsed(ip, now);
            await db.SaveChangesAsync(ct);
        }
        return new ApiKeyIdentity(found.Id, found.OwnerId, found.ScopeList);
    }
}

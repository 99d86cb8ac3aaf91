using Microsoft.EntityFrameworkCore;
using Purrr.Core.Api;
using Purrr.Core.Common;
using Purrr.Core.Security;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Api;

public sealed class ApiKeyServiceTests : ServiceTestBase
{
    private ApiKeyService Keys => new(Database.Factory, Clock, new SecurityLog(Database.Factory, Clock, Bus));

    private async Task<(UserId Owner, NewApiKey Key)> NewKeyAsync(string? allowedIps = null, DateTimeOffset? expires = null)
    {
        var owner = await NewPlayerAsync("scripter");
        var made = await Keys.CreateAsync(owner, new ApiKeyRequest(" Backup ", ["write", "read"], expires, allowedIps), mayUseAdminScope: false);
        Assert.True(made.Succeeded, made.FirstMessage);
        return (owner, made.Value);
    }

    private async Task<IReadOnlyList<SecurityEvent>> MisusesAsync()
    {
        await using var db = await Database.Factory.CreateAsync();
        return await db.SecurityEvents.Where(e => e.Type == SecurityEventType.ApiKeyMisuse).ToListAsync();
    }

    [Fact]
    public async Task A_new_key_is_shown_once_and_only_its_hash_is_stored()
    {
        var (owner, made) = await NewKeyAsync();

        await using (var db = await Database.Factory.CreateAsync())
        {
            var stored = await db.ApiKeys.SingleAsync();
            Assert.Equal(ApiKeyRules.HashOf(made.Key), stored.Hash);
            Assert.DoesNotContain(made.Key, stored.Hash + stored.Prefix + stored.Name);
        }
        var listed = Assert.Single(await Keys.ListAsync(owner));
        Assert.Equal("Backup", listed.Name);
        Assert.Equal(made.Key[..10], listed.Prefix);
        Assert.Equal(["read", "write"], listed.Scopes);
        Assert.DoesNotContain(made.Key, System.Text.Json.JsonSerializer.Serialize(listed));
    }

    [Fact]
    public async Task A_valid_key_speaks_for_its_owner_with_its_scopes_and_records_when_it_was_used()
    {
        var (owner, made) = await NewKeyAsync();

        var identity = await Keys.AuthenticateAsync(made.Key, "198.51.100.1");

        Assert.True(identity.Succeeded, identity.FirstMessage);
        Assert.Equal(owner, identity.Value.Owner);
        Assert.Equal(["read", "write"], identity.Value.Scopes);
        var listed = Assert.Single(await Keys.ListAsync(owner));
        Assert.Equal(Clock.GetUtcNow(), listed.LastUsedAt);
        Assert.Equal("198.51.100.1", listed.LastUsedIp);
    }

    [Fact]
    public async Task An_unknown_or_malformed_key_is_refused()
    {
        await NewKeyAsync();

        Assert.Equal("The API key is not valid.", (await Keys.AuthenticateAsync("pk_" + new string('A', 43), null)).FirstMessage);
        Assert.Equal("The API key is not valid.", (await Keys.AuthenticateAsync("Bearer something", null)).FirstMessage);
        Assert.Equal("The API key is not valid.", (await Keys.AuthenticateAsync(null, null)).FirstMessage);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_and_its_use_is_logged_as_misuse_without_the_key()
    {
        var (owner, made) = await NewKeyAsync();

        var revoked = await Keys.RevokeAsync(owner, made.View.Id);
        var used = await Keys.AuthenticateAsync(made.Key, "198.51.100.1");

        Assert.True(revoked.Succeeded);
        Assert.Equal("The API key has been revoked.", used.FirstMessage);
        var misuse = Assert.Single(await MisusesAsync());
        Assert.Equal(SecuritySeverity.High, misuse.Severity);
        Assert.Equal(owner, misuse.UserId);
        Assert.Equal("198.51.100.1", misuse.IpAddress);
        Assert.DoesNotContain(made.Key, misuse.Detail);
        Assert.Contains(made.Key[..10], misuse.Detail);
    }

    [Fact]
    public async Task Only_the_owner_can_revoke_a_key()
    {
        var (_, made) = await NewKeyAsync();
        var stranger = await NewPlayerAsync("stranger");

        Assert.Equal("That key doesn't exist.", (await Keys.RevokeAsync(stranger, made.View.Id)).FirstMessage);
        Assert.True((await Keys.AuthenticateAsync(made.Key, null)).Succeeded);
    }

    [Fact]
    public async Task Revoking_all_of_a_players_keys_leaves_other_players_keys_alone()
    {
        var (owner, made) = await NewKeyAsync();
        var second = await Keys.CreateAsync(owner, new ApiKeyRequest("Second", ["read"], null, null), false);
        var other = await NewPlayerAsync("other");
        var othersKey = await Keys.CreateAsync(other, new ApiKeyRequest("Theirs", ["read"], null, null), false);

        Assert.Equal(2, await Keys.RevokeAllAsync(owner));

        Assert.False((await Keys.AuthenticateAsync(made.Key, null)).Succeeded);
        Assert.False((await Keys.AuthenticateAsync(second.Value.Key, null)).Succeeded);
        Assert.True((await Keys.AuthenticateAsync(othersKey.Value.Key, null)).Succeeded);
        Assert.Equal(0, await Keys.RevokeAllAsync(owner));
    }

    [Fact]
    public async Task A_key_stops_working_when_it_expires()
    {
        var (_, made) = await NewKeyAsync(expires: Clock.GetUtcNow().AddHours(1));
        Assert.True((await Keys.AuthenticateAsync(made.Key, null)).Succeeded);

        Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("The API key has expired.", (await Keys.AuthenticateAsync(made.Key, null)).FirstMessage);
        Assert.Single(await MisusesAsync());
    }

    [Fact]
    public async Task A_key_with_an_allow_list_is_refused_elsewhere()
    {
        var (_, made) = await NewKeyAsync(allowedIps: "203.0.113.7");

        Assert.True((await Keys.AuthenticateAsync(made.Key, "203.0.113.7")).Succeeded);
        Assert.Equal("The API key may not be used from this address.", (await Keys.AuthenticateAsync(made.Key, "198.51.100.1")).FirstMessage);
        Assert.Equal("198.51.100.1", Assert.Single(await MisusesAsync()).IpAddress);
    }

    [Fact]
    public async Task A_refused_request_stores_nothing_and_players_have_at_most_twenty_active_keys()
    {
        var owner = await NewPlayerAsync("collector");
        Assert.Equal("Only admins can make keys with the admin scope.",
            (await Keys.CreateAsync(owner, new ApiKeyRequest("k", ["admin"], null, null), mayUseAdminScope: false)).FirstMessage);
        Assert.Empty(await Keys.ListAsync(owner));

        for (var i = 0; i < ApiKeyRules.MaxActiveKeys; i++)
            Assert.True((await Keys.CreateAsync(owner, new ApiKeyRequest($"k{i}", ["read"], null, null), false)).Succeeded);
        var oneTooMany = await Keys.CreateAsync(owner, new ApiKeyRequest("k21", ["read"], null, null), false);

        Assert.Equal("You already have 20 active keys. Revoke one you no longer use first.", oneTooMany.FirstMessage);
        await Keys.RevokeAsync(owner, (await Keys.ListAsync(owner))[0].Id);
        Assert.True((await Keys.CreateAsync(owner, new ApiKeyRequest("k21", ["read"], null, null), false)).Succeeded);
    }
}

using System.Security.Cryptography;
using OpenIddict.Abstractions;
using Purrr.Core.Common;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Purrr.Data.OAuth;

/// <summary>
/// What a developer registers to use the API through OAuth2 (spec §13). A public client (a script, a mobile app) signs
/// players in with the authorization code flow and PKCE; a confidential one also gets a secret and may use client
/// credentials for itself.
/// </summary>
public sealed record OAuthClientRegistration(
    string ClientId, string DisplayName, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> Scopes, bool Confidential = false);

/// <summary>A registered client as the consent page shows it.</summary>
public sealed record OAuthClientView(string ClientId, string DisplayName, IReadOnlyList<string> Scopes);

/// <summary>Registers OAuth2 clients in OpenIddict's store (the app's database).</summary>
public sealed class OAuthClients(IOpenIddictApplicationManager applications)
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    /// <summary>The API's scopes, and what each lets a client do (the consent page reads these to the player).</summary>
    public static readonly IReadOnlyDictionary<string, string> Scopes = new Dictionary<string, string>
    {
        [Read] = "See your cats, coins, posts and other data",
        [Write] = "Act for you: care for your cats, play, post and spend coins",
        [Admin] = "Use admin tools (only if you are an admin)",
    };

    /// <summary>Development's demo clients (README): a public one for code + PKCE, a confidential one for client credentials.</summary>
    public const string DemoClientId = "purrr-demo";
    public const string DemoRedirectUri = "http://127.0.0.1:7890/callback";
    public const string DemoServiceClientId = "purrr-demo-service";
    public const string DemoServiceSecret = "purrr-demo-service-secret";

    /// <summary>Registers the client; a confidential client's secret is returned once (OpenIddict stores only its hash).</summary>
    public async Task<Result<string?>> RegisterAsync(OAuthClientRegistration registration, CancellationToken ct = default) =>
        await RegisterAsync(registration, registration.Confidential ? NewSecret() : null, ct);

    public async Task<OAuthClientView?> FindAsync(string? clientId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(clientId) || await applications.FindByClientIdAsync(clientId, ct) is not { } application)
            return null;
        var permissions = await applications.GetPermissionsAsync(application, ct);
        var scopes = permissions.Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]).ToList();
        return new OAuthClientView(clientId, await applications.GetDisplayNameAsync(application, ct) ?? clientId, scopes);
    }

    /// <summary>Seeds the demo clients once (Development).</summary>
    public async Task EnsureDemoClientsAsync(CancellationToken ct = default)
    {
        if (await applications.FindByClientIdAsync(DemoClientId, ct) is null)
            await RegisterAsync(new(DemoClientId, "Purrr demo script", [DemoRedirectUri], [Read, Write]), null, ct);
        if (await applications.FindByClientIdAsync(DemoServiceClientId, ct) is null)
            await RegisterAsync(new(DemoServiceClientId, "Purrr demo service", [], [Read], Confidential: true), DemoServiceSecret, ct);
    }

    private async Task<Result<string?>> RegisterAsync(OAuthClientRegistration registration, string? secret, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(registration.ClientId) || registration.ClientId.Length > 100)
            problems.Add(new("Give the client an id of 1–100 characters.", nameof(registration.ClientId)));
        else if (await applications.FindByClientIdAsync(registration.ClientId, ct) is not null)
            problems.Add(new($"A client called {registration.ClientId} is already registered.", nameof(registration.ClientId)));
        if (string.IsNullOrWhiteSpace(registration.DisplayName))
            problems.Add(new("Give the client a name players will recognise.", nameof(registration.DisplayName)));
        if (registration.Scopes.Count == 0 || registration.Scopes.Any(s => !Scopes.ContainsKey(s)))
            problems.Add(new("Choose scopes among read, write and admin.", nameof(registration.Scopes)));
        if (registration.RedirectUris.Any(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Fragment.Length > 0))
            problems.Add(new("Redirect addresses must be absolute http(s) addresses without a #fragment.", nameof(registration.RedirectUris)));
        if (!registration.Confidential && registration.RedirectUris.Count == 0)
            problems.Add(new("A public client signs players in, so it needs a redirect address.", nameof(registration.RedirectUris)));
        if (problems.Count > 0)
            return Result<string?>.Failure(problems);

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = registration.ClientId,
            DisplayName = registration.DisplayName.Trim(),
            ClientType = registration.Confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ClientSecret = secret,
            ConsentType = ConsentTypes.Explicit,
        };
        if (registration.RedirectUris.Count > 0)
        {
            foreach (var uri in registration.RedirectUris)
                descriptor.RedirectUris.Add(new Uri(uri));
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }
        if (registration.Confidential)
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        foreach (var scope in registration.Scopes)
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);

        await applications.CreateAsync(descriptor, ct);
        return secret;
    }

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

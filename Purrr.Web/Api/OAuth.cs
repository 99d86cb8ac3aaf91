using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using Purrr.Core.Accounts;
using Purrr.Data;
using Purrr.Data.OAuth;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Purrr.Web.Api;

/// <summary>
/// OAuth2 for the API (spec §13) with OpenIddict: authorization code + PKCE, where the signed-in player approves the
/// scopes on <c>/Account/Consent</c>, and client credentials; short-lived access tokens with the scopes read/write/admin.
/// The validation scheme (local server, token entries checked so revoked tokens stop at once) is what the API's "Api"
/// policy scheme forwards bearer tokens to.
/// </summary>
public static class OAuth
{
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";
    public const string ConsentPath = "/Account/Consent";
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The validation scheme bearer tokens are checked by.</summary>
    public const string BearerScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;

    public static IServiceCollection AddPurrrOAuth(this IServiceCollection services, IHostEnvironment environment, PurrrStorage storage)
    {
        services.AddOpenIddict()
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/'))
                    .SetTokenEndpointUris(TokenPath.TrimStart('/'));
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow();
                server.RegisterScopes([.. OAuthClients.Scopes.Keys]);
                server.SetAccessTokenLifetime(AccessTokenLifetime);
                // Keys in the data folder beside Data Protection's: tokens and codes stay valid across a restart.
                server.AddSigningKey(KeyIn(storage, "oauth-signing.pem"))
                    .AddEncryptionKey(KeyIn(storage, "oauth-encryption.pem"));
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
                if (environment.IsDevelopment())
                    aspNetCore.DisableTransportSecurityRequirement(); // local http; HTTPS is enforced elsewhere
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.EnableTokenEntryValidation(); // a revoked token (account deleted) is refused at once
                validation.UseAspNetCore();
            });
        services.AddAuthorizationBuilder().AddPolicy(BearerScheme, policy => policy.AddAuthenticationSchemes(BearerScheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>Seeds Development's demo clients (see README).</summary>
    public static async Task SeedOAuthDemoClientsAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OAuthClients>().EnsureDemoClientsAsync();
    }

    public static IEndpointRouteBuilder MapOAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(AuthorizePath, (Delegate)AuthorizeAsync).ExcludeFromDescription();
        endpoints.MapPost(AuthorizePath, ConsentAsync).ExcludeFromDescription();
        endpoints.MapPost(TokenPath, TokenAsync).DisableAntiforgery().ExcludeFromDescription();
        // A small protected endpoint: who a bearer token speaks for, and with which scopes.
        endpoints.MapGet("/api/v1/me/token-info", (ClaimsPrincipal user) => Results.Ok(new
        {
            success = true,
            data = new
            {
                subject = user.GetClaim(Claims.Subject),
                clientId = user.GetClaim(Claims.ClientId),
                scopes = user.GetScopes().Order().ToArray(),
            },
        })).RequireAuthorization(BearerScheme);
        return endpoints;
    }

    /// <summary>Signed out: to the sign-in page and back. Signed in: to the consent page with the same request.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded)
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + http.Request.QueryString },
                [IdentityConstants.ApplicationScheme]);
        return Results.Redirect(ConsentPath + http.Request.QueryString);
    }

    /// <summary>The consent form's answer (antiforgery checked): tokens with the approved scopes, or access_denied.</summary>
    private static async Task<IResult> ConsentAsync(HttpContext http, [FromForm(Name = "decision")] string? decision,
        UserManager<PurrrUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded || await users.GetUserAsync(signedIn.Principal) is not { } user)
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.Path + QueryString.Create(request.GetParameters()
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()))) }, [IdentityConstants.ApplicationScheme]);
        if (decision != "allow")
            return Refuse(Errors.AccessDenied, "The player did not allow access.");

        var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
        var scopes = request.GetScopes().Where(s => OAuthClients.Scopes.ContainsKey(s) && (s != OAuthClients.Admin || isAdmin)).ToList();
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(ClaimTypes.NameIdentifier, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName);
        identity.SetScopes(scopes);
        return SignIn(identity);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, IOpenIddictApplicationManager applications, UserManager<PurrrUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has checked the secret and that the client may ask for these scopes.
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("Unknown client.");
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId)
                .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            identity.SetScopes(request.GetScopes().Where(s => s != OAuthClients.Admin));
            return SignIn(identity);
        }
        if (request.IsAuthorizationCodeGrantType())
        {
            var principal = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
            // The player may have deleted their account since they approved.
            if (principal?.GetClaim(Claims.Subject) is not { } subject || await users.FindByIdAsync(subject) is not { PasswordHash: not null })
                return Refuse(Errors.InvalidGrant, "This account no longer exists.");
            return SignIn((ClaimsIdentity)principal.Identity!);
        }
        return Refuse(Errors.UnsupportedGrantType, "Use authorization_code (with PKCE) or client_credentials.");
    }

    private static IResult SignIn(ClaimsIdentity identity)
    {
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static RsaSecurityKey KeyIn(PurrrStorage storage, string fileName)
    {
        var path = Path.Combine(storage.KeysFolder, fileName);
        var rsa = RSA.Create(2048);
        if (File.Exists(path))
            rsa.ImportFromPem(File.ReadAllText(path));
        else // a new key is made when first used: here on another core, not on the start-up path (≈ 0.1 s each)
            _ = Task.Run(() =>
            {
                File.WriteAllText(path + ".new", rsa.ExportRSAPrivateKeyPem());
                File.Move(path + ".new", path, overwrite: true); // whole or not at all, should the process die meanwhile
            });
        return new RsaSecurityKey(rsa);
    }
}

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Purrr.Core.Accounts;
using Purrr.Core.Api;
using Purrr.Data;

namespace Purrr.Web.Api;

/// <summary>Authenticates X-API-Key through <see cref="ApiKeyService"/>; answers 401 and 403 as ProblemDetails.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyService keys, UserManager<PurrrUser> users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiAuth.ApiKeyHeader, out var header))
            return AuthenticateResult.NoResult();
        var checkedKey = await keys.AuthenticateAsync(header.ToString(), ApiRequests.ClientIp(Context), Context.RequestAborted);
        if (!checkedKey.Succeeded)
            return AuthenticateResult.Fail(checkedKey.FirstMessage);

        var identity = checkedKey.Value;
        var scopes = identity.Scopes.ToList();
        // The admin scope lasts only as long as the owner is an admin.
        if (scopes.Contains(ApiScopes.Admin) && (await users.FindByIdAsync(identity.Owner.ToString()) is not { } user || !await users.IsInRoleAsync(user, Roles.Admin)))
            scopes.Remove(ApiScopes.Admin);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, identity.Owner.ToString()),
            new("sub", identity.Owner.ToString()),
            new(ApiAuth.KeyIdClaim, identity.KeyId.ToString()),
        };
        claims.AddRange(scopes.Select(scope => new Claim(ApiScopes.ClaimType, scope)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiAuth.ApiKeyHeader}\", Bearer";
        await ApiResults.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized,
            result.Failure?.Message ?? "Authenticate with an API key (X-API-Key header) or a bearer token.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => ApiAuth.ScopeOf(a.Policy)).LastOrDefault(s => s is not null);
        await ApiResults.WriteProblemAsync(Context, StatusCodes.Status403Forbidden,
            scope is null ? "This key may not do that." : $"This key lacks the \"{scope}\" scope.");
    }
}

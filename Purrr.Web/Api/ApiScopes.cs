using System.Security.Claims;
using Purrr.Core.Api;

namespace Purrr.Web.Api;

/// <summary>The one way to ask what an API caller may do, whatever authenticated it (API key or OAuth token).</summary>
public static class ApiScopes
{
    public const string Read = ApiKeyRules.Read;
    public const string Write = ApiKeyRules.Write;
    public const string Admin = ApiKeyRules.Admin;

    /// <summary>The claim type carrying scopes; a claim may hold one scope or several separated by spaces.</summary>
    public const string ClaimType = "scope";

    /// <summary>Where OpenIddict's validation puts a bearer token's scopes (one claim per scope).</summary>
    public const string OAuthClaimType = OpenIddict.Abstractions.OpenIddictConstants.Claims.Private.Scope;

    /// <summary>
    /// Whether <paramref name="user"/> was granted <paramref name="scope"/>, by an API key or an OAuth token. Scopes are
    /// independent: write does not imply read.
    /// </summary>
    public static bool Has(ClaimsPrincipal user, string scope) =>
        user.Claims.Where(claim => claim.Type is ClaimType or OAuthClaimType)
            .Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}

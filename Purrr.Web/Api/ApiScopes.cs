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

    /// <summary>Whether <paramref name="user"/> was granted <paramref name="scope"/>. Scopes are independent: write does not imply read.</summary>
    public static bool Has(ClaimsPrincipal user, string scope) =>
        user.FindAll(ClaimType).Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));
}

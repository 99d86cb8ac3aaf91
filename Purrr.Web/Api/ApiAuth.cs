using Microsoft.AspNetCore.Authentication;
using Purrr.Core.Api;

namespace Purrr.Web.Api;

/// <summary>
/// How /api/v1 knows who is calling (issue 11 contract): one policy scheme, "Api", that forwards a request with an
/// X-API-Key header to the "ApiKey" scheme and one with a bearer token to OpenIddict's validation scheme when that is
/// registered. Cookies never authenticate the API, so a page in a browser cannot be tricked into calling it.
/// </summary>
public static class ApiAuth
{
    public const string Scheme = "Api";
    public const string ApiKeyScheme = "ApiKey";
    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, by value: this file needs no OpenIddict reference.</summary>
    public const string BearerScheme = "OpenIddict.Validation.AspNetCore";

    /// <summary>On API-key principals: the key's id (rate limits and logs count per key).</summary>
    public const string KeyIdClaim = "purrr_api_key";

    public const string ReadPolicy = "api:" + ApiScopes.Read;
    public const string WritePolicy = "api:" + ApiScopes.Write;
    public const string AdminPolicy = "api:" + ApiScopes.Admin;

    public static IServiceCollection AddPurrrApiAuth(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Purrr API", options => options.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, "API key", _ => { })
            .AddDeviceKeys();
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in ApiKeyRules.AllScopes)
            authorization.AddPolicy("api:" + scope, policy => policy
                .AddAuthenticationSchemes(Scheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => ApiScopes.Has(context.User, scope)));
        return services;
    }

    private static string SchemeFor(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(ApiKeyHeader))
            return ApiKeyScheme;
        if (context.Request.Headers.ContainsKey(DevicesApi.DeviceKeyHeader))
            return DevicesApi.DeviceKeyScheme;
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(BearerScheme).GetAwaiter().GetResult() is not null)
            return BearerScheme;
        // Nothing usable: the API-key scheme answers with a 401 that says how to authenticate.
        return ApiKeyScheme;
    }

    /// <summary>The scope a policy stands for ("api:write" → "write"), for the 403 message.</summary>
    public static string? ScopeOf(string? policy) => policy?.StartsWith("api:", StringComparison.Ordinal) == true ? policy[4..] : null;
}

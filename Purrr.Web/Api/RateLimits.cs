using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Security;

namespace Purrr.Web.Api;

/// <summary>
/// The API's rate limits (spec §2) over Core's <see cref="RateLimits"/>: every response under /api carries
/// X-RateLimit-Limit/Remaining/Reset; a client over its tier's hourly allowance gets 429 with Retry-After and a
/// ProblemDetails (RATE_LIMITED logged), and the fifth such violation within an hour bans it for an hour (IP_AUTO_BANNED,
/// which alerts online admins). A client is its API key, else its player, else its address.
/// </summary>
public static class ApiRateLimits
{
    /// <summary>The claim API-key principals carry: the key's id (see ApiAuth).</summary>
    public const string ApiKeyClaim = "purrr_api_key";

    /// <summary>The schemes that may sign an API request, tried in order when registered ("Api" forwards keys and bearer tokens).</summary>
    internal static readonly string[] ApiSchemes = ["Api", OpenIddict.Validation.AspNetCore.OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme];

    public static IApplicationBuilder UseApiRateLimits(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseMiddleware<ApiRateLimitMiddleware>());

    /// <summary>Who a request counts against: "key:…", "user:…" or "ip:…", and the player whose tier applies.</summary>
    public static (string Client, UserId? Owner) ClientOf(ClaimsPrincipal principal, string? ipAddress)
    {
        var owner = UserId.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub"), out var id) ? id : (UserId?)null;
        if (principal.FindFirstValue(ApiKeyClaim) is { Length: > 0 } key)
            return ($"key:{key}", owner);
        if (owner is { } user)
            return ($"user:{user}", owner);
        // An OAuth client acting for itself (client credentials) counts as its client id.
        if ((principal.FindFirstValue("client_id") ?? principal.FindFirstValue("azp")) is { Length: > 0 } clientId)
            return ($"client:{clientId}", null);
        return ($"ip:{ipAddress ?? "unknown"}", null);
    }
}

internal sealed class ApiRateLimitMiddleware(RequestDelegate next, RateLimits limits, PlayerService players, SecurityLog securityLog,
    IAuthenticationSchemeProvider schemes)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString();
        var (client, owner) = ApiRateLimits.ClientOf(await ApiPrincipalAsync(context), ip);
        var tier = owner is { } player ? await players.ApiTierOfAsync(player, context.RequestAborted) : ApiTier.Free;
        var admission = limits.AdmitApi(client, tier);

        // Written as the response starts: handlers that answer themselves (OpenIddict's 401) clear earlier headers.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["X-RateLimit-Limit"] = admission.Limit.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Remaining"] = admission.Remaining.ToString(CultureInfo.InvariantCulture);
            headers["X-RateLimit-Reset"] = admission.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            if (!admission.Allowed)
                headers.RetryAfter = admission.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        if (admission.Allowed)
        {
            await next(context);
            return;
        }

        if (!admission.Banned || admission.JustBanned) // a banned client's further requests are not violations worth a row each
            await securityLog.RecordAsync(SecurityEventType.RateLimited, owner, ip, $"{client} went over {admission.Limit:N0} requests an hour ({tier}).");
        if (admission.JustBanned)
            await securityLog.RecordAsync(SecurityEventType.IpAutoBanned, owner, ip,
                $"{client} was banned for an hour after {RateLimits.ViolationsBeforeBan} rate-limit violations within an hour.");

        var detail = admission.Banned
            ? $"Too many requests over the limit: this client is blocked for an hour. Try again in {WaitText(admission.RetryAfter)}."
            : $"At most {admission.Limit:N0} requests an hour on the {tier} tier. Try again in {WaitText(admission.RetryAfter)}.";
        await Results.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            extensions: new Dictionary<string, object?> { ["success"] = false }).ExecuteAsync(context);
    }

    /// <summary>The API's own credentials when the request has any (key or bearer token), else the cookie's user.</summary>
    private async Task<ClaimsPrincipal> ApiPrincipalAsync(HttpContext context)
    {
        // Each handler authenticates once per request, so asking here costs the endpoint's own check nothing.
        foreach (var scheme in ApiRateLimits.ApiSchemes)
        {
            if (await schemes.GetSchemeAsync(scheme) is null)
                continue;
            var result = await context.AuthenticateAsync(scheme);
            if (result.Succeeded)
                return result.Principal;
        }
        return context.User;
    }

    private static string WaitText(TimeSpan wait) =>
        wait >= TimeSpan.FromMinutes(1) ? $"{Math.Ceiling(wait.TotalMinutes):0} min" : $"{RateLimits.Seconds(wait)} s";
}

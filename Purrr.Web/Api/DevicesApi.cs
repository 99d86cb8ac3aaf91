using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Purrr.Core.HealthDevices;
using Purrr.Core.Security;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

/// <summary>The body of a readings push: up to 500 readings, stored all or nothing.</summary>
public sealed record ReadingsBatch(IReadOnlyList<DeviceReading?>? Readings);

/// <summary>
/// /api/v1/devices/{id}/readings: health devices push their readings. A device authenticates with its own key in the
/// X-Device-Key header (shown once when the player registered it); a player's API key with the write scope may push
/// for their own devices too (scripts, imports). A device key opens nothing else.
/// </summary>
public static class DevicesApi
{
    public const string DeviceKeyScheme = "DeviceKey";
    public const string DeviceKeyHeader = "X-Device-Key";

    /// <summary>On device principals: the device's id.</summary>
    public const string DeviceClaim = "purrr_device";

    public static RouteGroupBuilder MapDevices(this RouteGroupBuilder api)
    {
        api.MapPost("/devices/{id:guid}/readings", async (Guid id, ReadingsBatch body, HttpContext http, HealthDeviceService devices, RateLimits limits,
                CancellationToken ct) =>
            {
                var me = Me(http);
                // A device's key is for that device only; a player's key for any of the player's own devices.
                var keyDevice = http.User.FindFirstValue(DeviceClaim);
                if ((keyDevice is not null && keyDevice != id.ToString()) || await devices.FindAsync(me, id, ct) is null)
                    return ApiResults.NotFound("There is no device with that id among yours.");
                // A device key has its own per-minute limit; a player's key is already counted by its tier's hourly allowance.
                if (keyDevice is not null && limits.TryAct(HealthDeviceRules.ReadingBatches, $"device:{id}") is { } slowDown)
                    return ApiResults.Problem([slowDown], StatusCodes.Status429TooManyRequests);
                return ApiResults.From(await devices.PushAsync(me, id, body.Readings, ct));
            })
            .WithMetadata(new DeviceKeyEndpoint())
            .WithTags("Health devices")
            .Writes<PushReport>($"A device's readings, at most {HealthDeviceRules.MaxBatch} a batch, all or nothing; a reading id already sent is skipped");
        return api;
    }

    /// <summary>The device-key scheme, forwarded to by the API's policy scheme when the X-Device-Key header is present.</summary>
    public static AuthenticationBuilder AddDeviceKeys(this AuthenticationBuilder authentication) =>
        authentication.AddScheme<AuthenticationSchemeOptions, DeviceKeyAuthenticationHandler>(DeviceKeyScheme, "Device key", _ => { });
}

/// <summary>Marks the one endpoint a device key may call.</summary>
public sealed class DeviceKeyEndpoint;

/// <summary>
/// Authenticates X-Device-Key through <see cref="HealthDeviceService"/>, only on endpoints marked <see cref="DeviceKeyEndpoint"/>.
/// The principal speaks for the device's owner with the write scope, so the readings endpoint keeps the group's rules.
/// </summary>
public sealed class DeviceKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    HealthDeviceService devices) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(DevicesApi.DeviceKeyHeader, out var header))
            return AuthenticateResult.NoResult();
        if (Context.GetEndpoint()?.Metadata.GetMetadata<DeviceKeyEndpoint>() is null)
            return AuthenticateResult.Fail("A device key can only send readings (POST /api/v1/devices/{id}/readings).");
        var device = await devices.AuthenticateAsync(header.ToString(), Context.RequestAborted);
        if (!device.Succeeded)
            return AuthenticateResult.Fail(device.FirstMessage);

        var identity = device.Value;
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, identity.Owner.ToString()),
            new("sub", identity.Owner.ToString()),
            new(DevicesApi.DeviceClaim, identity.Device.ToString()),
            // Rate limits count per device, as they count per API key.
            new(ApiAuth.KeyIdClaim, "device:" + identity.Device),
            new(ApiScopes.ClaimType, ApiScopes.Write),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name)), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = $"DeviceKey header=\"{DevicesApi.DeviceKeyHeader}\"";
        await ApiResults.WriteProblemAsync(Context, StatusCodes.Status401Unauthorized, result.Failure?.Message ?? "Send the device's key in the X-Device-Key header.");
    }
}

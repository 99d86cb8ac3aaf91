using Purrr.Core.NightWatch;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

public sealed record DeployBody(IReadOnlyList<DeployRequest> Cats);

/// <summary>/api/v1/nightwatch: status, deploying a patrol, protection zones and the player's totals (NightWatchService, as the page).</summary>
public static class NightWatchApi
{
    public static RouteGroupBuilder MapNightWatch(this RouteGroupBuilder api)
    {
        var night = api.MapGroup("/nightwatch").WithTags("Night watch");
        night.MapGet("/status", async (HttpContext http, NightWatchService service, CancellationToken ct) =>
            ApiResults.Ok(await service.GetStatusAsync(Me(http), ct)))
            .Reads<NightWatchStatus>("Whether it is night for you, your patrol, last night's report and the cats you could send");
        night.MapPost("/deploy", async (DeployBody body, HttpContext http, NightWatchService service, CancellationToken ct) =>
            ApiResults.From(await service.DeployAsync(Me(http), body.Cats, ct)))
            .Writes<PatrolView>("Send up to 10 healthy cats on patrol around your home (at night, your time); a role per cat is optional");
        night.MapGet("/zones", async (HttpContext http, NightWatchService service, CancellationToken ct) =>
            ApiResults.Ok((await service.GetMapAsync(Me(http), ct)).Zones))
            .Reads<IReadOnlyList<ZoneView>>("The protection zones of your neighbourhood, everyone's");
        night.MapPost("/zones", async (ZoneRequest body, HttpContext http, NightWatchService service, CancellationToken ct) =>
            IdempotencyKey(http) is { } key
                ? ApiResults.From(await service.CreateZoneAsync(Me(http), body, key, ct))
                : ApiResults.Problem(IdempotencyKeyTooLong))
            .Writes<ZoneView>("Place a protection zone (cat_condo, motion_sensor, safe_haven or community_alert) for its price in coins");
        night.MapGet("/stats", async (HttpContext http, NightWatchService service, CancellationToken ct) =>
            ApiResults.Ok(await service.StatsAsync(Me(http), ct)))
            .Reads<NightWatchStats>("Your night-watch totals");
        return api;
    }
}

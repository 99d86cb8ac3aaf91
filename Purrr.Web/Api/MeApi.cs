using Purrr.Core.Accounts;
using Purrr.Core.Api;
using Purrr.Core.Common;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

public sealed record MeView(UserId Id, string UserName, string DisplayName, string Bio, string TimeZone, long Coins, DateTimeOffset JoinedAt,
    GeoPoint? Home, IReadOnlyList<string> Scopes);

/// <summary>/api/v1/me: who the key or token speaks for.</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (HttpContext http, PlayerService players, CancellationToken ct) =>
            await players.FindAsync(Me(http), ct) is { } me
                ? ApiResults.Ok(new MeView(me.Id, me.UserName, me.DisplayName, me.Bio, me.TimeZoneId, me.Coins, me.JoinedAt, me.Home,
                    [.. ApiKeyRules.AllScopes.Where(scope => ApiScopes.Has(http.User, scope))]))
                : ApiResults.NotFound("Your account no longer exists."))
            .WithTags("Me").Reads<MeView>("Your profile, and the scopes of the key or token you used");
        return api;
    }
}

using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Territories;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

/// <summary>/api/v1/cats/{id}/territories: the territories a cat holds (as its cat page's tab shows them).</summary>
public static class TerritoriesApi
{
    public static RouteGroupBuilder MapTerritories(this RouteGroupBuilder api)
    {
        api.MapGet("/cats/{id}/territories", async (CatId id, HttpContext http, CatService cats, TerritoryService territories, CancellationToken ct) =>
            await cats.GetProfileAsync(id, Me(http), ct) is null ? CatsApi.NoSuchCat() : ApiResults.Ok(await territories.ForCatAsync(id, ct)))
            .WithTags("Territories")
            .Reads<IReadOnlyList<TerritoryView>>("The territories a cat holds: yours, or another player's public cat");
        return api;
    }
}

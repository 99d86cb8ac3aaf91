using Purrr.Core.Breeding;
using Purrr.Core.Common;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

public sealed record BreedRequest(CatId MotherId, CatId FatherId);

/// <summary>/api/v1/breeding: candidates, a pair's compatibility and kitten odds, and breeding (BreedingService, as the breeding page).</summary>
public static class BreedingApi
{
    public static RouteGroupBuilder MapBreeding(this RouteGroupBuilder api)
    {
        var breeding = api.MapGroup("/breeding").WithTags("Breeding");
        breeding.MapGet("/candidates", async (HttpContext http, BreedingService service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListCandidatesAsync(Me(http), ct)))
            .Reads<IReadOnlyList<BreedingCandidate>>("Your cats, each with what stops it from breeding now (empty when it can)");
        breeding.MapGet("/pairs", async (CatId motherId, CatId fatherId, HttpContext http, BreedingService service, CancellationToken ct) =>
            ApiResults.From(await service.PreviewAsync(Me(http), motherId, fatherId, ct)))
            .Reads<BreedingPreview>("A pair's compatibility, success chance, cost and the exact odds of each kitten look");
        breeding.MapPost("/", async (BreedRequest body, HttpContext http, BreedingService service, CancellationToken ct) =>
            IdempotencyKey(http) is { } key
                ? ApiResults.From(await service.BreedAsync(Me(http), body.MotherId, body.FatherId, key, ct))
                : ApiResults.Problem(IdempotencyKeyTooLong))
            .Writes<BreedingResult>("Breed two of your cats (100 coins); send an Idempotency-Key header to make retries safe");
        return api;
    }
}

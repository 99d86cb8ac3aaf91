using Purrr.Core.Cats;
using Purrr.Core.Common;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

public sealed record FeedRequest(string Food);

public sealed record ItemRequest(string? Item = null);

public sealed record TrainRequest(TrainingCommand Command);

/// <summary>/api/v1/cats: the caller's cats and the five care actions (CareService, as the cat page).</summary>
public static class CatsApi
{
    public static RouteGroupBuilder MapCats(this RouteGroupBuilder api)
    {
        var cats = api.MapGroup("/cats").WithTags("Cats");

        cats.MapGet("/", async (HttpContext http, CatService service, CancellationToken ct) =>
            ApiResults.Ok(await service.ListOwnedAsync(Me(http), ct)))
            .Reads<IReadOnlyList<CatSummary>>("Your cats");

        cats.MapGet("/{id}", async (CatId id, HttpContext http, CatService service, CancellationToken ct) =>
            await service.GetProfileAsync(id, Me(http), ct) is { } cat ? ApiResults.Ok(cat) : NoSuchCat())
            .Reads<CatProfile>("A cat: yours, or another player's public cat");

        cats.MapPost("/{id}/feed", (CatId id, FeedRequest body, HttpContext http, CatService owners, CareService care, CancellationToken ct) =>
            CareAsync(http, owners, id, me => care.FeedAsync(me, id, body.Food, ct), ct))
            .Writes<CareOutcome>("Feed your cat a food from your pantry (e.g. basic_food)");
        cats.MapPost("/{id}/play", (CatId id, ItemRequest? body, HttpContext http, CatService owners, CareService care, CancellationToken ct) =>
            CareAsync(http, owners, id, me => care.PlayAsync(me, id, body?.Item, ct), ct))
            .Writes<CareOutcome>("Play with your cat, optionally with a toy you own");
        cats.MapPost("/{id}/groom", (CatId id, ItemRequest? body, HttpContext http, CatService owners, CareService care, CancellationToken ct) =>
            CareAsync(http, owners, id, me => care.GroomAsync(me, id, body?.Item, ct), ct))
            .Writes<CareOutcome>("Groom your cat, optionally with a grooming kit you own");
        cats.MapPost("/{id}/rest", (CatId id, HttpContext http, CatService owners, CareService care, CancellationToken ct) =>
            CareAsync(http, owners, id, me => care.RestAsync(me, id, ct), ct))
            .Writes<CareOutcome>("Let your cat nap");
        cats.MapPost("/{id}/train", (CatId id, TrainRequest body, HttpContext http, CatService owners, CareService care, CancellationToken ct) =>
            CareAsync(http, owners, id, me => care.TrainAsync(me, id, body.Command, ct), ct))
            .Writes<CareOutcome>("Train your cat: sit, stay, come or fetch");
        return api;
    }

    public static IResult NoSuchCat() => ApiResults.NotFound("You have no cat with that id.");

    /// <summary>Another player's cat is a 404, as if it did not exist; the rules of the action are CareService's.</summary>
    private static async Task<IResult> CareAsync(HttpContext http, CatService owners, CatId id, Func<UserId, Task<Result<CareOutcome>>> act, CancellationToken ct)
    {
        var me = Me(http);
        if (await owners.GetProfileAsync(id, me, ct) is not { } cat || !cat.IsOwnedBy(me))
            return NoSuchCat();
        return ApiResults.From(await act(me));
    }
}

using Purrr.Core.Common;
using Purrr.Core.LostPets;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

/// <summary>/api/v1/lost-pets: radius search, a pet's page, reports and sightings (LostPetService, as Lost &amp; Found).</summary>
public static class LostPetsApi
{
    public static RouteGroupBuilder MapLostPets(this RouteGroupBuilder api)
    {
        var pets = api.MapGroup("/lost-pets").WithTags("Lost pets");
        pets.MapGet("/", async (double latitude, double longitude, LostPetService service, CancellationToken ct,
                double radiusKm = LostPetRules.DefaultRadiusKm, string? type = null, string? text = null,
                DateTimeOffset? lostFrom = null, DateTimeOffset? lostTo = null, int page = 1, int? pageSize = null) =>
        {
            // The type as bodies name it (cat, dog): the query binder alone would only take the C# names (Cat).
            var kind = type is null ? null : ApiJson.ReadName<PetType>(type);
            if (type is not null && kind is null)
                return ApiResults.Problem($"Choose a type: {string.Join(", ", Enum.GetValues<PetType>().Select(ApiJson.NameOf))}.");
            return ApiResults.From(await service.SearchAsync(new LostPetQuery(new GeoPoint(latitude, longitude), radiusKm, kind, text, lostFrom, lostTo, page, pageSize), ct));
        })
            .Reads<LostPetResults>("Active reports near a point, nearest first (radius in km, 10 by default; type cat, dog, bird, rabbit or other; 50 a page, at most 100)");
        pets.MapGet("/{id:guid}", async (Guid id, HttpContext http, LostPetService service, CancellationToken ct) =>
            await service.GetAsync(id, Me(http), ct) is { } pet ? ApiResults.Ok(pet) : NoSuchPet())
            .Reads<LostPetDetails>("A report with its sightings and the owner's contact");
        pets.MapPost("/", async (LostPetReport body, HttpContext http, LostPetService service, CancellationToken ct) =>
            ApiResults.From(await service.ReportAsync(Me(http), body, ct: ct)))
            .Writes<LostPetReported>("Report a lost pet; opted-in neighbours are alerted");
        pets.MapPost("/{id:guid}/sightings", async (Guid id, SightingReport body, HttpContext http, LostPetService service, CancellationToken ct) =>
        {
            if (await service.GetAsync(id, Me(http), ct) is null)
                return NoSuchPet();
            return ApiResults.From(await service.AddSightingAsync(Me(http), id, body, ct: ct), sighting => new SightingCreated(sighting));
        })
            .Writes<SightingCreated>("Report seeing a lost pet; the owner hears at once");
        return api;
    }

    private static IResult NoSuchPet() => ApiResults.NotFound("There is no lost pet report with that id.");
}

public sealed record SightingCreated(Guid Id);

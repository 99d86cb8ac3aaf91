using Purrr.Core.Common;
using Purrr.Core.Games;
using static Purrr.Web.Api.ApiRequests;

namespace Purrr.Web.Api;

public sealed record StartGameRequest(CatId CatId, long EntryFee);

public sealed record FlipRequest(int Card);

public sealed record FlipView(FlipOutcome Flip, PawMatchView Game);

public sealed record GameInfo(string Key, string Name, string Description, IReadOnlyList<long> EntryFees, int EnergyCost, int Cards);

/// <summary>/api/v1/games: Paw Match played turn by turn; the server deals and checks every flip (PawMatchService, as the game page).</summary>
public static class GamesApi
{
    private static readonly IReadOnlyList<GameInfo> Games =
    [
        new("paw-match", "Paw Match", "Find the 8 pairs before time runs out. A win pays up to twice the entry fee.",
            PawMatchGame.EntryFees, PawMatchGame.EnergyCost, PawMatchGame.Cards),
    ];

    public static RouteGroupBuilder MapGames(this RouteGroupBuilder api)
    {
        var games = api.MapGroup("/games").WithTags("Games");
        games.MapGet("/", () => ApiResults.Ok(Games)).Reads<IReadOnlyList<GameInfo>>("The games you can play");
        games.MapGet("/paw-match", async (HttpContext http, PawMatchService service, CancellationToken ct) =>
            ApiResults.Ok(await service.HistoryAsync(Me(http), ct: ct)))
            .Reads<IReadOnlyList<PawMatchResult>>("Your recent Paw Match games");
        games.MapPost("/paw-match", async (StartGameRequest body, HttpContext http, PawMatchService service, CancellationToken ct) =>
            IdempotencyKey(http) is { } key
                ? ApiResults.From(await service.StartAsync(Me(http), body.CatId, body.EntryFee, key, ct))
                : ApiResults.Problem(IdempotencyKeyTooLong))
            .Writes<PawMatchView>("Start a game with one of your cats (10 energy and an entry fee of 10, 25 or 50 coins)");
        games.MapGet("/paw-match/{id:guid}", async (Guid id, HttpContext http, PawMatchService service, CancellationToken ct) =>
            await service.GetAsync(Me(http), id, ct) is { } game ? ApiResults.Ok(game) : NoSuchGame())
            .Reads<PawMatchView>("One of your games: the board shows only the cards you may see");
        games.MapPost("/paw-match/{id:guid}/flips", async (Guid id, FlipRequest body, HttpContext http, PawMatchService service, CancellationToken ct) =>
        {
            var me = Me(http);
            if (await service.GetAsync(me, id, ct) is null)
                return NoSuchGame();
            return ApiResults.From(await service.FlipAsync(me, id, body.Card, ct), flip => new FlipView(flip.Flip, flip.Game));
        })
            .Writes<FlipView>("Flip a card (0–15): the answer shows it and whether it made or missed a pair");
        games.MapPost("/paw-match/{id:guid}/give-up", async (Guid id, HttpContext http, PawMatchService service, CancellationToken ct) =>
        {
            var me = Me(http);
            if (await service.GetAsync(me, id, ct) is null)
                return NoSuchGame();
            return ApiResults.From(await service.GiveUpAsync(me, id, ct));
        })
            .Writes<PawMatchView>("Give up a game in progress");
        return api;
    }

    private static IResult NoSuchGame() => ApiResults.NotFound("You have no game with that id.");
}

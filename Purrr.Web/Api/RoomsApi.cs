using Purrr.Core.Rooms;

namespace Purrr.Web.Api;

/// <summary>/api/v1/rooms: the live rooms, read-only (who is where, the recent chat); joining needs the app.</summary>
public static class RoomsApi
{
    public static RouteGroupBuilder MapRooms(this RouteGroupBuilder api)
    {
        var rooms = api.MapGroup("/rooms").WithTags("Rooms");
        rooms.MapGet("/", (RoomService service) => ApiResults.Ok(service.Registry.OpenRooms()))
            .Reads<IReadOnlyList<RoomSummary>>("The open rooms and how full they are");
        rooms.MapGet("/{key}", async (string key, RoomService service, CancellationToken ct) =>
            RoomKey.TryParse(key, out var room)
                ? ApiResults.Ok(await service.ViewAsync(room.Value, ct))
                : ApiResults.NotFound("There is no room with that name (rooms are named like playground-1)."))
            .Reads<RoomView>("A room's cats and recent chat");
        return api;
    }
}

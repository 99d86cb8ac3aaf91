using Purrr.Core.Events;
using Purrr.Core.Presence;
using Purrr.Core.Rooms;

namespace Purrr.Web.Background;

/// <summary>
/// Several instances (<c>Realtime:Redis</c>): every <see cref="AppInstance.Heartbeat"/> tells the other instances who is
/// around here and which cats sit in rooms here, and drops what silent instances had. Alone, it does nothing.
/// </summary>
public sealed class ScaleOutWorker(AppInstance instance, PresenceTracker presence, RoomRegistry rooms, ILogger<ScaleOutWorker> logger) : TickWorker(logger)
{
    protected override bool Enabled => instance.IsShared;

    protected override TimeSpan Interval => instance.Heartbeat;

    protected override bool TickAtStart => true;

    protected override Task<string?> TickAsync(CancellationToken ct)
    {
        presence.Heartbeat();
        rooms.Heartbeat();
        return Task.FromResult<string?>(null);
    }
}

using Purrr.Core.Events;
using Purrr.Core.Presence;
using Purrr.Core.Rooms;

namespace Purrr.Web.Background;

/// <summary>
/// Several instances (<c>Realtime:Redis</c>): every <see cref="AppInstance.Heartbeat"/> tells the other instances who is
/// around here and which cats sit in rooms here, and drops what silent instances had. Alone, it does nothing.
/// </summary>
public sealed class ScaleOutWorker(AppInstance instance, PresenceTracker presence, RoomRegistry rooms, ILogger<ScaleOutWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!instance.IsShared)
            return;
        using var timer = new PeriodicTimer(instance.Heartbeat);
        do
        {
            try
            {
                presence.Heartbeat();
                rooms.Heartbeat();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Scale-out heartbeat failed; trying again in {Interval}.", instance.Heartbeat);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }
}

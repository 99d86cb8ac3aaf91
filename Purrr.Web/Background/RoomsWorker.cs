using Purrr.Core.Rooms;

namespace Purrr.Web.Background;

/// <summary>Once a second: clears typing indicators that timed out and forgets idle players in the rate limiter.</summary>
public sealed class RoomsWorker(RoomRegistry registry, ILogger<RoomsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        // Stopping ends the loop quietly instead of throwing.
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                registry.Sweep();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Sweeping the live rooms failed; trying again in a second.");
            }
        }
    }
}

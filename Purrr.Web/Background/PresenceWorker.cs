using Purrr.Core.Presence;

namespace Purrr.Web.Background;

/// <summary>Marks idle players away: calls <see cref="PresenceTracker.Sweep"/> every <c>Presence:SweepSeconds</c> (default 15).</summary>
public sealed class PresenceWorker(PresenceTracker presence, IConfiguration configuration, ILogger<PresenceWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Presence:SweepSeconds", 15)));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                presence.Sweep();
            }
            catch (Exception e)
            {
                logger.LogError(e, "Presence sweep failed; trying again in {Interval}.", interval);
            }
        }
    }
}

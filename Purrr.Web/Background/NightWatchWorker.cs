using Microsoft.Extensions.Options;
using Purrr.Core.NightWatch;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>Runs the night-watch simulation every <c>NightWatch:TickSeconds</c> (default 60).</summary>
public sealed class NightWatchWorker(NightWatchSimulator simulator, WorkLeases leases, IOptions<NightWatchOptions> options, ILogger<NightWatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                var report = await leases.RunAsync(nameof(NightWatchWorker), interval, simulator.TickAsync, stoppingToken);
                if (report is not null && report.PatrolsTicked + report.PatrolsEnded > 0)
                    logger.LogInformation("Night watch tick: {Patrols} patrols, {Ended} came home, {Events} events.", report.PatrolsTicked, report.PatrolsEnded, report.Events);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Night watch tick failed; trying again in {Interval}.", interval);
            }
        }
    }
}

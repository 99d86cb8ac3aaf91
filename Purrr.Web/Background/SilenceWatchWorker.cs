using Purrr.Core.HealthDevices;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>Looks for cats whose activity devices went quiet for 48 hours every <c>HealthDevices:SilenceTickSeconds</c> (default 300).</summary>
public sealed class SilenceWatchWorker(SilenceWatch watch, WorkLeases leases, IConfiguration configuration, ILogger<SilenceWatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("HealthDevices:SilenceTickSeconds", SilenceWatch.TickSeconds)));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                var report = await leases.RunAsync(nameof(SilenceWatchWorker), interval, watch.TickAsync, stoppingToken);
                if (report is not null && report.Opened + report.Ended > 0)
                    logger.LogInformation("Silence watch: {Opened} alerts opened, {Ended} ended.", report.Opened, report.Ended);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Silence watch tick failed; trying again in {Interval}.", interval);
            }
        }
    }
}

using Purrr.Core.ScaleOut;
using Purrr.Core.Territories;

namespace Purrr.Web.Background;

/// <summary>
/// Settles unanswered territory challenges and lets unvisited territories go, every <c>Territories:TickSeconds</c>
/// (default 60). One tick = one <see cref="TerritoryService.TickAsync"/> call, idempotent.
/// </summary>
public sealed class TerritoryWorker(TerritoryService territories, WorkLeases leases, IConfiguration configuration, ILogger<TerritoryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Territories:TickSeconds", 60)));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                var report = await leases.RunAsync(nameof(TerritoryWorker), interval, territories.TickAsync, stoppingToken);
                if (report is not null && report.Forfeited + report.Decayed > 0)
                    logger.LogInformation("Territory tick: {Forfeited} challenges forfeited, {Decayed} territories went back to the wild.", report.Forfeited, report.Decayed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Territory tick failed; trying again in {Interval}.", interval);
            }
        }
    }
}

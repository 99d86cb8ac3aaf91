using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// A hosted job that calls one idempotent Core tick every <see cref="Interval"/>, on one instance at a time (the run-once
/// lease, named after the worker). A failed tick is logged and tried again at the next one.
/// </summary>
public abstract class LeasedTickWorker(WorkLeases leases, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>One tick: what it did, worded for the log, or null when there was nothing to do.</summary>
    protected abstract Task<string?> TickAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var job = GetType().Name;
        var interval = Interval;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                if (await leases.RunAsync(job, interval, TickAsync, stoppingToken) is { } done)
                    logger.LogInformation("{Job}: {Done}", job, done);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Job} tick failed; trying again in {Interval}.", job, interval);
            }
        }
    }
}

using Purrr.Core.Activity;
using Purrr.Core.Events;
using Purrr.Core.Progress;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// Applies recorded activities to quests and achievements: right after each save that records one, and every
/// <c>Progress:SweepSeconds</c> (default 5) for anything left over (e.g. from before a restart). One loop, so a
/// player's events are applied one after another.
/// </summary>
public sealed class ProgressWorker(ProgressService progress, WorkLeases leases, IEventBus bus, IConfiguration configuration, ILogger<ProgressWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim wakeUp = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = bus.Subscribe<ActivityRecorded>(_ =>
        {
            try
            {
                wakeUp.Release();
            }
            catch (SemaphoreFullException)
            {
                // already signalled: the next pass picks this activity up too
            }
            return Task.CompletedTask;
        });
        var sweep = TimeSpan.FromSeconds(configuration.GetValue("Progress:SweepSeconds", 5));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await leases.RunAsync(nameof(ProgressWorker), sweep, progress.ProcessPendingAsync, stoppingToken) == ProgressService.BatchSize)
                {
                    // a full batch: there may be more
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Applying activity progress failed; retrying at the next sweep.");
            }
            try
            {
                await wakeUp.WaitAsync(sweep, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override void Dispose()
    {
        wakeUp.Dispose();
        base.Dispose();
    }
}

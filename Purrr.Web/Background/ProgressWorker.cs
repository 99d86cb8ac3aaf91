using Purrr.Core.Activity;
using Purrr.Core.Events;
using Purrr.Core.Progress;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// Applies recorded activities to quests and achievements: right after each save that records one, and every
/// <c>Progress:SweepSeconds</c> (default 5) for anything left over (e.g. from before a restart). One loop, so a
/// player's events are applied one after another; a full batch brings the next one on at once.
/// </summary>
public sealed class ProgressWorker(ProgressService progress, WorkLeases leases, IEventBus bus, IConfiguration configuration, ILogger<ProgressWorker> logger)
    : LeasedTickWorker(leases, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Progress:SweepSeconds", 5));

    protected override bool TickAtStart => true;

    protected override IDisposable Listen() => bus.Subscribe<ActivityRecorded>(_ =>
    {
        WakeUp();
        return Task.CompletedTask;
    });

    protected override async Task<string?> TickAsync(CancellationToken ct)
    {
        if (await progress.ProcessPendingAsync(ct) == ProgressService.BatchSize)
            WakeUp(); // a full batch: there may be more
        return null;
    }
}

using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// A <see cref="TickWorker"/> whose ticks run on one instance at a time: each tick first takes or renews the run-once
/// lease named after the worker (<see cref="WorkLeases"/>); on the other instances it does nothing.
/// </summary>
public abstract class LeasedTickWorker(WorkLeases leases, ILogger logger, TimeProvider? time = null) : TickWorker(logger, time)
{
    protected override async Task<string?> RunTickAsync(TimeSpan interval, CancellationToken ct) =>
        await leases.RunAsync(Job, interval, TickAsync, ct);
}

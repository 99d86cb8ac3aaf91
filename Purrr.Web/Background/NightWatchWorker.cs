using Microsoft.Extensions.Options;
using Purrr.Core.NightWatch;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>Runs the night-watch simulation every <c>NightWatch:TickSeconds</c> (default 60).</summary>
public sealed class NightWatchWorker(NightWatchSimulator simulator, WorkLeases leases, IOptions<NightWatchOptions> options, ILogger<NightWatchWorker> logger)
    : LeasedTickWorker(leases, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds));

    protected override async Task<string?> TickAsync(CancellationToken ct) =>
        await simulator.TickAsync(ct) is { } report && report.PatrolsTicked + report.PatrolsEnded > 0
            ? $"{report.PatrolsTicked} patrols, {report.PatrolsEnded} came home, {report.Events} events." : null;
}

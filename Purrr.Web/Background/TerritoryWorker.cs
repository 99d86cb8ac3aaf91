using Purrr.Core.ScaleOut;
using Purrr.Core.Territories;

namespace Purrr.Web.Background;

/// <summary>
/// Settles unanswered territory challenges and lets unvisited territories go, every <c>Territories:TickSeconds</c>
/// (default 60). One tick = one <see cref="TerritoryService.TickAsync"/> call, idempotent.
/// </summary>
public sealed class TerritoryWorker(TerritoryService territories, WorkLeases leases, IConfiguration configuration, ILogger<TerritoryWorker> logger)
    : LeasedTickWorker(leases, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Territories:TickSeconds", 60)));

    protected override async Task<string?> TickAsync(CancellationToken ct) =>
        await territories.TickAsync(ct) is { } report && report.Forfeited + report.Decayed > 0
            ? $"{report.Forfeited} challenges forfeited, {report.Decayed} territories went back to the wild." : null;
}

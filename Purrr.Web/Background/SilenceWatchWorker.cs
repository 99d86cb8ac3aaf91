using Purrr.Core.HealthDevices;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>Looks for cats whose activity devices went quiet for 48 hours every <c>HealthDevices:SilenceTickSeconds</c> (default 300).</summary>
public sealed class SilenceWatchWorker(SilenceWatch watch, WorkLeases leases, IConfiguration configuration, ILogger<SilenceWatchWorker> logger)
    : LeasedTickWorker(leases, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("HealthDevices:SilenceTickSeconds", SilenceWatch.TickSeconds)));

    protected override async Task<string?> TickAsync(CancellationToken ct) =>
        await watch.TickAsync(ct) is { } report && report.Opened + report.Ended > 0
            ? $"{report.Opened} silence alerts opened, {report.Ended} ended." : null;
}

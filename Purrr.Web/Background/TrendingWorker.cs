using Purrr.Core.Community;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// Recomputes the trending scores at start and then every <c>Community:TrendingMinutes</c> (default 60, spec §8).
/// </summary>
public sealed class TrendingWorker(TrendingService trending, WorkLeases leases, IConfiguration configuration, ILogger<TrendingWorker> logger)
    : LeasedTickWorker(leases, logger)
{
    protected override TimeSpan Interval =>
        TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Community:TrendingMinutes", TrendingRules.RecomputeEvery.TotalMinutes)));

    protected override bool TickAtStart => true;

    protected override LogLevel DoneLevel => LogLevel.Debug;

    protected override async Task<string?> TickAsync(CancellationToken ct) =>
        $"trending recomputed: {await trending.RecomputeAsync(ct)} posts of the last week.";
}

using Purrr.Core.Community;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// Recomputes the trending scores at start and then every <c>Community:TrendingMinutes</c> (default 60, spec §8).
/// </summary>
public sealed class TrendingWorker(TrendingService trending, WorkLeases leases, IConfiguration configuration, ILogger<TrendingWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Community:TrendingMinutes", TrendingRules.RecomputeEvery.TotalMinutes)));
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var trendingNow = await leases.RunAsync(nameof(TrendingWorker), interval, trending.RecomputeAsync, stoppingToken);
                logger.LogDebug("Trending recomputed: {Posts} posts of the last week.", trendingNow);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Recomputing trending scores failed; trying again in {Interval}.", interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }
}

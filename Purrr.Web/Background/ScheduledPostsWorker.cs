using Purrr.Core.Community;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// Publishes scheduled posts when they fall due: at start (for those that fell due while the app was stopped) and then
/// every <c>Community:ScheduleCheckSeconds</c> (default 30).
/// </summary>
public sealed class ScheduledPostsWorker(PostService posts, WorkLeases leases, IConfiguration configuration, ILogger<ScheduledPostsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Community:ScheduleCheckSeconds", 30)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await leases.RunAsync(nameof(ScheduledPostsWorker), interval, posts.PublishDueAsync, stoppingToken);
                if (published > 0)
                    logger.LogInformation("Published {Count} scheduled post(s).", published);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Publishing scheduled posts failed; retrying in {Interval}.", interval);
            }
            await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

using Purrr.Core.Community;
using Purrr.Core.ScaleOut;

namespace Purrr.Web.Background;

/// <summary>
/// Publishes scheduled posts when they fall due: at start (for those that fell due while the app was stopped) and then
/// every <c>Community:ScheduleCheckSeconds</c> (default 30).
/// </summary>
public sealed class ScheduledPostsWorker(PostService posts, WorkLeases leases, IConfiguration configuration, ILogger<ScheduledPostsWorker> logger)
    : LeasedTickWorker(leases, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Community:ScheduleCheckSeconds", 30)));

    protected override bool TickAtStart => true;

    protected override async Task<string?> TickAsync(CancellationToken ct) =>
        await posts.PublishDueAsync(ct) is > 0 and var published ? $"published {published} scheduled post(s)." : null;
}

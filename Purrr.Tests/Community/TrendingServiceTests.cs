using Microsoft.EntityFrameworkCore;
using Purrr.Core.Community;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

[Trait("Category", "Integration")]
public sealed class TrendingServiceTests : CommunityTestBase
{
    private async Task<Dictionary<Guid, double>> ScoresAsync()
    {
        await using var db = Database.NewContext();
        return await db.TrendingScores.ToDictionaryAsync(s => s.PostId, s => s.Score);
    }

    [Fact]
    public async Task Recomputing_scores_the_weeks_posts_from_views_reactions_and_visible_comments()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var nova = await NewPlayerAsync("nova");
        var post = await PostAsync(APost.By(luna).WithViews(10).PublishedAt(TestClock.Noon.AddDays(-6)));
        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Like);
        await Reactions.ReactAsync(nova, ReactionTarget.Post, post.Id, ReactionType.Wow);
        await Reactions.ReactAsync(nova, ReactionTarget.Post, post.Id, ReactionType.Love);
        await Comments.AddAsync(milo, post.Id, null, "Lovely");
        var removed = (await Comments.AddAsync(nova, post.Id, null, "Gone soon")).Value;
        await Comments.DeleteAsync(nova, removed);

        Assert.Equal(1, await Trending.RecomputeAsync());

        Assert.Equal(10 * 0.3 + 3 * 0.5 + 1 * 0.2, (await ScoresAsync())[post.Id], 6);
    }

    [Fact]
    public async Task Posts_leave_the_table_when_their_week_is_over_and_new_ones_join_hourly()
    {
        var luna = await NewPlayerAsync("luna");
        var old = await PostAsync(APost.By(luna).PublishedAt(TestClock.Noon.AddDays(-7).AddHours(1)));
        await Trending.RecomputeAsync();
        Assert.Equal([old.Id], (await ScoresAsync()).Keys);

        Clock.Advance(TimeSpan.FromHours(2));
        var fresh = await PostAsync(APost.By(luna).PublishedAt(Clock.GetUtcNow()));
        await Trending.RecomputeAsync();

        Assert.Equal([fresh.Id], (await ScoresAsync()).Keys);
    }

    [Fact]
    public async Task A_new_view_moves_the_score_at_the_next_recompute()
    {
        var luna = await NewPlayerAsync("luna");
        var post = await PostAsync(APost.By(luna));
        await Trending.RecomputeAsync();
        await Feeds.CountViewAsync(post.Id);
        Assert.Equal(0, (await ScoresAsync())[post.Id]);

        await Trending.RecomputeAsync();

        Assert.Equal(0.3, (await ScoresAsync())[post.Id], 6);
    }
}

using Purrr.Core.Community;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

public sealed class TrendingRulesTests
{
    [Theory]
    [InlineData(0, 0, 0, 0.0)]
    [InlineData(10, 0, 0, 3.0)]
    [InlineData(0, 10, 0, 5.0)]
    [InlineData(0, 0, 10, 2.0)]
    [InlineData(100, 12, 7, 37.4)] // 30 + 6 + 1.4
    public void The_score_weighs_views_reactions_and_comments_as_the_spec_says(int views, int reactions, int comments, double expected) =>
        Assert.Equal(expected, TrendingRules.Score(views, reactions, comments), 6);

    [Fact]
    public void A_reaction_outweighs_a_view_and_a_comment()
    {
        Assert.True(TrendingRules.Score(0, 1, 0) > TrendingRules.Score(1, 0, 0));
        Assert.True(TrendingRules.Score(0, 1, 0) > TrendingRules.Score(0, 0, 1));
    }

    [Fact]
    public void The_window_is_the_last_seven_days() =>
        Assert.Equal(TestClock.Noon.AddDays(-7), TrendingRules.WindowStart(TestClock.Noon));
}

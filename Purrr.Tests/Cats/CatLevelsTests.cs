using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Cats;

[Trait("Category", "Unit")]
public class CatLevelsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(49, 1)]
    [InlineData(50, 1)]
    [InlineData(199, 1)]
    [InlineData(200, 2)]
    [InlineData(1_249, 4)]
    [InlineData(1_250, 5)]
    [InlineData(124_999, 49)]
    [InlineData(125_000, 50)]
    [InlineData(10_000_000, 50)]
    public void Level_is_the_floor_of_the_root_of_xp_over_50_between_1_and_50(long xp, int level) =>
        Assert.Equal(level, CatLevels.LevelFor(xp));

    [Fact]
    public void Progress_runs_from_the_current_level_to_the_next()
    {
        Assert.Equal(0.0, CatLevels.ProgressToNextLevel(800)); // level 4 starts at 800
        Assert.Equal(0.5, CatLevels.ProgressToNextLevel(1_025)); // halfway to 1,250
        Assert.Equal(1.0, CatLevels.ProgressToNextLevel(200_000)); // capped
    }

    [Fact]
    public void Gaining_xp_reports_a_level_up()
    {
        var cat = CatAdoption.Adopt(UserId.New(), new AdoptCatRequest("Mochi", "bengal", Personality.Playful), TestClock.Noon, new SeededRandomSource(1)).Value;

        Assert.False(cat.GainXp(150));
        Assert.True(cat.GainXp(50));
        Assert.Equal(2, cat.Level);
        Assert.Equal(200, cat.Xp);
    }
}

using Purrr.Core.Cats;
using Purrr.Core.ThreeD;

namespace Purrr.Tests.ThreeD;

public sealed class CatSceneTests
{
    private static CatStats With(int energy, int mood) => new() { Energy = energy, Mood = mood };

    [Fact]
    public void A_rested_happy_cat_is_livelier_than_a_tired_sulky_one()
    {
        Assert.Equal(1.0, CatScene.Liveliness(With(100, 100)));
        Assert.Equal(0.2, CatScene.Liveliness(With(0, 0)));
        Assert.Equal(0.6, CatScene.Liveliness(With(50, 50)));
        Assert.True(CatScene.Liveliness(With(80, 20)) > CatScene.Liveliness(With(20, 20)));
        Assert.True(CatScene.Liveliness(With(20, 80)) > CatScene.Liveliness(With(20, 20)));
    }

    [Fact]
    public void Out_of_range_stats_still_give_a_liveliness_between_the_bounds() =>
        Assert.Equal(1.0, CatScene.Liveliness(With(250, 120)));

    [Theory]
    [InlineData(SceneTarget.Cat, CareAction.Groom)]
    [InlineData(SceneTarget.Toy, CareAction.Play)]
    [InlineData(SceneTarget.Bowl, CareAction.Feed)]
    public void Each_thing_in_the_room_is_one_care_action(SceneTarget target, CareAction action) =>
        Assert.Equal(action, CatScene.ActionOf(target));
}

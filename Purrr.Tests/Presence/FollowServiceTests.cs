using Purrr.Core.Accounts;
using Purrr.Core.Community;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Presence;

[Trait("Category", "Integration")]
public sealed class FollowServiceTests : ServiceTestBase
{
    private FollowService Follows => new(Database.Factory, Clock, Bus);

    [Fact]
    public async Task A_player_follows_others_and_sees_them_listed_by_name()
    {
        var luna = await NewPlayerAsync("luna");
        var nova = await NewPlayerAsync("nova");
        var milo = await NewPlayerAsync("milo");
        await NewPlayerAsync("pixel");

        Assert.True((await Follows.FollowAsync(luna, nova)).Succeeded);
        Assert.True((await Follows.FollowAsync(luna, milo)).Succeeded);

        Assert.Equal([new PlayerName(milo, "milo", "milo"), new PlayerName(nova, "nova", "nova")], await Follows.FollowingAsync(luna));
        Assert.True(await Follows.IsFollowingAsync(luna, nova));
        Assert.False(await Follows.IsFollowingAsync(nova, luna)); // following is one way
        Assert.Empty(await Follows.FollowingAsync(nova));
        Assert.Equal([new FollowsChanged(luna), new FollowsChanged(luna)], Bus.Published.OfType<FollowsChanged>());
    }

    [Fact]
    public async Task Unfollowing_removes_the_player_from_the_list_and_twice_changes_nothing()
    {
        var luna = await NewPlayerAsync("luna");
        var nova = await NewPlayerAsync("nova");
        await Follows.FollowAsync(luna, nova);

        await Follows.UnfollowAsync(luna, nova);
        await Follows.UnfollowAsync(luna, nova);

        Assert.False(await Follows.IsFollowingAsync(luna, nova));
        Assert.Empty(await Follows.FollowingAsync(luna));
        Assert.Equal(2, Bus.Published.OfType<FollowsChanged>().Count()); // the follow and one unfollow
    }

    [Fact]
    public async Task Nobody_can_follow_themselves()
    {
        var luna = await NewPlayerAsync("luna");

        var result = await Follows.FollowAsync(luna, luna);

        Assert.Equal("You can't follow yourself.", result.FirstMessage);
        Assert.Empty(await Follows.FollowingAsync(luna));
    }

    [Fact]
    public async Task Following_a_player_who_is_gone_says_so()
    {
        var luna = await NewPlayerAsync("luna");

        var result = await Follows.FollowAsync(luna, Core.Common.UserId.New());

        Assert.Equal("This player no longer exists.", result.FirstMessage);
    }

    [Fact]
    public async Task Following_twice_even_at_the_same_moment_follows_once()
    {
        var luna = await NewPlayerAsync("luna");
        var nova = await NewPlayerAsync("nova");

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => Follows.FollowAsync(luna, nova))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal([nova], (await Follows.FollowingAsync(luna)).Select(p => p.Id));
    }
}

using Purrr.Core.Common;
using Purrr.Core.Rooms;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Rooms;

public class ActionRateLimiterTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = TestClock.AtNoon();
    private readonly UserId player = UserId.New();

    [Fact]
    public void Sixty_actions_in_a_minute_are_fine_and_the_61st_is_told_to_slow_down()
    {
        var limiter = new ActionRateLimiter(clock);
        for (var i = 0; i < 60; i++)
        {
            Assert.Null(limiter.TryAct(player));
            clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        var refused = limiter.TryAct(player);

        Assert.Equal("Slow down: at most 60 actions a minute. Try again in 30 s.", refused?.Message);
    }

    [Fact]
    public void The_window_slides_so_the_oldest_action_frees_a_place_a_minute_later()
    {
        var limiter = new ActionRateLimiter(clock, limit: 2);
        Assert.Null(limiter.TryAct(player));
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(limiter.TryAct(player));
        Assert.NotNull(limiter.TryAct(player));

        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Null(limiter.TryAct(player));
        Assert.NotNull(limiter.TryAct(player));
    }

    [Fact]
    public void A_refused_action_does_not_count()
    {
        var limiter = new ActionRateLimiter(clock, limit: 1);
        Assert.Null(limiter.TryAct(player));
        for (var i = 0; i < 5; i++)
            Assert.NotNull(limiter.TryAct(player));

        clock.Advance(ActionRateLimiter.Window);

        Assert.Null(limiter.TryAct(player));
    }

    [Fact]
    public void Players_are_limited_separately()
    {
        var limiter = new ActionRateLimiter(clock, limit: 1);
        Assert.Null(limiter.TryAct(player));

        Assert.Null(limiter.TryAct(UserId.New()));
    }

    [Fact]
    public void Quiet_players_are_forgotten_by_the_sweep()
    {
        var limiter = new ActionRateLimiter(clock);
        limiter.TryAct(player);
        limiter.Sweep();
        Assert.Equal(1, limiter.TrackedPlayers);

        clock.Advance(ActionRateLimiter.Window);
        limiter.Sweep();

        Assert.Equal(0, limiter.TrackedPlayers);
    }
}

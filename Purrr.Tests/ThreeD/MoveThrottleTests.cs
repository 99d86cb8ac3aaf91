using Purrr.Core.ThreeD;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.ThreeD;

public sealed class MoveThrottleTests
{
    private static readonly DateTimeOffset Start = TestClock.Noon;

    private static MoveThrottle<string, int> NewThrottle() => new(MoveThrottle.TenPerSecond);

    [Fact]
    public void The_first_move_goes_at_once()
    {
        var throttle = NewThrottle();
        throttle.Offer("ash", 1);

        Assert.Equal([new("ash", 1)], throttle.TakeDue(Start));
        Assert.False(throttle.HasPending);
    }

    [Fact]
    public void Moves_within_a_tenth_of_a_second_wait_and_only_the_latest_goes()
    {
        var throttle = NewThrottle();
        throttle.Offer("ash", 1);
        throttle.TakeDue(Start);

        throttle.Offer("ash", 2);
        throttle.Offer("ash", 3);
        Assert.Empty(throttle.TakeDue(Start.AddMilliseconds(60)));
        Assert.True(throttle.HasPending);
        Assert.Equal([new("ash", 3)], throttle.TakeDue(Start.AddMilliseconds(100)));
    }

    [Fact]
    public void Each_cat_has_its_own_allowance()
    {
        var throttle = NewThrottle();
        throttle.Offer("ash", 1);
        throttle.TakeDue(Start);

        throttle.Offer("ash", 2);
        throttle.Offer("birch", 5);

        Assert.Equal([new("birch", 5)], throttle.TakeDue(Start.AddMilliseconds(10)));
    }

    [Fact]
    public void A_cat_that_left_is_forgotten_and_sent_at_once_when_it_comes_back()
    {
        var throttle = NewThrottle();
        throttle.Offer("ash", 1);
        throttle.TakeDue(Start);
        throttle.Offer("ash", 2);

        throttle.Remove("ash");
        Assert.False(throttle.HasPending);
        throttle.Offer("ash", 7);
        Assert.Equal([new("ash", 7)], throttle.TakeDue(Start.AddMilliseconds(1)));
    }

    [Fact]
    public void A_cat_moving_fifty_times_a_second_is_sent_at_most_ten_times_a_second_ending_where_it_stopped()
    {
        var throttle = NewThrottle();
        var sent = new List<(DateTimeOffset At, int Step)>();
        for (var step = 1; step <= 100; step++) // two seconds of moves every 20 ms, flushed on every move
        {
            var now = Start.AddMilliseconds(step * 20);
            throttle.Offer("ash", step);
            sent.AddRange(throttle.TakeDue(now).Select(d => (now, d.Value)));
        }
        sent.AddRange(throttle.TakeDue(Start.AddSeconds(3)).Select(d => (Start.AddSeconds(3), d.Value)));

        for (var second = 0; second < 3; second++)
            Assert.InRange(sent.Count(s => s.At >= Start.AddSeconds(second) && s.At < Start.AddSeconds(second + 1)), 0, 10);
        Assert.Equal(100, sent[^1].Step);
    }
}

using System.Collections.Concurrent;
using Purrr.Core.Common;

namespace Purrr.Core.Rooms;

/// <summary>
/// At most <see cref="RoomRules.ActionsPerMinute"/> actions per player in any 60 seconds (a sliding window, so a burst
/// at the end of one minute and the start of the next is still refused). <paramref name="counted"/> names what is
/// counted in the message ("searches").
/// </summary>
public sealed class ActionRateLimiter(TimeProvider clock, int limit = RoomRules.ActionsPerMinute, string counted = "actions")
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<UserId, Queue<DateTimeOffset>> recent = new();

    /// <summary>Counts one action, or says how long to wait when the player is over the limit (and counts nothing).</summary>
    public Problem? TryAct(UserId player)
    {
        var now = clock.GetUtcNow();
        var times = recent.GetOrAdd(player, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= Window)
                times.Dequeue();
            if (times.Count >= limit)
            {
                var wait = times.Peek() + Window - now;
                return new($"Slow down: at most {limit} {counted} a minute. Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} s.");
            }
            times.Enqueue(now);
            return null;
        }
    }

    /// <summary>Forgets players who did nothing for a minute, so the limiter doesn't grow with everyone who ever played.</summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (player, times) in recent)
        {
            lock (times)
            {
                if (times.Count == 0 || now - times.Last() >= Window)
                    recent.TryRemove(new KeyValuePair<UserId, Queue<DateTimeOffset>>(player, times));
            }
        }
    }

    public int TrackedPlayers => recent.Count;
}

namespace Purrr.Core.ThreeD;

public static class MoveThrottle
{
    /// <summary>At most 10 updates a second per cat.</summary>
    public static readonly TimeSpan TenPerSecond = TimeSpan.FromMilliseconds(100);
}

/// <summary>
/// Holds back position updates so each key (a cat) is sent at most once per <see cref="Interval"/>: the first move goes at
/// once, moves arriving sooner are merged into the latest, which goes when the interval is up. The browser interpolates
/// between the positions it gets, so a cat walks smoothly however often it moves.
/// </summary>
public sealed class MoveThrottle<TKey, TValue>(TimeSpan interval) where TKey : notnull
{
    private readonly Dictionary<TKey, DateTimeOffset> sentAt = [];
    private readonly Dictionary<TKey, TValue> pending = [];

    public TimeSpan Interval => interval;

    public bool HasPending => pending.Count > 0;

    /// <summary>Queues the latest value for a key, replacing one not sent yet.</summary>
    public void Offer(TKey key, TValue value) => pending[key] = value;

    /// <summary>Forgets a key (a cat that left): nothing more is sent for it.</summary>
    public void Remove(TKey key)
    {
        pending.Remove(key);
        sentAt.Remove(key);
    }

    /// <summary>The values whose key may be sent at <paramref name="now"/>, marked as sent.</summary>
    public IReadOnlyList<KeyValuePair<TKey, TValue>> TakeDue(DateTimeOffset now)
    {
        var due = pending.Where(p => !sentAt.TryGetValue(p.Key, out var last) || now - last >= interval).ToList();
        foreach (var (key, _) in due)
        {
            pending.Remove(key);
            sentAt[key] = now;
        }
        return due;
    }
}

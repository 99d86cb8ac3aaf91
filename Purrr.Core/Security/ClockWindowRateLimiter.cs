using System.Threading.RateLimiting;

namespace Purrr.Core.Security;

/// <summary>
/// A sliding-log limiter on <see cref="TimeProvider"/>: at most <c>limit</c> permits in any <c>window</c>, so a burst at
/// the end of one window and the start of the next is still refused, and tests move time with a fake clock (the
/// framework's window limiters replenish on real timers). Refused attempts count nothing. Thread-safe.
/// </summary>
public sealed class ClockWindowRateLimiter(TimeProvider clock, int limit, TimeSpan window) : RateLimiter
{
    private readonly Queue<DateTimeOffset> granted = new();
    private long failedLeases;
    private long successfulLeases;
    private DateTimeOffset lastUsed = clock.GetUtcNow();

    public int Limit => limit;
    public TimeSpan Window => window;

    public override TimeSpan? IdleDuration
    {
        get { lock (granted) return Prune(clock.GetUtcNow()) == 0 ? clock.GetUtcNow() - lastUsed : null; }
    }

    /// <summary>How many permits are left now.</summary>
    public int Remaining
    {
        get { lock (granted) return limit - Prune(clock.GetUtcNow()); }
    }

    /// <summary>When the oldest permit counted now leaves the window (now, when none is counted).</summary>
    public DateTimeOffset NextRelease
    {
        get
        {
            lock (granted)
            {
                var now = clock.GetUtcNow();
                return Prune(now) > 0 ? granted.Peek() + window : now;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics() => new()
    {
        CurrentAvailablePermits = Remaining,
        CurrentQueuedCount = 0,
        TotalFailedLeases = Interlocked.Read(ref failedLeases),
        TotalSuccessfulLeases = Interlocked.Read(ref successfulLeases),
    };

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, limit);
        lock (granted)
        {
            var now = clock.GetUtcNow();
            var counted = Prune(now);
            if (permitCount == 0)
                return counted < limit ? Lease.Granted : new Lease(granted.Peek() + window - now);
            if (counted + permitCount > limit)
            {
                Interlocked.Increment(ref failedLeases);
                // The wait until enough of the oldest permits leave the window.
                var freeing = granted.ElementAt(counted + permitCount - limit - 1);
                return new Lease(freeing + window - now);
            }
            for (var i = 0; i < permitCount; i++)
                granted.Enqueue(now);
            lastUsed = now;
            Interlocked.Increment(ref successfulLeases);
            return Lease.Granted;
        }
    }

    /// <summary>Nothing waits in a queue here: a request is admitted or refused at once.</summary>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private int Prune(DateTimeOffset now)
    {
        while (granted.Count > 0 && now - granted.Peek() >= window)
            granted.Dequeue();
        return granted.Count;
    }

    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(null);

        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}

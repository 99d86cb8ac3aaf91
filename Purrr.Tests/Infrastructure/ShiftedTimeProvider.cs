namespace Purrr.Tests.Infrastructure;

/// <summary>
/// Real time moved forward by a test: only the wall clock (<see cref="GetUtcNow"/>) shifts. Timers and elapsed-time
/// measurements stay real, so live connections (SignalR keep-alives, circuit timeouts) behave as usual.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

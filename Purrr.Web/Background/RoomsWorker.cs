using Purrr.Core.Rooms;

namespace Purrr.Web.Background;

/// <summary>Once a second, on this instance: clears typing indicators that timed out and forgets idle players in the rate limiter.</summary>
public sealed class RoomsWorker(RoomRegistry registry, ILogger<RoomsWorker> logger) : TickWorker(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override Task<string?> TickAsync(CancellationToken ct)
    {
        registry.Sweep();
        return Task.FromResult<string?>(null);
    }
}

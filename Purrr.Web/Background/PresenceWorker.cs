using Purrr.Core.Presence;

namespace Purrr.Web.Background;

/// <summary>Marks idle players away on this instance: calls <see cref="PresenceTracker.Sweep"/> every <c>Presence:SweepSeconds</c> (default 15).</summary>
public sealed class PresenceWorker(PresenceTracker presence, IConfiguration configuration, ILogger<PresenceWorker> logger) : TickWorker(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Presence:SweepSeconds", 15)));

    protected override Task<string?> TickAsync(CancellationToken ct)
    {
        presence.Sweep();
        return Task.FromResult<string?>(null);
    }
}

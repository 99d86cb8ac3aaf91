namespace Purrr.Core.Events;

/// <summary>
/// This running copy of the app. <see cref="IsShared"/> when several instances serve one world over a shared bus
/// (Redis): then presence and live rooms also keep a replica of what the other instances own (their circuits), refreshed
/// by a heartbeat every <see cref="Heartbeat"/> and dropped when an instance has been silent for <see cref="Ttl"/>.
/// </summary>
public sealed record AppInstance(string Id, bool IsShared, TimeSpan Heartbeat, TimeSpan Ttl)
{
    /// <summary>The embedded default: one instance, nothing shared.</summary>
    public static AppInstance Alone { get; } = new(NewId(), false, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));

    public static AppInstance Shared(TimeSpan heartbeat, TimeSpan ttl) => new(NewId(), true, heartbeat, ttl);

    /// <summary>Unique per start: a restarted instance is a new one, so nothing of its earlier life is taken for live.</summary>
    private static string NewId() => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..^24];
}

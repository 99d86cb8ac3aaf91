namespace Purrr.Core.Presence;

/// <summary>How a player is around: a green, yellow, red or grey dot.</summary>
public enum PresenceStatus { Offline, Online, Away, Busy }

/// <summary>A player's presence; <see cref="LastSeenAt"/> is set for offline players who have been seen.</summary>
public sealed record PresenceState(PresenceStatus Status, DateTimeOffset? LastSeenAt)
{
    public static readonly PresenceState Unknown = new(PresenceStatus.Offline, null);
}

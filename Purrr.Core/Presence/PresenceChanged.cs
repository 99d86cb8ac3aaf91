using Purrr.Core.Common;
using Purrr.Core.Events;

namespace Purrr.Core.Presence;

/// <summary>
/// A player's status changed. Dots follow one player by <see cref="Topic"/>; only lists (who's online) take every one,
/// so a player going away does not wake every open tab.
/// </summary>
public sealed record PresenceChanged(UserId Player, PresenceStatus Status, DateTimeOffset? LastSeenAt) : ITopicEvent
{
    public static string TopicOf(UserId player) => $"presence:{player}";

    public string Topic => TopicOf(Player);

    public PresenceState State => new(Status, LastSeenAt);
}

/// <summary>
/// Scale-out: one app instance's view of its own players (from its circuits only), for the others' replicas. A change
/// names one player; a heartbeat (<paramref name="Full"/>) names everyone around there, so whoever is missing is not.
/// </summary>
public sealed record PresenceSync(string Instance, bool Full, IReadOnlyList<PresenceShare> Players);

public sealed record PresenceShare(UserId Player, PresenceStatus Status);

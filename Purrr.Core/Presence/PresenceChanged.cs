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

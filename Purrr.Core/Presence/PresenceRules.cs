namespace Purrr.Core.Presence;

/// <summary>Spec §7: online while a tab is connected, away after 5 minutes without input, busy by choice.</summary>
public static class PresenceRules
{
    public static readonly TimeSpan AwayAfter = TimeSpan.FromMinutes(5);

    /// <summary>A player's status from their connected tabs, their busy choice and the time since their last input.</summary>
    public static PresenceStatus StatusOf(int connectedCircuits, bool busy, TimeSpan sinceLastInput) =>
        connectedCircuits == 0 ? PresenceStatus.Offline
        : busy ? PresenceStatus.Busy // a chosen status wins over one the clock gives
        : sinceLastInput >= AwayAfter ? PresenceStatus.Away
        : PresenceStatus.Online;

    /// <summary>
    /// A player's status over several app instances: busy if they chose it anywhere, else online if any tab anywhere
    /// is, else away if any is, else offline.
    /// </summary>
    public static PresenceStatus Combine(IEnumerable<PresenceStatus> statuses)
    {
        var all = statuses.ToList();
        return all.Contains(PresenceStatus.Busy) ? PresenceStatus.Busy
            : all.Contains(PresenceStatus.Online) ? PresenceStatus.Online
            : all.Contains(PresenceStatus.Away) ? PresenceStatus.Away
            : PresenceStatus.Offline;
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Presence;

/// <summary>
/// Who is around on this app instance, in memory, fed by each signed-in player's circuits (browser tabs): online while
/// at least one is connected (several tabs count once), away after <see cref="PresenceRules.AwayAfter"/> without input,
/// busy while they choose, offline when the last one goes, which stores <c>Player.LastSeenAt</c>. Every status change is
/// published as <see cref="PresenceChanged"/>, under the lock, so each player's changes reach subscribers in order.
/// Only connected players (and a busy choice, kept across reloads until switched off) take memory.
/// </summary>
public sealed class PresenceTracker(TimeProvider clock, IEventBus bus, IPurrrDbFactory dbFactory)
{
    private readonly Lock gate = new();
    private readonly Dictionary<UserId, PlayerPresence> players = [];
    private long changes; // numbers status changes, so a late "offline" can tell that the player came back meanwhile

    private sealed class PlayerPresence
    {
        public readonly HashSet<string> Circuits = [];
        public DateTimeOffset LastInput;
        public bool Busy;
        public PresenceStatus Status = PresenceStatus.Offline;
        public DateTimeOffset? LastSeenAt; // while offline
        public long Change;
    }

    /// <summary>A tab of the player connected (or reconnected); opening a tab counts as input.</summary>
    public Task ConnectAsync(UserId user, string circuitId)
    {
        lock (gate)
        {
            if (!players.TryGetValue(user, out var presence))
                players[user] = presence = new PlayerPresence();
            presence.Circuits.Add(circuitId);
            presence.LastInput = clock.GetUtcNow();
            presence.LastSeenAt = null;
            Refresh(user, presence, presence.LastInput);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A tab lost its connection or closed; again for the same tab changes nothing. When it was the player's last, they
    /// are offline: last-seen is stored (without touching the player row's concurrency token) and then announced.
    /// </summary>
    public async Task DisconnectAsync(UserId user, string circuitId)
    {
        DateTimeOffset now;
        long change;
        lock (gate)
        {
            if (!players.TryGetValue(user, out var presence) || !presence.Circuits.Remove(circuitId) || presence.Circuits.Count > 0)
                return;
            now = clock.GetUtcNow();
            presence.Status = PresenceStatus.Offline;
            presence.LastSeenAt = now;
            change = presence.Change = ++changes;
        }
        try
        {
            await using var db = await dbFactory.CreateAsync();
            // A slower save of an earlier visit must not overwrite a later one.
            await db.Players.Where(p => p.Id == user && (p.LastSeenAt == null || p.LastSeenAt < now))
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.LastSeenAt, now));
        }
        finally
        {
            lock (gate)
            {
                // Unless the player came back meanwhile (and that was announced), tell everyone they left.
                if (players.TryGetValue(user, out var presence) && presence.Change == change)
                {
                    if (!presence.Busy)
                        players.Remove(user);
                    bus.Publish(new PresenceChanged(user, PresenceStatus.Offline, now));
                }
            }
        }
    }

    /// <summary>The player did something in one of their tabs (reported by the idle detector): away becomes online.</summary>
    public void ReportInput(UserId user)
    {
        lock (gate)
        {
            if (!players.TryGetValue(user, out var presence) || presence.Circuits.Count == 0)
                return;
            presence.LastInput = clock.GetUtcNow();
            Refresh(user, presence, presence.LastInput);
        }
    }

    /// <summary>The player's own choice in the app bar; kept across reloads until they switch it off.</summary>
    public void SetBusy(UserId user, bool busy)
    {
        lock (gate)
        {
            if (!players.TryGetValue(user, out var presence))
            {
                if (!busy)
                    return;
                players[user] = presence = new PlayerPresence();
            }
            presence.Busy = busy;
            if (!busy && presence.Circuits.Count == 0 && presence.Status == PresenceStatus.Offline)
                players.Remove(user);
            Refresh(user, presence, clock.GetUtcNow());
        }
    }

    /// <summary>Marks players away whose last input is <see cref="PresenceRules.AwayAfter"/> old (a worker calls this every few seconds).</summary>
    public void Sweep()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            foreach (var (user, presence) in players)
                if (presence.Circuits.Count > 0)
                    Refresh(user, presence, now);
        }
    }

    /// <summary>The player's presence as this instance knows it; an offline player's last-seen only if they left lately.</summary>
    public PresenceState StateOf(UserId user)
    {
        lock (gate)
            return players.TryGetValue(user, out var presence) ? StateOf(presence) : PresenceState.Unknown;
    }

    /// <summary>The player's presence, with the stored last-seen for players who are offline.</summary>
    public async Task<PresenceState> GetAsync(UserId user, CancellationToken ct = default)
    {
        var state = StateOf(user);
        if (state.Status != PresenceStatus.Offline || state.LastSeenAt is not null)
            return state;
        await using var db = await dbFactory.CreateAsync(ct);
        var lastSeen = await db.Players.Where(p => p.Id == user).Select(p => p.LastSeenAt).FirstOrDefaultAsync(ct);
        // They may have come back while we read.
        var now = StateOf(user);
        return now.Status == PresenceStatus.Offline && now.LastSeenAt is null ? new PresenceState(PresenceStatus.Offline, lastSeen) : now;
    }

    /// <summary>Players with at least one connected tab (online, away or busy).</summary>
    public IReadOnlyList<UserId> OnlineUsers()
    {
        lock (gate)
            return [.. players.Where(p => p.Value.Circuits.Count > 0).Select(p => p.Key)];
    }

    private static PresenceState StateOf(PlayerPresence presence) =>
        new(presence.Status, presence.Status == PresenceStatus.Offline ? presence.LastSeenAt : null);

    /// <summary>Recomputes the player's status and announces it when it changed. Call under the lock.</summary>
    private void Refresh(UserId user, PlayerPresence presence, DateTimeOffset now)
    {
        var status = PresenceRules.StatusOf(presence.Circuits.Count, presence.Busy, now - presence.LastInput);
        if (status == presence.Status)
            return;
        presence.Status = status;
        presence.Change = ++changes;
        bus.Publish(new PresenceChanged(user, status, StateOf(presence).LastSeenAt));
    }
}

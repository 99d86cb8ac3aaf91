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
/// With several instances (<see cref="AppInstance.IsShared"/>) each one shares its own view of its players over the bus
/// (<see cref="PresenceSync"/>: every change, and all of them at each <see cref="Heartbeat"/>) and keeps the others' as a
/// replica: a player is online when any circuit on any instance is; an instance silent for <see cref="AppInstance.Ttl"/>
/// is dropped with its players. <see cref="PresenceChanged"/> is then published locally by each instance from its combined view.
/// </summary>
public sealed class PresenceTracker
{
    private readonly Lock gate = new();
    private readonly Dictionary<UserId, PlayerPresence> players = [];
    private readonly Dictionary<string, DateTimeOffset> instancesHeard = []; // other instances, by their last sync
    private readonly TimeProvider clock;
    private readonly IEventBus bus;
    private readonly IPurrrDbFactory dbFactory;
    private readonly AppInstance self;
    private long changes; // numbers status changes, so a late "offline" can tell that the player came back meanwhile

    public PresenceTracker(TimeProvider clock, IEventBus bus, IPurrrDbFactory dbFactory, AppInstance? instance = null)
    {
        this.clock = clock;
        this.bus = bus;
        this.dbFactory = dbFactory;
        self = instance ?? AppInstance.Alone;
        if (self.IsShared)
            bus.Subscribe<PresenceSync>(OnSync); // for the app's lifetime, like the tracker
    }

    private sealed class PlayerPresence
    {
        public readonly HashSet<string> Circuits = [];
        public readonly Dictionary<string, PresenceStatus> Elsewhere = []; // other instances where the player is around
        public DateTimeOffset LastInput;
        public bool Busy;
        public PresenceStatus Local = PresenceStatus.Offline; // from this instance's circuits only: what it shares
        public PresenceStatus Status = PresenceStatus.Offline; // combined: what is announced
        public DateTimeOffset? LastSeenAt; // while offline
        public long Change;
        public bool IsIdle => Circuits.Count == 0 && Elsewhere.Count == 0 && !Busy && Status == PresenceStatus.Offline;
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
            if (presence.Elsewhere.Count > 0)
            {
                Refresh(user, presence, now); // still around on another instance: only what this one shares changes
                return;
            }
            Share(user, presence, PresenceStatus.Offline);
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
                    bus.PublishLocal(new PresenceChanged(user, PresenceStatus.Offline, now));
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
            if (presence.IsIdle)
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
            return [.. players.Where(p => p.Value.Circuits.Count > 0 || p.Value.Elsewhere.Count > 0).Select(p => p.Key)];
    }

    /// <summary>
    /// Scale-out only (a worker calls it every <see cref="AppInstance.Heartbeat"/>): shares this instance's players in
    /// full, and drops the players of instances not heard from for <see cref="AppInstance.Ttl"/> (an instance that died).
    /// </summary>
    public void Heartbeat()
    {
        if (!self.IsShared)
            return;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            bus.Publish(new PresenceSync(self.Id, true,
                [.. players.Where(p => p.Value.Local != PresenceStatus.Offline).Select(p => new PresenceShare(p.Key, p.Value.Local))]));
            foreach (var (instance, heard) in instancesHeard.Where(i => now - i.Value > self.Ttl).ToList())
            {
                instancesHeard.Remove(instance);
                foreach (var (user, presence) in players.Where(p => p.Value.Elsewhere.ContainsKey(instance)).ToList())
                {
                    presence.Elsewhere.Remove(instance);
                    Refresh(user, presence, now);
                }
            }
        }
    }

    /// <summary>Another instance's view of its players: one change, or all of them (a heartbeat).</summary>
    private Task OnSync(PresenceSync sync)
    {
        if (sync.Instance == self.Id)
            return Task.CompletedTask;
        var now = clock.GetUtcNow();
        lock (gate)
        {
            instancesHeard[sync.Instance] = now;
            var shared = sync.Players.ToDictionary(p => p.Player, p => p.Status);
            if (sync.Full) // a heartbeat lists everyone around there: the others are not (any more)
                foreach (var (user, _) in players.Where(p => p.Value.Elsewhere.ContainsKey(sync.Instance) && !shared.ContainsKey(p.Key)).ToList())
                    shared[user] = PresenceStatus.Offline;
            foreach (var (user, status) in shared)
            {
                if (!players.TryGetValue(user, out var presence))
                {
                    if (status == PresenceStatus.Offline)
                        continue;
                    players[user] = presence = new PlayerPresence();
                }
                if (status == PresenceStatus.Offline)
                    presence.Elsewhere.Remove(sync.Instance);
                else
                    presence.Elsewhere[sync.Instance] = status;
                Refresh(user, presence, now);
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>What this instance tells the others about the player, when it changed. Call under the lock.</summary>
    private void Share(UserId user, PlayerPresence presence, PresenceStatus local)
    {
        if (presence.Local == local)
            return;
        presence.Local = local;
        if (self.IsShared)
            bus.Publish(new PresenceSync(self.Id, false, [new PresenceShare(user, local)]));
    }

    private static PresenceState StateOf(PlayerPresence presence) =>
        new(presence.Status, presence.Status == PresenceStatus.Offline ? presence.LastSeenAt : null);

    /// <summary>
    /// Recomputes the player's status (this instance's circuits, combined with other instances') and announces it
    /// here when it changed. Call under the lock.
    /// </summary>
    private void Refresh(UserId user, PlayerPresence presence, DateTimeOffset now)
    {
        var local = PresenceRules.StatusOf(presence.Circuits.Count, presence.Busy, now - presence.LastInput);
        Share(user, presence, local);
        var status = PresenceRules.Combine([local, .. presence.Elsewhere.Values]);
        if (status == presence.Status)
            return;
        if (status == PresenceStatus.Offline && presence.Status != PresenceStatus.Offline)
            presence.LastSeenAt = now; // the last instance where they were around let go of them
        presence.Status = status;
        presence.Change = ++changes;
        bus.PublishLocal(new PresenceChanged(user, status, StateOf(presence).LastSeenAt));
        if (presence.IsIdle)
            players.Remove(user);
    }
}

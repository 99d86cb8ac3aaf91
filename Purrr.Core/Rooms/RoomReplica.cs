using Purrr.Core.Common;
using Purrr.Core.Events;

namespace Purrr.Core.Rooms;

/// <summary>
/// Scale-out: the cats other app instances have in the live rooms, as this instance knows them. Each cat is owned by the
/// instance its owner's circuit lives on (sticky sessions keep it there); that instance's room events reach this one over
/// the shared bus and keep the replica up to date, and its heartbeat (<see cref="RoomSync"/>) confirms its cats. A cat
/// not confirmed for <see cref="AppInstance.Ttl"/> (its instance died) is taken out here, and the room told so locally.
/// Thread-safe; events about this instance's own cats are ignored (<paramref name="isLocal"/>).
/// </summary>
internal sealed class RoomReplica
{
    private readonly Lock gate = new();
    private readonly Dictionary<RoomKey, Dictionary<CatId, Entry>> rooms = [];
    private readonly Dictionary<CatId, DateTimeOffset> departed = []; // so that an older heartbeat does not bring a cat back
    private readonly TimeProvider clock;
    private readonly IEventBus bus;
    private readonly AppInstance self;
    private readonly Func<CatId, bool> isLocal;

    private sealed record Entry(RoomMemberView View, DateTimeOffset Confirmed);

    public RoomReplica(TimeProvider clock, IEventBus bus, AppInstance self, Func<CatId, bool> isLocal)
    {
        this.clock = clock;
        this.bus = bus;
        this.self = self;
        this.isLocal = isLocal;
        if (!self.IsShared)
            return;
        // For the app's lifetime, like the registry that owns this replica.
        bus.Subscribe<RoomEvent>(e =>
        {
            Apply(e);
            return Task.CompletedTask;
        });
        bus.Subscribe<RoomSync>(sync =>
        {
            Confirm(sync);
            return Task.CompletedTask;
        });
    }

    public IReadOnlyList<RoomMemberView> Members(RoomKey key)
    {
        lock (gate)
            return rooms.TryGetValue(key, out var members) ? [.. members.Values.Where(m => !isLocal(m.View.Cat)).Select(m => m.View)] : [];
    }

    public RoomMemberView? Find(RoomKey key, CatId cat)
    {
        lock (gate)
            return rooms.TryGetValue(key, out var members) && members.TryGetValue(cat, out var entry) ? entry.View : null;
    }

    /// <summary>Head counts of the rooms other instances have cats in.</summary>
    public IReadOnlyDictionary<RoomKey, int> Counts()
    {
        lock (gate)
            return rooms.ToDictionary(r => r.Key, r => r.Value.Count);
    }

    public int CountOf(RoomKey key)
    {
        lock (gate)
            return rooms.TryGetValue(key, out var members) ? members.Count : 0;
    }

    /// <summary>What this instance's heartbeat tells the others: every cat it owns, where it sits.</summary>
    public void Heartbeat(IReadOnlyList<RoomSeatShare> own)
    {
        if (!self.IsShared)
            return;
        bus.Publish(new RoomSync(self.Id, own));
        var now = clock.GetUtcNow();
        List<(RoomKey Room, RoomMemberView Cat, int Left)> expired = [];
        lock (gate)
        {
            foreach (var (key, members) in rooms.ToList())
            {
                foreach (var (cat, entry) in members.Where(m => now - m.Value.Confirmed > self.Ttl).ToList())
                {
                    members.Remove(cat);
                    expired.Add((key, entry.View, members.Count));
                }
                if (members.Count == 0)
                    rooms.Remove(key);
            }
            foreach (var (cat, _) in departed.Where(d => now - d.Value > self.Ttl).ToList())
                departed.Remove(cat);
        }
        // Only here: every instance notices the silence by itself.
        foreach (var (room, cat, _) in expired)
        {
            bus.PublishLocal<RoomEvent>(new MemberLeft(room, cat.Cat, cat.CatName, cat.Owner));
            bus.PublishLocal(new RoomOccupancyChanged(room, CountOf(room)));
        }
    }

    private void Apply(RoomEvent e)
    {
        var cat = e switch
        {
            MemberJoined joined => joined.Member.Cat,
            MemberLeft left => left.Cat,
            CatMoved moved => moved.Cat,
            TypingChanged typing => typing.Cat,
            ChatPosted chat => chat.Message.Cat,
            ActivityPerformed activity => activity.Cat,
            _ => default(CatId?),
        };
        if (cat is not { } id || isLocal(id))
            return;
        var now = clock.GetUtcNow();
        var occupancyChanged = false;
        lock (gate)
        {
            if (e is MemberJoined join)
            {
                departed.Remove(id);
                Members(e.Room, create: true)![id] = new Entry(join.Member, now);
                occupancyChanged = true;
            }
            else if (e is MemberLeft)
            {
                // A cat that really left (not one taken out here for silence, which a later heartbeat may bring back).
                if (Members(e.Room, create: false) is { } members && members.Remove(id))
                {
                    departed[id] = now;
                    occupancyChanged = true;
                    if (members.Count == 0)
                        rooms.Remove(e.Room);
                }
            }
            else if (Members(e.Room, create: false) is { } members && members.TryGetValue(id, out var entry))
            {
                members[id] = entry with
                {
                    View = e switch
                    {
                        CatMoved moved => entry.View with { X = moved.X, Y = moved.Y, Energy = moved.Energy },
                        TypingChanged typing => entry.View with { IsTyping = typing.IsTyping },
                        ChatPosted chat => entry.View with { Energy = chat.Energy },
                        ActivityPerformed activity => entry.View with { Energy = activity.Energy },
                        _ => entry.View,
                    },
                };
            }
        }
        // The lobby re-reads the head counts on this, now that the replica has the change.
        if (occupancyChanged)
            bus.PublishLocal(new RoomOccupancyChanged(e.Room, CountOf(e.Room)));
    }

    private void Confirm(RoomSync sync)
    {
        if (sync.Instance == self.Id)
            return;
        var now = clock.GetUtcNow();
        List<RoomSeatShare> added = [];
        lock (gate)
        {
            foreach (var seat in sync.Members)
            {
                var cat = seat.Member.Cat;
                if (isLocal(cat) || departed.ContainsKey(cat))
                    continue;
                var members = Members(seat.Room, create: true)!;
                // Live events are newer than a heartbeat: it only confirms a known cat, and adds one missed (e.g. joined
                // before this instance started).
                if (members.TryGetValue(cat, out var entry))
                    members[cat] = entry with { Confirmed = now };
                else
                {
                    members[cat] = new Entry(seat.Member, now);
                    added.Add(seat);
                }
            }
        }
        foreach (var seat in added)
            bus.PublishLocal<RoomEvent>(new MemberJoined(seat.Room, seat.Member));
        foreach (var room in added.Select(s => s.Room).Distinct())
            bus.PublishLocal(new RoomOccupancyChanged(room, CountOf(room)));
    }

    private Dictionary<CatId, Entry>? Members(RoomKey key, bool create)
    {
        if (rooms.TryGetValue(key, out var members) || !create)
            return members;
        return rooms[key] = [];
    }
}

/// <summary>Scale-out: one instance's heartbeat, every cat it has in a room.</summary>
public sealed record RoomSync(string Instance, IReadOnlyList<RoomSeatShare> Members);

public sealed record RoomSeatShare(RoomKey Room, RoomMemberView Member);

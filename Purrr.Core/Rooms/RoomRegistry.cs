using System.Collections.Concurrent;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Genetics;
using Purrr.Core.Security;

namespace Purrr.Core.Rooms;

/// <summary>
/// The live rooms of this app instance, in memory: who is in which room, where they stand, who is typing. It is fed by
/// commands from circuits (through <see cref="RoomService"/>) and tells viewers through the event bus. Each room has its
/// own lock, so rooms never wait for each other, and its events are published under that lock, in order.
/// Rooms close when their last cat leaves; a circuit that dies takes its cats out (see <see cref="LeaveCircuit"/>).
/// With several instances, each owns the cats of its circuits and keeps a replica of the others' (<see cref="RoomReplica"/>):
/// what players see and the head counts combine both.
/// </summary>
public sealed class RoomRegistry
{
    /// <summary>Each activity has a short cooldown per cat, so a room is not a faster way to level than care.</summary>
    public static readonly TimeSpan ActivityCooldown = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new(); // opening, joining, leaving and closing rooms
    private readonly ConcurrentDictionary<RoomKey, LiveRoom> rooms = new();
    private readonly ConcurrentDictionary<CatId, LiveRoom> roomOfCat = new();
    private readonly Dictionary<string, HashSet<CatId>> catsOfCircuit = [];
    private readonly Dictionary<UserId, HashSet<CatId>> catsOfOwner = [];
    private readonly RateLimits limits;
    private readonly TimeProvider clock;
    private readonly IEventBus bus;
    private readonly RoomReplica elsewhere;

    public RoomRegistry(TimeProvider clock, IEventBus bus, RateLimits? rateLimits = null, AppInstance? instance = null)
    {
        this.clock = clock;
        this.bus = bus;
        limits = rateLimits ?? new RateLimits(clock);
        elsewhere = new RoomReplica(clock, bus, instance ?? AppInstance.Alone, roomOfCat.ContainsKey);
    }

    public int RoomCount => rooms.Count;
    public int MemberCount => roomOfCat.Count;
    public int CircuitCount { get { lock (gate) return catsOfCircuit.Count; } }

    /// <summary>No room, no member and no index entry left: what dead circuits must leave behind.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (gate)
                return rooms.IsEmpty && roomOfCat.IsEmpty && catsOfCircuit.Count == 0 && catsOfOwner.Count == 0;
        }
    }
    public int RateLimitedPlayers => limits.Tracked(RateLimitPolicy.RoomActions);

    /// <summary>Open rooms with their head counts, by type and number.</summary>
    public IReadOnlyList<RoomSummary> OpenRooms() =>
        [.. HeadCounts().Select(r => new RoomSummary(r.Key, r.Value)).OrderBy(r => r.Key.Type).ThenBy(r => r.Key.Number)];

    /// <summary>Cats per open room, here and on the other instances.</summary>
    private Dictionary<RoomKey, int> HeadCounts()
    {
        var counts = elsewhere.Counts().ToDictionary();
        foreach (var room in rooms.Values)
            counts[room.Key] = counts.GetValueOrDefault(room.Key) + room.Count;
        return counts;
    }

    /// <summary>Where the player's cats are sitting.</summary>
    public IReadOnlyList<RoomSeat> SeatsOf(UserId player)
    {
        List<CatId> cats;
        lock (gate)
            cats = catsOfOwner.TryGetValue(player, out var owned) ? [.. owned] : [];
        return [.. cats.Select(cat => roomOfCat.TryGetValue(cat, out var room) && room.Snapshot().FirstOrDefault(m => m.Cat == cat) is { } member
                ? new RoomSeat(room.Key, cat, member.CatName)
                : null).OfType<RoomSeat>().OrderBy(s => s.CatName)];
    }

    public RoomKey? RoomOf(CatId cat) => roomOfCat.TryGetValue(cat, out var room) ? room.Key : null;

    /// <summary>Whether the cat was brought in from this circuit (browser tab).</summary>
    public bool IsFrom(CatId cat, string circuit)
    {
        lock (gate)
            return catsOfCircuit.TryGetValue(circuit, out var cats) && cats.Contains(cat);
    }

    /// <summary>The room's members now, or null when it is not open.</summary>
    public IReadOnlyList<RoomMemberView>? Members(RoomKey key)
    {
        var others = elsewhere.Members(key);
        return rooms.TryGetValue(key, out var room) ? [.. room.Snapshot(), .. others] : others.Count > 0 ? others : null;
    }

    /// <summary>
    /// Scale-out only (a worker calls it every <see cref="AppInstance.Heartbeat"/>): tells the other instances which cats
    /// this one has in rooms, and takes out the cats of instances that stopped telling.
    /// </summary>
    public void Heartbeat() =>
        elsewhere.Heartbeat([.. rooms.Values.SelectMany(r => r.Snapshot().Select(m => new RoomSeatShare(r.Key, m)))]);

    /// <summary>
    /// Puts the cat in <paramref name="specific"/> if given (opening it if needed), else in the fullest open room of the
    /// type with space, else in a new one.
    /// </summary>
    internal Result<RoomKey> Join(RoomType type, RoomKey? specific, Arrival arrival)
    {
        lock (gate)
        {
            if (roomOfCat.TryGetValue(arrival.Cat, out var current))
                return Result<RoomKey>.Failure($"{arrival.CatName} is already in {current.Key.Name}.");
            var key = specific ?? new RoomKey(type, RoomRules.ChooseRoom(type,
                HeadCounts().Where(r => r.Key.Type == type).ToDictionary(r => r.Key.Number, r => r.Value)));
            var room = rooms.GetOrAdd(key, k => new LiveRoom(k));
            lock (room.Sync)
            {
                if (room.Count + elsewhere.CountOf(key) >= key.Capacity)
                    return Result<RoomKey>.Failure($"{key.Name} is full ({key.Capacity} of {key.Capacity}). Try another {RoomTypes.Name(key.Type).ToLowerInvariant()}.");
                var member = room.Add(arrival);
                roomOfCat[arrival.Cat] = room;
                if (!catsOfCircuit.TryGetValue(arrival.Circuit, out var cats))
                    catsOfCircuit[arrival.Circuit] = cats = [];
                cats.Add(arrival.Cat);
                if (!catsOfOwner.TryGetValue(arrival.Owner, out var owned))
                    catsOfOwner[arrival.Owner] = owned = [];
                owned.Add(arrival.Cat);
                Publish(new MemberJoined(key, member.View()));
                bus.Publish(new RoomOccupancyChanged(key, room.Count + elsewhere.CountOf(key)));
            }
            return key;
        }
    }

    /// <summary>Takes the cat out of its room (the place is free at once); null when it was in none.</summary>
    internal Departure? Leave(CatId cat)
    {
        lock (gate)
        {
            if (!roomOfCat.TryRemove(cat, out var room))
                return null;
            lock (room.Sync)
            {
                var member = room.Remove(cat);
                if (catsOfCircuit.TryGetValue(member.Circuit, out var cats) && cats.Remove(cat) && cats.Count == 0)
                    catsOfCircuit.Remove(member.Circuit);
                if (catsOfOwner.TryGetValue(member.Owner, out var owned) && owned.Remove(cat) && owned.Count == 0)
                    catsOfOwner.Remove(member.Owner);
                if (room.Count == 0)
                    rooms.TryRemove(room.Key, out _);
                Publish(new MemberLeft(room.Key, cat, member.CatName, member.Owner));
                bus.Publish(new RoomOccupancyChanged(room.Key, room.Count + elsewhere.CountOf(room.Key)));
                return new Departure(room.Key, member.Cat, member.Owner, member.Visit, member.PendingEnergy, member.Activities);
            }
        }
    }

    /// <summary>Every cat the circuit brought in leaves (tab closed, connection lost).</summary>
    internal IReadOnlyList<Departure> LeaveCircuit(string circuit)
    {
        List<CatId> cats;
        lock (gate)
        {
            if (!catsOfCircuit.TryGetValue(circuit, out var set))
                return [];
            cats = [.. set];
        }
        return [.. cats.Select(Leave).OfType<Departure>()];
    }

    public Result<RoomMemberView> Move(UserId player, RoomKey key, CatId cat, int x, int y)
    {
        if (!RoomRules.IsInside(x, y))
            return Result<RoomMemberView>.Failure($"That spot is outside the room (0–{RoomRules.Width} across, 0–{RoomRules.Height} down).");
        return InRoom(player, key, cat, (room, member) =>
        {
            if (member.Available < member.MoveCost)
                return Result<RoomMemberView>.Failure($"{member.CatName} is too tired to walk around. A nap helps.");
            if (limits.TryAct(RateLimitPolicy.RoomActions, player) is { } slowDown)
                return Result<RoomMemberView>.Failure(slowDown.Message);
            member.X = x;
            member.Y = y;
            member.PendingEnergy += member.MoveCost;
            Publish(new CatMoved(key, cat, x, y, member.Available));
            return member.View();
        });
    }

    /// <summary>Shows "typing…" next to the cat until <see cref="RoomRules.TypingTimeout"/> passes without a keystroke.</summary>
    public Result<bool> Typing(UserId player, RoomKey key, CatId cat) => InRoom(player, key, cat, (room, member) =>
    {
        var wasTyping = member.TypingUntil is not null;
        member.TypingUntil = clock.GetUtcNow() + RoomRules.TypingTimeout;
        if (!wasTyping)
            Publish(new TypingChanged(key, cat, true));
        return Result<bool>.Success(true);
    });

    /// <summary>Clears typing indicators that timed out. Called every second by a background worker.</summary>
    public void Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var room in rooms.Values)
        {
            lock (room.Sync)
            {
                foreach (var member in room.Members.Where(m => m.TypingUntil <= now))
                {
                    member.TypingUntil = null;
                    Publish(new TypingChanged(room.Key, member.Cat, false));
                }
            }
        }
        limits.Sweep();
    }

    /// <summary>
    /// Checks a message may be sent (membership, limit) and books its energy. A tired cat can still talk: talking is what
    /// rooms are for, so a message costs what energy is left, down to zero.
    /// </summary>
    internal Result<RoomMemberView> BeginChat(UserId player, RoomKey key, CatId cat) => InRoom(player, key, cat, (room, member) =>
    {
        if (limits.TryAct(RateLimitPolicy.RoomActions, player) is { } slowDown)
            return Result<RoomMemberView>.Failure(slowDown.Message);
        member.PendingEnergy += Math.Min(member.ChatCost, member.Available);
        return member.View();
    });

    internal void PostChat(RoomKey key, ChatMessageView message)
    {
        if (!rooms.TryGetValue(key, out var room))
            return;
        lock (room.Sync)
        {
            var member = room.Find(message.Cat);
            var wasTyping = member?.TypingUntil is not null;
            if (member is not null)
                member.TypingUntil = null;
            Publish(new ChatPosted(key, message, member?.Available ?? 0));
            if (wasTyping)
                Publish(new TypingChanged(key, message.Cat, false));
        }
    }

    /// <summary>
    /// Checks an activity may start (membership, partner in the room, cooldown, limit) and hands over the energy that moves
    /// and messages spent so far, for the activity's save to book.
    /// </summary>
    internal Result<ActivityTicket> BeginActivity(UserId player, RoomKey key, CatId cat, RoomActivity activity, CatId? partner) =>
        InRoom(player, key, cat, (room, member) =>
        {
            string? partnerName = null;
            if (partner is { } other)
            {
                if (!RoomActivities.TakesPartner(activity))
                    return Result<ActivityTicket>.Failure($"{RoomActivities.Verb(activity)} is something a cat does alone.");
                if (other == cat)
                    return Result<ActivityTicket>.Failure($"Pick another cat to {RoomActivities.Verb(activity).ToLowerInvariant()} with.");
                partnerName = room.Find(other)?.CatName ?? elsewhere.Find(key, other)?.CatName;
                if (partnerName is null)
                    return Result<ActivityTicket>.Failure("That cat has left the room.");
            }
            var now = clock.GetUtcNow();
            if (member.LastActivity.GetValueOrDefault(activity) + ActivityCooldown is { } ready && ready > now)
                return Result<ActivityTicket>.Failure($"{member.CatName} needs a moment before that again: {Math.Ceiling((ready - now).TotalSeconds):0} s.");
            if (limits.TryAct(RateLimitPolicy.RoomActions, player) is { } slowDown)
                return Result<ActivityTicket>.Failure(slowDown.Message);
            member.LastActivity[activity] = now;
            var pending = member.PendingEnergy;
            member.PendingEnergy = 0;
            member.Energy -= pending;
            return new ActivityTicket(member.Visit, pending, partnerName, member.CatName);
        });

    /// <summary>Brings the member's energy up to date after the save; tells the room only when the activity happened.</summary>
    internal void CompleteActivity(RoomKey key, CatId cat, RoomActivity activity, CatId? partner, string? message, int energyAfter)
    {
        if (!rooms.TryGetValue(key, out var room))
            return;
        lock (room.Sync)
        {
            if (room.Find(cat) is not { } member)
                return;
            member.Energy = energyAfter;
            if (message is null)
                return;
            member.Activities++;
            Publish(new ActivityPerformed(key, cat, activity, partner, message, member.Available));
        }
    }

    /// <summary>Takes back the energy handed over by <see cref="BeginActivity"/> when the activity could not be saved.</summary>
    internal void ReturnEnergy(CatId cat, int pending)
    {
        if (!roomOfCat.TryGetValue(cat, out var room))
            return;
        lock (room.Sync)
        {
            if (room.Find(cat) is { } member)
            {
                member.PendingEnergy += pending;
                member.Energy += pending;
            }
        }
    }

    private Result<T> InRoom<T>(UserId player, RoomKey key, CatId cat, Func<LiveRoom, Member, Result<T>> action)
    {
        if (!rooms.TryGetValue(key, out var room))
            return Result<T>.Failure($"{key.Name} is closed: nobody is there any more.");
        lock (room.Sync)
        {
            if (room.Find(cat) is not { } member)
                return Result<T>.Failure("That cat is not in this room.");
            if (member.Owner != player)
                return Result<T>.Failure($"{member.CatName} is not your cat.");
            return action(room, member);
        }
    }

    private void Publish(RoomEvent @event) => bus.Publish(@event);

    /// <summary>Who arrives: the cat as the database knows it when joining.</summary>
    internal sealed record Arrival(CatId Cat, string CatName, Genome Genome, UserId Owner, string OwnerName, string OwnerUserName, string Circuit, Guid Visit,
        int Energy, int MoveCost, int ChatCost);

    /// <summary>Who left, with what the room still owes the database (energy spent on moves and messages).</summary>
    internal sealed record Departure(RoomKey Room, CatId Cat, UserId Owner, Guid Visit, int PendingEnergy, int Activities);

    internal sealed record ActivityTicket(Guid Visit, int PendingEnergy, string? PartnerName, string CatName);

    private sealed class Member(Arrival arrival, int x, int y)
    {
        public CatId Cat => arrival.Cat;
        public string CatName => arrival.CatName;
        public UserId Owner => arrival.Owner;
        public string Circuit => arrival.Circuit;
        public Guid Visit => arrival.Visit;
        public int MoveCost => arrival.MoveCost;
        public int ChatCost => arrival.ChatCost;
        public int X { get; set; } = x;
        public int Y { get; set; } = y;
        public DateTimeOffset? TypingUntil { get; set; }

        /// <summary>Energy as last saved; <see cref="Available"/> is what is left after unsaved moves and messages.</summary>
        public int Energy { get; set; } = arrival.Energy;
        public int PendingEnergy { get; set; }
        public int Available => Math.Max(0, Energy - PendingEnergy);
        public int Activities { get; set; }
        public Dictionary<RoomActivity, DateTimeOffset> LastActivity { get; } = [];

        public RoomMemberView View() => new(Cat, CatName, arrival.Genome, Owner, arrival.OwnerName, arrival.OwnerUserName, X, Y, TypingUntil is not null, Available);
    }

    private sealed class LiveRoom(RoomKey key)
    {
        private readonly List<Member> members = [];
        private int arrivals;

        public RoomKey Key => key;
        public Lock Sync { get; } = new();
        public int Count => members.Count;
        public IEnumerable<Member> Members => members;

        public Member? Find(CatId cat) => members.Find(m => m.Cat == cat);

        public Member Add(Arrival arrival)
        {
            var (x, y) = RoomRules.Entrance(arrivals++);
            var member = new Member(arrival, x, y);
            members.Add(member);
            return member;
        }

        public Member Remove(CatId cat)
        {
            var member = Find(cat)!;
            members.Remove(member);
            return member;
        }

        public IReadOnlyList<RoomMemberView> Snapshot()
        {
            lock (Sync)
                return [.. members.Select(m => m.View())];
        }
    }
}

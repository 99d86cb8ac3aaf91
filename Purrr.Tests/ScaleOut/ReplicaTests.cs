using System.Collections.Concurrent;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Presence;
using Purrr.Core.Rooms;
using Purrr.Data.Redis;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.ScaleOut;

/// <summary>
/// Presence and live rooms of two app instances over the real Redis: each owns its circuits, sees the other's, and lets
/// go of a silent instance's players and cats after the heartbeat TTL (3 s here, on each instance's fake clock).
/// </summary>
[Trait("Category", "Redis")]
public sealed class ReplicaTests : IAsyncLifetime
{
    private static readonly RoomKey Party = new(RoomType.PartyRoom, 1);
    private readonly List<IDisposable> owned = [];
    private TestDatabase database = null!;

    private sealed record Instance(RedisEventBus Bus, AppInstance Self, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock, PresenceTracker Presence, RoomRegistry Rooms);

    private Instance Start(string channel)
    {
        var (bus, connection, self) = TestRedis.NewBus(TestRedis.Address, channel);
        owned.Add(bus);
        owned.Add(connection);
        var clock = TestClock.AtNoon();
        return new Instance(bus, self, clock, new PresenceTracker(clock, bus, database.Factory, self), new RoomRegistry(clock, bus, instance: self));
    }

    private async Task<(Instance A, Instance B)> TwoInstancesAsync()
    {
        var channel = TestRedis.NewChannel();
        var (a, b) = (Start(channel), Start(channel));
        await TestRedis.WaitUntilAsync(() => a.Bus.IsSubscribed && b.Bus.IsSubscribed, "both instances listen");
        return (a, b);
    }

    [Fact]
    public async Task A_player_is_online_while_any_tab_on_any_instance_is_connected()
    {
        var (a, b) = await TwoInstancesAsync();
        var player = await database.AddPlayerAsync(Names.Unique("ada"));
        var seenOnB = new ConcurrentQueue<PresenceStatus>();
        b.Bus.Subscribe<PresenceChanged>(PresenceChanged.TopicOf(player), e =>
        {
            seenOnB.Enqueue(e.Status);
            return Task.CompletedTask;
        });

        await a.Presence.ConnectAsync(player, "tab-on-a");
        await TestRedis.WaitUntilAsync(() => b.Presence.StateOf(player).Status == PresenceStatus.Online, "B sees the player online");
        Assert.Contains(player, b.Presence.OnlineUsers());

        // A second tab lands on B; the tab on A closes: still online everywhere.
        await b.Presence.ConnectAsync(player, "tab-on-b");
        await TestRedis.WaitUntilAsync(() => a.Presence.StateOf(player).Status == PresenceStatus.Online, "A knows of the tab on B");
        await a.Presence.DisconnectAsync(player, "tab-on-a");
        await Task.Delay(200);
        Assert.Equal(PresenceStatus.Online, a.Presence.StateOf(player).Status);
        Assert.Equal(PresenceStatus.Online, b.Presence.StateOf(player).Status);

        // The last tab closes: offline on both, announced once on B.
        await b.Presence.DisconnectAsync(player, "tab-on-b");
        await TestRedis.WaitUntilAsync(() => a.Presence.StateOf(player).Status == PresenceStatus.Offline, "A sees the player leave");
        Assert.Equal(PresenceStatus.Offline, b.Presence.StateOf(player).Status);
        Assert.Empty(a.Presence.OnlineUsers());
        await TestRedis.WaitUntilAsync(() => seenOnB.Count == 2, "B announced online and offline");
        Assert.Equal([PresenceStatus.Online, PresenceStatus.Offline], seenOnB);
    }

    [Fact]
    public async Task The_players_of_an_instance_that_falls_silent_go_offline_after_the_ttl()
    {
        var (a, b) = await TwoInstancesAsync();
        var player = await database.AddPlayerAsync(Names.Unique("bo"));
        await a.Presence.ConnectAsync(player, "tab-on-a");
        a.Presence.Heartbeat();
        await TestRedis.WaitUntilAsync(() => b.Presence.StateOf(player).Status == PresenceStatus.Online, "B sees the player online");

        // A dies (no more heartbeats). Within the TTL B keeps the player; past it, B lets go.
        b.Clock.Advance(TimeSpan.FromSeconds(2));
        b.Presence.Heartbeat();
        Assert.Equal(PresenceStatus.Online, b.Presence.StateOf(player).Status);
        b.Clock.Advance(TimeSpan.FromSeconds(2));
        b.Presence.Heartbeat();
        Assert.Equal(PresenceStatus.Offline, b.Presence.StateOf(player).Status);
        Assert.Empty(b.Presence.OnlineUsers());
    }

    [Fact]
    public async Task Cats_on_two_instances_share_one_room_see_each_others_moves_and_a_silent_instances_cat_leaves()
    {
        var (a, b) = await TwoInstancesAsync();
        var (ash, birch) = (Arrival("Ash", "circuit-a"), Arrival("Birch", "circuit-b"));

        Assert.True(a.Rooms.Join(RoomType.PartyRoom, null, ash).Succeeded);
        await TestRedis.WaitUntilAsync(() => b.Rooms.Members(Party)?.Count == 1, "B sees Ash in the party room");
        Assert.Equal([new RoomSummary(Party, 1)], b.Rooms.OpenRooms());

        // B's player joins "a party room": the one with Ash in it, not an empty one of B's own.
        var joined = b.Rooms.Join(RoomType.PartyRoom, null, birch);
        Assert.Equal(Party, joined.Value);
        await TestRedis.WaitUntilAsync(() => a.Rooms.Members(Party)?.Count == 2, "A sees Birch arrive");

        Assert.True(a.Rooms.Move(ash.Owner, Party, ash.Cat, 70, 40).Succeeded);
        await TestRedis.WaitUntilAsync(() => b.Rooms.Members(Party)!.Single(m => m.Cat == ash.Cat) is { X: 70, Y: 40 }, "B sees Ash at the new spot");

        // A falls silent: B keeps Ash within the TTL, then takes Ash out and tells its viewers.
        var leftOnB = new ConcurrentQueue<CatId>();
        b.Bus.Subscribe<RoomEvent>(RoomEvent.TopicOf(Party), e =>
        {
            if (e is MemberLeft left)
                leftOnB.Enqueue(left.Cat);
            return Task.CompletedTask;
        });
        b.Clock.Advance(TimeSpan.FromSeconds(2));
        b.Rooms.Heartbeat();
        Assert.Equal(2, b.Rooms.Members(Party)!.Count);
        b.Clock.Advance(TimeSpan.FromSeconds(2));
        b.Rooms.Heartbeat();
        Assert.Equal([birch.Cat], b.Rooms.Members(Party)!.Select(m => m.Cat));
        await TestRedis.WaitUntilAsync(() => leftOnB.Contains(ash.Cat), "B's viewers are told Ash left");
        Assert.Equal([new RoomSummary(Party, 1)], b.Rooms.OpenRooms());
    }

    private static RoomRegistry.Arrival Arrival(string cat, string circuit) =>
        new(CatId.New(), cat, Genomes.RedTabbyShortHair, UserId.New(), $"{cat}'s human", cat.ToLowerInvariant(), circuit, Guid.NewGuid(), Energy: 100, MoveCost: 0, ChatCost: 0);

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var item in owned)
            item.Dispose();
        await database.DisposeAsync();
    }
}

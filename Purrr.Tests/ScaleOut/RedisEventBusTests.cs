using System.Collections.Concurrent;
using Purrr.Core.Common;
using Purrr.Core.Presence;
using Purrr.Core.Rooms;
using Purrr.Data.Redis;

namespace Purrr.Tests.ScaleOut;

/// <summary>Two app instances' buses over the real Redis that ./test.sh starts.</summary>
[Trait("Category", "Redis")]
public sealed class RedisEventBusTests : IDisposable
{
    private static readonly RoomKey Room = new(RoomType.PartyRoom, 1);
    private readonly List<IDisposable> owned = [];

    private RedisEventBus NewInstance(string address, string channel)
    {
        var (bus, connection, _) = TestRedis.NewBus(address, channel);
        owned.Add(bus);
        owned.Add(connection);
        return bus;
    }

    [Fact]
    public async Task Each_instance_gets_each_event_once_and_the_publisher_only_its_own_local_delivery()
    {
        var channel = TestRedis.NewChannel();
        var a = NewInstance(TestRedis.Address, channel);
        var b = NewInstance(TestRedis.Address, channel);
        var c = NewInstance(TestRedis.Address, channel);
        await TestRedis.WaitUntilAsync(() => a.IsSubscribed && b.IsSubscribed && c.IsSubscribed, "the three instances listen");
        var heard = new ConcurrentDictionary<string, int>();
        a.Subscribe<RoomEvent>(RoomEvent.TopicOf(Room), _ => Count(heard, "a"));
        b.Subscribe<RoomEvent>(RoomEvent.TopicOf(Room), _ => Count(heard, "b"));
        c.Subscribe<RoomEvent>(_ => Count(heard, "c"));

        a.Publish<RoomEvent>(new CatMoved(Room, CatId.New(), 10, 20, 5));
        b.Publish<RoomEvent>(new TypingChanged(Room, CatId.New(), true));

        await TestRedis.WaitUntilAsync(() => heard.GetValueOrDefault("a") == 2 && heard.GetValueOrDefault("b") == 2 && heard.GetValueOrDefault("c") == 2,
            $"every instance heard both events (a {heard.GetValueOrDefault("a")}, b {heard.GetValueOrDefault("b")}, c {heard.GetValueOrDefault("c")})");
        // A little later still nobody heard anything twice (its own event coming back over Redis would make 3).
        await Task.Delay(300);
        Assert.Equal([2, 2, 2], new[] { heard["a"], heard["b"], heard["c"] });
    }

    [Fact]
    public async Task A_burst_arrives_on_the_other_instance_in_publish_order_and_only_on_its_topic()
    {
        var channel = TestRedis.NewChannel();
        var a = NewInstance(TestRedis.Address, channel);
        var b = NewInstance(TestRedis.Address, channel);
        await TestRedis.WaitUntilAsync(() => a.IsSubscribed && b.IsSubscribed, "both instances listen");
        var cat = CatId.New();
        var received = new ConcurrentQueue<int>();
        var otherRoom = 0;
        b.Subscribe<RoomEvent>(RoomEvent.TopicOf(Room), e =>
        {
            received.Enqueue(((CatMoved)e).X);
            return Task.CompletedTask;
        });
        b.Subscribe<RoomEvent>(RoomEvent.TopicOf(new RoomKey(RoomType.PartyRoom, 2)), _ =>
        {
            Interlocked.Increment(ref otherRoom);
            return Task.CompletedTask;
        });

        const int events = 1000;
        for (var i = 0; i < events; i++)
            a.Publish<RoomEvent>(new CatMoved(Room, cat, i, 0, 0));

        await TestRedis.WaitUntilAsync(() => received.Count == events, $"all {events} moves arrived ({received.Count} so far)");
        Assert.Equal(Enumerable.Range(0, events), received);
        Assert.Equal(0, otherRoom);
    }

    [Fact]
    public async Task Events_flow_again_after_Redis_restarts()
    {
        using var redis = new RedisProcess();
        var channel = TestRedis.NewChannel();
        var a = NewInstance(redis.Address, channel);
        var b = NewInstance(redis.Address, channel);
        await TestRedis.WaitUntilAsync(() => a.IsSubscribed && b.IsSubscribed, "both instances listen");
        var player = UserId.New();
        var heard = new ConcurrentQueue<PresenceStatus>();
        b.Subscribe<PresenceChanged>(PresenceChanged.TopicOf(player), e =>
        {
            heard.Enqueue(e.Status);
            return Task.CompletedTask;
        });
        a.Publish(new PresenceChanged(player, PresenceStatus.Online, null));
        await TestRedis.WaitUntilAsync(() => heard.Count == 1, "the first event crossed over");

        redis.Stop();
        await TestRedis.WaitUntilAsync(() => !b.IsSubscribed, "the instances noticed Redis is gone");
        redis.Start();
        await TestRedis.WaitUntilAsync(() => a.IsSubscribed && b.IsSubscribed, "both instances reconnected", 20_000);

        a.Publish(new PresenceChanged(player, PresenceStatus.Away, null));
        await TestRedis.WaitUntilAsync(() => heard.Count == 2, "an event published after the restart crossed over", 20_000);
        Assert.Equal([PresenceStatus.Online, PresenceStatus.Away], heard);
    }

    private static Task Count(ConcurrentDictionary<string, int> heard, string who)
    {
        heard.AddOrUpdate(who, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var item in owned)
            item.Dispose();
    }
}

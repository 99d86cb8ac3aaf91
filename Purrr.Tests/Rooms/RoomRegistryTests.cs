using Purrr.Core.Common;
using Purrr.Core.Rooms;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Rooms;

/// <summary>The in-memory room engine: joining, moving, typing, leaving, and what it tells the room.</summary>
public class RoomRegistryTests
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = TestClock.AtNoon();
    private readonly RecordingEventBus bus = new();
    private readonly RoomRegistry registry;

    public RoomRegistryTests() => registry = new RoomRegistry(clock, bus);

    private RoomRegistry.Arrival ACatArriving(UserId owner, string circuit = "tab-1", string name = "Tig", int energy = 80) =>
        new(CatId.New(), name, ACat.DefaultGenome, owner, "Ana", "ana", circuit, Guid.NewGuid(), energy, MoveCost: 1, ChatCost: 1);

    private T[] Published<T>() => [.. bus.Published.OfType<T>()];

    [Fact]
    public void Cats_fill_one_room_until_it_is_full_then_a_second_opens()
    {
        var keys = Enumerable.Range(0, 9).Select(_ => registry.Join(RoomType.TrainingArena, null, ACatArriving(UserId.New())).Value).ToList();

        Assert.All(keys.Take(8), key => Assert.Equal(new RoomKey(RoomType.TrainingArena, 1), key));
        Assert.Equal(new RoomKey(RoomType.TrainingArena, 2), keys[8]);
    }

    [Fact]
    public void Joining_a_full_room_by_name_is_refused_and_nothing_is_announced()
    {
        var full = new RoomKey(RoomType.TrainingArena, 1);
        for (var i = 0; i < 8; i++)
            registry.Join(RoomType.TrainingArena, full, ACatArriving(UserId.New()));
        var announced = Published<MemberJoined>().Length;

        var refused = registry.Join(RoomType.TrainingArena, full, ACatArriving(UserId.New()));

        Assert.Equal("Training arena 1 is full (8 of 8). Try another training arena.", refused.FirstMessage);
        Assert.Equal(announced, Published<MemberJoined>().Length);
    }

    [Fact]
    public void Leaving_frees_the_place_at_once()
    {
        var full = new RoomKey(RoomType.TrainingArena, 1);
        var arrivals = Enumerable.Range(0, 8).Select(_ => ACatArriving(UserId.New())).ToList();
        arrivals.ForEach(a => registry.Join(RoomType.TrainingArena, full, a));

        registry.Leave(arrivals[0].Cat);

        Assert.True(registry.Join(RoomType.TrainingArena, full, ACatArriving(UserId.New())).Succeeded);
    }

    [Fact]
    public void A_cat_is_in_one_room_at_a_time()
    {
        var arrival = ACatArriving(UserId.New());
        registry.Join(RoomType.Playground, null, arrival);

        var again = registry.Join(RoomType.PartyRoom, null, arrival);

        Assert.Equal("Tig is already in Playground 1.", again.FirstMessage);
    }

    [Fact]
    public void A_move_is_announced_to_the_room_with_the_energy_it_cost()
    {
        var owner = UserId.New();
        var arrival = ACatArriving(owner, energy: 50);
        var room = registry.Join(RoomType.Playground, null, arrival).Value;

        var moved = registry.Move(owner, room, arrival.Cat, 40, 30);

        Assert.True(moved.Succeeded);
        Assert.Equal(new CatMoved(room, arrival.Cat, 40, 30, 49), Published<CatMoved>().Single());
        Assert.Equal((40, 30), (registry.Members(room)!.Single().X, registry.Members(room)!.Single().Y));
    }

    [Fact]
    public void Moving_outside_the_room_is_refused_and_nothing_is_announced()
    {
        var owner = UserId.New();
        var arrival = ACatArriving(owner);
        var room = registry.Join(RoomType.Playground, null, arrival).Value;

        var refused = registry.Move(owner, room, arrival.Cat, 101, 30);

        Assert.StartsWith("That spot is outside the room", refused.FirstMessage);
        Assert.Empty(Published<CatMoved>());
    }

    [Fact]
    public void Nobody_can_move_someone_elses_cat()
    {
        var arrival = ACatArriving(UserId.New());
        var room = registry.Join(RoomType.Playground, null, arrival).Value;

        var refused = registry.Move(UserId.New(), room, arrival.Cat, 10, 10);

        Assert.Equal("Tig is not your cat.", refused.FirstMessage);
        Assert.Empty(Published<CatMoved>());
    }

    [Fact]
    public void A_cat_with_no_energy_left_cannot_walk()
    {
        var owner = UserId.New();
        var arrival = ACatArriving(owner, energy: 1);
        var room = registry.Join(RoomType.Playground, null, arrival).Value;
        Assert.True(registry.Move(owner, room, arrival.Cat, 10, 10).Succeeded);

        var refused = registry.Move(owner, room, arrival.Cat, 20, 10);

        Assert.Equal("Tig is too tired to walk around. A nap helps.", refused.FirstMessage);
    }

    [Fact]
    public void The_61st_action_in_a_minute_is_refused_and_not_announced()
    {
        var owner = UserId.New();
        var arrival = ACatArriving(owner, energy: 100);
        var room = registry.Join(RoomType.Playground, null, arrival).Value;
        for (var i = 0; i < 60; i++)
            Assert.True(registry.Move(owner, room, arrival.Cat, i, 10).Succeeded);

        var refused = registry.Move(owner, room, arrival.Cat, 99, 10);

        Assert.StartsWith("Slow down", refused.FirstMessage);
        Assert.Equal(60, Published<CatMoved>().Length);
    }

    [Fact]
    public void Typing_shows_once_and_clears_after_five_seconds_without_keystrokes()
    {
        var owner = UserId.New();
        var arrival = ACatArriving(owner);
        var room = registry.Join(RoomType.Playground, null, arrival).Value;

        registry.Typing(owner, room, arrival.Cat);
        clock.Advance(TimeSpan.FromSeconds(3));
        registry.Typing(owner, room, arrival.Cat); // still typing: no second announcement, the 5 s start again
        clock.Advance(TimeSpan.FromSeconds(4));
        registry.Sweep();
        Assert.Equal([new TypingChanged(room, arrival.Cat, true)], Published<TypingChanged>());
        Assert.True(registry.Members(room)!.Single().IsTyping);

        clock.Advance(TimeSpan.FromSeconds(1));
        registry.Sweep();

        Assert.Equal(new TypingChanged(room, arrival.Cat, false), Published<TypingChanged>().Last());
        Assert.False(registry.Members(room)!.Single().IsTyping);
    }

    [Fact]
    public void A_closed_tab_takes_all_its_cats_out_and_empty_rooms_close()
    {
        var owner = UserId.New();
        registry.Join(RoomType.Playground, null, ACatArriving(owner, "tab-1"));
        registry.Join(RoomType.PartyRoom, null, ACatArriving(owner, "tab-1", "Mochi"));
        var other = ACatArriving(UserId.New(), "tab-2", "Bean");
        registry.Join(RoomType.Playground, null, other);

        var departures = registry.LeaveCircuit("tab-1");

        Assert.Equal(2, departures.Count);
        Assert.Equal([new RoomSummary(new RoomKey(RoomType.Playground, 1), 1)], registry.OpenRooms());
        Assert.Equal(2, Published<MemberLeft>().Length);
        registry.LeaveCircuit("tab-2");
        Assert.True(registry.IsEmpty);
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Genetics;
using Purrr.Core.Rooms;

namespace Purrr.Bench;

/// <summary>Builds rooms full of cats, each watched by a subscriber the way an open room page follows its room.</summary>
public abstract class RoomBenchmarkBase
{
    protected static readonly Genome Cat = Genome.Parse("B/B D/D t/t s/s Cu/Cu L/L 80/80/80/80");

    protected readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
    protected InMemoryEventBus Bus = null!;
    protected RoomRegistry Registry = null!;
    protected (UserId Player, RoomKey Room, CatId Cat)[] Members = [];
    private readonly List<IDisposable> subscriptions = [];

    protected void Fill(int rooms, int perRoom, Func<RoomEvent, Task> viewer)
    {
        Bus = new InMemoryEventBus();
        Registry = new RoomRegistry(Clock, Bus);
        var members = new List<(UserId, RoomKey, CatId)>();
        for (var r = 0; r < rooms; r++)
        {
            var key = new RoomKey(RoomType.PartyRoom, r + 1);
            for (var m = 0; m < perRoom; m++)
            {
                var player = UserId.New();
                var cat = CatId.New();
                Registry.Join(key.Type, key, new RoomRegistry.Arrival(cat, $"Cat {m}", Cat, player, $"Player {m}", $"p{m}", $"circuit-{r}-{m}", Guid.NewGuid(),
                    Energy: 100, MoveCost: 0, ChatCost: 0)); // free moves: the benchmark measures the engine, not tiredness
                subscriptions.Add(Bus.Subscribe(RoomEvent.TopicOf(key), viewer));
                members.Add((player, key, cat));
            }
        }
        Members = [.. members];
    }

    [GlobalCleanup]
    public void Cleanup() => subscriptions.ForEach(s => s.Dispose());
}

/// <summary>Issue 6's target: one move reaches all 25 members of a party room in ≤ 10 ms, server side.</summary>
[MemoryDiagnoser]
public class RoomFanOutBenchmark : RoomBenchmarkBase
{
    private int seen;
    private TaskCompletionSource everyoneSaw = new();
    private int step;

    [GlobalSetup]
    public void Setup() => Fill(rooms: 1, perRoom: 25, e =>
    {
        if (Interlocked.Increment(ref seen) == 25)
            everyoneSaw.TrySetResult();
        return Task.CompletedTask;
    });

    [Benchmark]
    public async Task MoveReachesAll25()
    {
        seen = 0;
        everyoneSaw = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Clock.Advance(TimeSpan.FromSeconds(1)); // one move a second per player: inside the 60-a-minute limit
        var (player, room, cat) = Members[0];
        step = (step + 1) % 90;
        Registry.Move(player, room, cat, step, 30);
        await everyoneSaw.Task;
    }
}

/// <summary>
/// Issue 6's load: 1,000 rooms × 10 members, each member acting once a second. One benchmark call is one second of that
/// load (10,000 moves, each delivered to its 10 room members = 100,000 deliveries); its time over 1 s is the CPU share.
/// </summary>
[MemoryDiagnoser]
public class RoomLoadBenchmark : RoomBenchmarkBase
{
    private long delivered;
    private TaskCompletionSource allDelivered = new();
    private long expected;
    private int step;

    [GlobalSetup]
    public void Setup() => Fill(rooms: 1_000, perRoom: 10, e =>
    {
        if (Interlocked.Increment(ref delivered) == expected)
            allDelivered.TrySetResult();
        return Task.CompletedTask;
    });

    [Benchmark]
    public async Task OneSecondOfActions()
    {
        delivered = 0;
        expected = Members.Length * 10L;
        allDelivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Clock.Advance(TimeSpan.FromSeconds(1));
        step = (step + 1) % 90;
        foreach (var (player, room, cat) in Members)
            Registry.Move(player, room, cat, step, 20);
        await allDelivered.Task;
    }
}

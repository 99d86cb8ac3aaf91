using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Admin;
using Purrr.Core.Breeding;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.Games;
using Purrr.Core.NightWatch;
using Purrr.Core.Progress;
using Purrr.Core.Rooms;
using Purrr.Core.Security;

namespace Purrr.Tests.Infrastructure;

/// <summary>Core services over a fresh migrated database, with the clock and the dice pinned.</summary>
public abstract class ServiceTestBase : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected FakeTimeProvider Clock { get; } = TestClock.AtNoon();
    protected RecordingEventBus Bus { get; } = new();

    /// <summary>The dice: seeded by default; a test may replace it before creating services.</summary>
    protected IRandomSource Random { get; set; } = new SeededRandomSource(42);

    protected CatService Cats => new(Database.Factory, Clock, Random, new SecurityLog(Database.Factory, Clock, Bus), Bus);
    protected CareService Care => new(Database.Factory, Clock, Random, Bus);
    protected InventoryService Inventory => new(Database.Factory, Clock, Bus);
    protected BreedingService Breeding => new(Database.Factory, Clock, Random, Bus);
    protected ProgressService Progress => new(Database.Factory, Clock, Bus);
    protected QuestService Quests => new(Database.Factory, Clock, Bus);
    protected ProfileService Profiles => new(Database.Factory);
    protected LeaderboardService Leaderboards => new(Database.Factory, Clock);
    protected WalletService WalletHistory => new(Database.Factory);
    protected PawMatchService PawMatch => new(Database.Factory, Clock, Random, Bus, Flags);
    protected NightWatchService NightWatch => new(Database.Factory, Clock, Bus, Options.Create(NightWatchOptions), Flags);

    /// <summary>Feature flags of this test's "instance": one cache, shared by every service that reads them.</summary>
    protected FeatureFlags Flags => flags ??= new FeatureFlags(Database.Factory, Clock, Bus);
    private FeatureFlags? flags;
    protected NightWatchSimulator Simulator => new(Database.Factory, Clock, Random, Weather, Bus, Options.Create(NightWatchOptions));

    protected NightWatchOptions NightWatchOptions { get; } = new();

    /// <summary>The live rooms of this test's "instance": one registry, shared by every <see cref="Rooms"/> call.</summary>
    protected RoomRegistry RoomRegistry => roomRegistry ??= new RoomRegistry(Clock, Bus);
    private RoomRegistry? roomRegistry;

    protected RoomService Rooms => new(Database.Factory, Clock, Bus, RoomRegistry);

    /// <summary>Clear skies unless a test says otherwise.</summary>
    protected IWeatherProvider Weather { get; set; } = new FixedWeather(WeatherCondition.Clear);

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    /// <summary>A player as sign-up leaves them: 500 coins, 5 basic and 1 premium food.</summary>
    protected async Task<UserId> NewPlayerAsync(string userName)
    {
        var player = await Database.AddPlayerAsync(userName);
        await Database.GiveCoinsAsync(player, Wallet.StartingCoins);
        await Database.GiveItemsAsync(player, Items.BasicFood, 5);
        await Database.GiveItemsAsync(player, Items.PremiumFood, 1);
        return player;
    }
}

/// <summary>An in-memory bus that also remembers what was published, for assertions.</summary>
public sealed class RecordingEventBus : IEventBus
{
    private readonly InMemoryEventBus inner = new();
    private readonly List<object> published = [];

    public IReadOnlyList<object> Published { get { lock (published) return [.. published]; } }

    public void Publish<TEvent>(TEvent @event) where TEvent : notnull
    {
        lock (published)
            published.Add(@event);
        inner.Publish(@event);
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull => inner.Subscribe(handler);

    public IDisposable Subscribe<TEvent>(string topic, Func<TEvent, Task> handler) where TEvent : ITopicEvent => inner.Subscribe(topic, handler);

    public int SubscriptionCount => inner.SubscriptionCount;
}

/// <summary>A random source that always rolls the same number: 0 means every chance comes true.</summary>
public sealed class FixedRoll(double roll) : IRandomSource
{
    public double NextDouble() => roll;
    public int Next(int minInclusive, int maxExclusive) => minInclusive;
}

/// <summary>
/// A random source that plays back the given draws in order and fails loudly when a rule asks for one more than the
/// test expected, so the test also pins down the order of the draws.
/// </summary>
public sealed class ScriptedRandom(IEnumerable<double> doubles, IEnumerable<int> integers) : IRandomSource
{
    private readonly Queue<double> doubles = new(doubles);
    private readonly Queue<int> integers = new(integers);

    public double NextDouble() => doubles.TryDequeue(out var d) ? d : throw new InvalidOperationException("No more scripted doubles.");

    public int Next(int minInclusive, int maxExclusive)
    {
        if (!integers.TryDequeue(out var i))
            throw new InvalidOperationException("No more scripted integers.");
        if (i < minInclusive || i >= maxExclusive)
            throw new InvalidOperationException($"Scripted {i} is outside [{minInclusive}, {maxExclusive}).");
        return i;
    }

    public bool IsUsedUp => doubles.Count == 0 && integers.Count == 0;
}

/// <summary>The same weather everywhere, always.</summary>
public sealed class FixedWeather(WeatherCondition condition) : IWeatherProvider
{
    public WeatherCondition At(Core.Common.GeoPoint place, DateTimeOffset at) => condition;
}

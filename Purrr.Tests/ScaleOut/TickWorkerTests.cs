using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Events;
using Purrr.Core.ScaleOut;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Background;

namespace Purrr.Tests.ScaleOut;

/// <summary>The one loop every periodic job runs on (<see cref="TickWorker"/>, <see cref="LeasedTickWorker"/>), on the fake clock.</summary>
public sealed class TickWorkerTests : ServiceTestBase
{
    private static readonly AppInstance InstanceA = new("instance-a", true, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));
    private static readonly AppInstance InstanceB = new("instance-b", true, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));

    [Fact]
    public async Task A_failing_tick_is_logged_and_the_next_tick_runs_all_the_same()
    {
        var log = new ListLogger();
        using var worker = new ScriptedWorker(n => n == 1 ? throw new InvalidOperationException("the litter box is full") : $"tick {n} done", log, Clock);
        await worker.StartAsync(CancellationToken.None);

        Assert.Equal(1, await worker.NextTickAsync(Clock));
        Assert.Equal(2, await worker.NextTickAsync(Clock));
        await worker.StopAsync(CancellationToken.None);

        var failure = Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal("ScriptedWorker tick failed; trying again in 00:00:10.", failure.Message);
        Assert.Equal("the litter box is full", failure.Exception?.Message);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Information && e.Message == "ScriptedWorker: tick 2 done");
        Assert.True(worker.ExecuteTask!.IsCompletedSuccessfully); // stopping ended the loop quietly
    }

    [Fact]
    public async Task A_job_that_ticks_at_start_runs_before_the_first_interval_and_a_wake_up_brings_the_next_tick_forward()
    {
        using var worker = new ScriptedWorker(n => null, new ListLogger(), Clock) { AtStart = true };
        await worker.StartAsync(CancellationToken.None);
        Assert.Equal(1, await worker.WaitForTickAsync()); // the clock did not move

        worker.Wake();
        Assert.Equal(2, await worker.WaitForTickAsync()); // nor here
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_job_switched_off_on_this_instance_never_starts_its_loop()
    {
        using var worker = new ScriptedWorker(n => throw new InvalidOperationException("must not tick"), new ListLogger(), Clock) { On = false, AtStart = true };
        await worker.StartAsync(CancellationToken.None);
        await worker.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30)); // ended by itself, before any stop
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(0, worker.Ticks);
    }

    [Fact]
    public async Task With_two_instances_due_at_once_only_the_lease_holder_runs_the_tick_and_the_other_takes_over_once_it_stops()
    {
        using var a = new LeasedWorker(new WorkLeases(Database.Factory, Clock, InstanceA), Clock);
        using var b = new LeasedWorker(new WorkLeases(Database.Factory, Clock, InstanceB), Clock);

        for (var round = 1; round <= 5; round++)
        {
            Assert.All(await Task.WhenAll(a.TickOnceAsync(), b.TickOnceAsync()), Assert.True); // neither failed
            Assert.Equal(round, a.Ticks + b.Ticks);
            Clock.Advance(LeasedWorker.Every);
        }
        var (holder, other) = a.Ticks == 5 ? (a, b) : (b, a);
        Assert.Equal(0, other.Ticks);

        // The holder stops ticking: after two of its intervals the lease is free.
        Clock.Advance(LeasedWorker.Every * 2);
        await other.TickOnceAsync();
        Assert.Equal(1, other.Ticks);
        await holder.TickOnceAsync();
        Assert.Equal(5, holder.Ticks);
    }

    [Fact]
    public async Task The_moved_workers_keep_their_lease_names_so_a_rolling_deploy_stays_run_once()
    {
        var leases = new WorkLeases(Database.Factory, Clock, InstanceA);
        using var nightWatch = new NightWatchWorker(Simulator, leases, Options.Create(NightWatchOptions), new ListLogger<NightWatchWorker>());

        Assert.True(await nightWatch.TickOnceAsync());

        Assert.Equal(InstanceA.Id, await leases.HolderAsync("NightWatchWorker")); // the name the loop used before it moved
        Assert.False(await new WorkLeases(Database.Factory, Clock, InstanceB).TryTakeAsync("NightWatchWorker", TimeSpan.FromSeconds(60)));
    }

    private sealed class ScriptedWorker(Func<int, string?> tick, ILogger logger, TimeProvider time) : TickWorker(logger, time)
    {
        private readonly Channel<int> ticks = Channel.CreateUnbounded<int>();

        public bool AtStart { get; init; }
        public bool On { get; init; } = true;
        public int Ticks { get; private set; }

        protected override TimeSpan Interval => TimeSpan.FromSeconds(10);
        protected override bool TickAtStart => AtStart;
        protected override bool Enabled => On;

        public void Wake() => WakeUp();

        protected override Task<string?> TickAsync(CancellationToken ct)
        {
            var n = ++Ticks;
            ticks.Writer.TryWrite(n);
            return Task.FromResult(tick(n));
        }

        /// <summary>Moves the clock on an interval at a time until the next tick ran.</summary>
        public async Task<int> NextTickAsync(FakeTimeProvider clock)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            int n;
            while (!ticks.Reader.TryRead(out n))
            {
                clock.Advance(Interval);
                await Task.Delay(10, deadline.Token);
            }
            return n;
        }

        /// <summary>The next tick, without moving the clock.</summary>
        public async Task<int> WaitForTickAsync()
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await ticks.Reader.ReadAsync(deadline.Token);
        }
    }

    private sealed class LeasedWorker(WorkLeases leases, TimeProvider time) : LeasedTickWorker(leases, new ListLogger(), time)
    {
        public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

        public int Ticks { get; private set; }

        protected override TimeSpan Interval => Every;

        protected override Task<string?> TickAsync(CancellationToken ct)
        {
            Ticks++;
            return Task.FromResult<string?>(null);
        }
    }
}

/// <summary>A logger that keeps what it was told.</summary>
public class ListLogger : ILogger
{
    private readonly Lock gate = new();
    private readonly List<(LogLevel Level, string Message, Exception? Exception)> entries = [];

    public IReadOnlyList<(LogLevel Level, string Message, Exception? Exception)> Entries
    {
        get
        {
            lock (gate)
                return [.. entries];
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (gate)
            entries.Add((logLevel, formatter(state, exception), exception));
    }
}

public sealed class ListLogger<T> : ListLogger, ILogger<T>;

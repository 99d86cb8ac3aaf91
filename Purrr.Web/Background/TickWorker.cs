namespace Purrr.Web.Background;

/// <summary>
/// The one loop of every periodic hosted job: calls <see cref="TickAsync"/> every <see cref="Interval"/> on this instance
/// (a per-instance sweep; <see cref="LeasedTickWorker"/> for once-per-world ticks). What a tick did is logged; a failed
/// tick is logged and tried again at the next one; stopping ends the loop quietly. Ticks keep a fixed rate (the next is
/// due an interval after the last one started, at once if that one took longer); <see cref="WakeUp"/> brings it forward.
/// </summary>
public abstract class TickWorker(ILogger logger, TimeProvider? time = null) : BackgroundService
{
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim wake = new(0, 1);

    protected ILogger Logger { get; } = logger;

    /// <summary>The job's name in the log (and its lease): the worker's class name.</summary>
    protected string Job => GetType().Name;

    protected abstract TimeSpan Interval { get; }

    /// <summary>Tick once right at start (work that fell due while the app was stopped) instead of an interval later.</summary>
    protected virtual bool TickAtStart => false;

    /// <summary>False: the job does nothing on this instance (read once, at start).</summary>
    protected virtual bool Enabled => true;

    /// <summary>How what a tick did is logged.</summary>
    protected virtual LogLevel DoneLevel => LogLevel.Information;

    /// <summary>One tick: what it did, worded for the log, or null when there was nothing to do.</summary>
    protected abstract Task<string?> TickAsync(CancellationToken ct);

    /// <summary>Subscriptions that call <see cref="WakeUp"/>, held while the loop runs.</summary>
    protected virtual IDisposable? Listen() => null;

    /// <summary>Runs the next tick now instead of waiting for the interval (several calls before it runs make one tick).</summary>
    protected void WakeUp()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already woken: the coming tick covers this call too
        }
        catch (ObjectDisposedException)
        {
            // stopped
        }
    }

    /// <summary>How one tick runs: straight here; <see cref="LeasedTickWorker"/> asks for the lease first.</summary>
    protected virtual Task<string?> RunTickAsync(TimeSpan interval, CancellationToken ct) => TickAsync(ct);

    /// <summary>One tick with its logging, as the loop runs it: whether it completed (false: it failed and was logged).</summary>
    public async Task<bool> TickOnceAsync(CancellationToken ct = default)
    {
        var interval = Interval;
        try
        {
            if (await RunTickAsync(interval, ct) is { } done)
                Logger.Log(DoneLevel, "{Job}: {Done}", Job, done);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Logger.LogError(e, "{Job} tick failed; trying again in {Interval}.", Job, interval);
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return;
        var interval = Interval;
        using var listening = Listen();
        if (!TickAtStart && !await WaitAsync(interval, stoppingToken))
            return;
        do
        {
            var started = time.GetTimestamp();
            try
            {
                await TickOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var left = interval - time.GetElapsedTime(started);
            if (!await WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, stoppingToken))
                return;
        }
        while (true);
    }

    /// <summary>Waits <paramref name="delay"/> or until woken; false once stopping.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        if (delay > TimeSpan.Zero)
        {
            using var done = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var sleep = Task.Delay(delay, time, done.Token);
            var woken = wake.WaitAsync(done.Token);
            await Task.WhenAny(sleep, woken);
            await done.CancelAsync();
            await Task.WhenAll(sleep, woken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        return !stoppingToken.IsCancellationRequested;
    }

    public override void Dispose()
    {
        base.Dispose();
        wake.Dispose();
    }
}

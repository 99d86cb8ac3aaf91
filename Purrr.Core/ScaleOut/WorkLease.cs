using Microsoft.EntityFrameworkCore;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.ScaleOut;

/// <summary>Who runs a background job's ticks now (one row per job), and until when unless they renew.</summary>
public sealed class WorkLease
{
    private WorkLease() { } // for EF Core

    public string Job { get; private set; } = "";
    public string Holder { get; private set; } = "";
    public DateTimeOffset Until { get; private set; }

    internal static WorkLease Take(string job, string holder, DateTimeOffset until) => new() { Job = job, Holder = holder, Until = until };
}

/// <summary>
/// Run-once for background ticks when several app instances share one database: before each tick a worker asks
/// <see cref="TryTakeAsync"/>, and only the instance holding the job's lease runs it. The holder renews at each tick and
/// keeps the lease for two of its intervals, so another instance takes over only after the holder missed two ticks
/// (it stopped or hangs). One conditional UPDATE per tick; works on one instance alone too (it always wins).
/// Wrapping a worker's tick is one line: <c>var done = await leases.RunAsync(nameof(MyWorker), interval, service.TickAsync, ct);</c>
/// (the tick's result, or default when another instance holds the lease).
/// </summary>
public sealed class WorkLeases(IPurrrDbFactory dbFactory, TimeProvider clock, AppInstance instance)
{
    /// <summary>Runs <paramref name="tick"/> when this instance holds the job's lease; default (nothing done) otherwise.</summary>
    public async Task<T?> RunAsync<T>(string job, TimeSpan every, Func<CancellationToken, Task<T>> tick, CancellationToken ct = default) =>
        await TryTakeAsync(job, every, ct) ? await tick(ct) : default;

    /// <summary>Runs <paramref name="tick"/> when this instance holds the job's lease; whether it ran.</summary>
    public async Task<bool> RunAsync(string job, TimeSpan every, Func<CancellationToken, Task> tick, CancellationToken ct = default)
    {
        if (!await TryTakeAsync(job, every, ct))
            return false;
        await tick(ct);
        return true;
    }

    /// <summary>Whether this instance runs the <paramref name="job"/> tick now (it holds, renewed, or took the lease).</summary>
    public async Task<bool> TryTakeAsync(string job, TimeSpan every, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var until = now + every * 2;
        await using var db = await dbFactory.CreateAsync(ct);
        var renewed = await db.WorkLeases
            .Where(l => l.Job == job && (l.Holder == instance.Id || l.Until <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, instance.Id).SetProperty(l => l.Until, until), ct);
        if (renewed == 1)
            return true;
        if (await db.WorkLeases.AnyAsync(l => l.Job == job, ct))
            return false; // another instance holds it
        db.WorkLeases.Add(WorkLease.Take(job, instance.Id, until));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance took the first lease at the same moment
        }
    }

    /// <summary>The instance holding the job's lease now, if any (admin and tests).</summary>
    public async Task<string?> HolderAsync(string job, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.WorkLeases.Where(l => l.Job == job && l.Until > now).Select(l => l.Holder).FirstOrDefaultAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Moderation;
using Purrr.Core.Persistence;

namespace Purrr.Core.Admin;

/// <summary>
/// The one way to read and switch feature flags. Reads come from memory; a switch saves the flag and its audit entry
/// together, drops the cached copy and publishes <see cref="FeatureFlagChanged"/> (which also makes every other instance
/// on a shared bus drop theirs).
/// </summary>
public sealed class FeatureFlags
{
    public const string AuditAction = "feature-flag.switch";

    private readonly IPurrrDbFactory dbFactory;
    private readonly TimeProvider clock;
    private readonly IEventBus bus;
    private readonly Lock gate = new();
    private IReadOnlyDictionary<Feature, bool>? cached;
    private long generation; // bumped by every change, so a read that raced a change does not cache stale flags

    public FeatureFlags(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
    {
        this.dbFactory = dbFactory;
        this.clock = clock;
        this.bus = bus;
        // A switch made on another instance arrives over the (shared) bus: forget our copy, read again next time.
        // One subscription for the life of the app (the service is a singleton).
        bus.Subscribe<FeatureFlagChanged>(_ => { Invalidate(); return Task.CompletedTask; });
    }

    public async ValueTask<bool> IsOnAsync(Feature feature, CancellationToken ct = default) => (await CurrentAsync(ct))[feature];

    /// <summary>Null when the feature is on; otherwise the message that refuses what needs it.</summary>
    public async ValueTask<Problem?> WhyOffAsync(Feature feature, CancellationToken ct = default) =>
        await IsOnAsync(feature, ct) ? null : new Problem($"{Features.Name(feature)} is switched off for now. Everything you have is kept; check back later.");

    public async Task<IReadOnlyList<FeatureFlagView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await db.FeatureFlags.AsNoTracking().ToListAsync(ct);
        var adminIds = rows.Select(r => r.UpdatedById).Distinct().ToList();
        var names = await db.Players.AsNoTracking().Where(p => adminIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        return [.. Features.All.Select(feature => rows.FirstOrDefault(r => r.Feature == feature) is { } row
            ? new FeatureFlagView(feature, Features.Name(feature), Features.Description(feature), row.Enabled, row.UpdatedAt, names.GetValueOrDefault(row.UpdatedById))
            : new FeatureFlagView(feature, Features.Name(feature), Features.Description(feature), Features.OnByDefault(feature), null, null))];
    }

    /// <summary>Switches a feature on or off for everyone, audited as the admin's action. Switching to the current state changes nothing.</summary>
    public async Task<Result<FeatureFlagView>> SetAsync(Feature feature, bool enabled, UserId admin, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(feature))
            return Result<FeatureFlagView>.Failure("Choose night watch, crypto or blockchain.");
        var saved = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            var row = await db.FeatureFlags.FirstOrDefaultAsync(f => f.Feature == feature, ct);
            var before = row?.Enabled ?? Features.OnByDefault(feature);
            if (before == enabled)
                return Result<bool>.Success(false);
            if (row is null)
                db.FeatureFlags.Add(FeatureFlag.Create(feature, enabled, admin, now));
            else
                row.Switch(enabled, admin, now);
            db.AuditLog.Add(AuditEntry.Of(admin, AuditAction, nameof(FeatureFlag), feature.ToString(),
                $"{Features.Name(feature)}: {OnOff(before)} → {OnOff(enabled)}", now));
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        });
        if (!saved.Succeeded)
            return Result<FeatureFlagView>.Failure(saved.Problems);
        if (saved.Value)
        {
            Invalidate();
            bus.Publish(new FeatureFlagChanged(feature, enabled));
        }
        return (await ListAsync(ct)).First(f => f.Feature == feature);
    }

    private static string OnOff(bool on) => on ? "on" : "off";

    private async ValueTask<IReadOnlyDictionary<Feature, bool>> CurrentAsync(CancellationToken ct)
    {
        long readGeneration;
        lock (gate)
        {
            if (cached is not null)
                return cached;
            readGeneration = generation;
        }
        await using var db = await dbFactory.CreateAsync(ct);
        var stored = await db.FeatureFlags.AsNoTracking().ToDictionaryAsync(f => f.Feature, f => f.Enabled, ct);
        var flags = Features.All.ToDictionary(f => f, f => stored.TryGetValue(f, out var on) ? on : Features.OnByDefault(f));
        lock (gate)
        {
            if (generation == readGeneration)
                cached = flags;
        }
        return flags;
    }

    private void Invalidate()
    {
        lock (gate)
        {
            generation++;
            cached = null;
        }
    }
}

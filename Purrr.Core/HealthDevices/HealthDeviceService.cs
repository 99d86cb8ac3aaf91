using Microsoft.EntityFrameworkCore;
using Purrr.Core.Api;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.HealthDevices;

/// <summary>A device as its owner sees it: never the key, only its first characters.</summary>
public sealed record HealthDeviceView(Guid Id, CatId Cat, HealthDeviceType Type, string Serial, string KeyPrefix, DateTimeOffset CreatedAt,
    DateTimeOffset? LastReadingAt, DateTimeOffset? RevokedAt)
{
    public static HealthDeviceView Of(HealthDevice d) => new(d.Id, d.CatId, d.Type, d.Serial, d.KeyPrefix, d.CreatedAt, d.LastReadingAt, d.RevokedAt);

    public string TypeName => HealthDeviceRules.NameOf(Type);

    public bool IsActive => RevokedAt is null;
}

/// <summary>A device just registered: <see cref="Key"/> is shown to the player this once and stored nowhere.</summary>
public sealed record NewHealthDevice(string Key, HealthDeviceView Device);

/// <summary>Whom a valid device key speaks for.</summary>
public sealed record DeviceIdentity(Guid Device, UserId Owner);

/// <summary>What a batch did: readings stored now, and readings already stored by an earlier send (skipped).</summary>
public sealed record PushReport(int Stored, int AlreadyStored);

/// <summary>New readings for a cat: its open health tab redraws the charts.</summary>
public sealed record HealthReadingsAdded(CatId Cat) : ITopicEvent
{
    public string Topic => TopicOf(Cat);

    public static string TopicOf(CatId cat) => $"health:{cat}";
}

/// <summary>Registering and revoking a cat's health devices, taking their readings, and raising weight alerts.</summary>
public sealed class HealthDeviceService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    public const string DeviceKeyPrefix = "pd_";

    public async Task<Result<NewHealthDevice>> RegisterAsync(UserId owner, DeviceRegistration registration, CancellationToken ct = default)
    {
        var problems = HealthDeviceRules.CheckRegistration(registration);
        if (problems.Count > 0)
            return Result<NewHealthDevice>.Failure(problems);
        HealthDeviceRules.TryParseType(registration.Type, out var type);
        var serial = registration.Serial!.Trim();

        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Cats.AnyAsync(c => c.Id == registration.Cat && c.OwnerId == owner, ct))
            return Result<NewHealthDevice>.Failure("Choose one of your own cats.", "cat");
        var active = await db.HealthDevices.Where(d => d.OwnerId == owner && d.RevokedAt == null).Select(d => new { d.CatId, d.Serial }).ToListAsync(ct);
        if (active.Any(d => string.Equals(d.Serial, serial, StringComparison.OrdinalIgnoreCase)))
            return Result<NewHealthDevice>.Failure($"A device with the id \"{serial}\" is already registered. Revoke it first to register it again.", "serial");
        if (active.Count(d => d.CatId == registration.Cat) >= HealthDeviceRules.MaxActiveDevicesPerCat)
            return Result<NewHealthDevice>.Failure($"A cat can have at most {HealthDeviceRules.MaxActiveDevicesPerCat} devices. Revoke one first.");

        // The key is a secret: the system's cryptographic generator and the API keys' hash, never a seeded source.
        var key = DeviceKeyPrefix + ApiKeyRules.NewKey()[ApiKeyRules.KeyPrefix.Length..];
        var device = HealthDevice.Create(owner, registration.Cat, type, serial, key[..HealthDevice.KeyPrefixLength], ApiKeyRules.HashOf(key), clock.GetUtcNow());
        db.HealthDevices.Add(device);
        await db.SaveChangesAsync(ct);
        return new NewHealthDevice(key, HealthDeviceView.Of(device));
    }

    /// <summary>The cat's devices, active first, then newest first; only its owner sees them.</summary>
    public async Task<IReadOnlyList<HealthDeviceView>> ListAsync(UserId owner, CatId cat, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var devices = await db.HealthDevices.AsNoTracking().Where(d => d.OwnerId == owner && d.CatId == cat).ToListAsync(ct);
        return [.. devices.OrderBy(d => d.RevokedAt is not null).ThenByDescending(d => d.CreatedAt).Select(HealthDeviceView.Of)];
    }

    /// <summary>One of the player's devices, or null: someone else's device is as missing as one that never existed.</summary>
    public async Task<HealthDeviceView?> FindAsync(UserId owner, Guid device, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var found = await db.HealthDevices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == device && d.OwnerId == owner, ct);
        return found is null ? null : HealthDeviceView.Of(found);
    }

    public async Task<Result<HealthDeviceView>> RevokeAsync(UserId owner, Guid deviceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var device = await db.HealthDevices.FirstOrDefaultAsync(d => d.Id == deviceId && d.OwnerId == owner, ct);
        if (device is null)
            return Result<HealthDeviceView>.Failure("That device doesn't exist.");
        device.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return HealthDeviceView.Of(device);
    }

    /// <summary>The device behind <paramref name="key"/>, or why it is refused.</summary>
    public async Task<Result<DeviceIdentity>> AuthenticateAsync(string? key, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(key) || !key.StartsWith(DeviceKeyPrefix, StringComparison.Ordinal) || key.Length > 100)
            return Result<DeviceIdentity>.Failure("The device key is not valid.");
        var hash = ApiKeyRules.HashOf(key.Trim());
        await using var db = await dbFactory.CreateAsync(ct);
        var device = await db.HealthDevices.AsNoTracking().Where(d => d.KeyHash == hash).Select(d => new { d.Id, d.OwnerId, d.RevokedAt }).FirstOrDefaultAsync(ct);
        if (device is null)
            return Result<DeviceIdentity>.Failure("The device key is not valid.");
        if (device.RevokedAt is not null)
            return Result<DeviceIdentity>.Failure("This device was revoked; register it again for a new key.");
        return new DeviceIdentity(device.Id, device.OwnerId);
    }

    /// <summary>
    /// Stores a batch from one of <paramref name="owner"/>'s devices. All or nothing: a batch with any bad reading stores
    /// nothing and lists every problem. Readings whose id the device already sent are skipped (a retried batch stores
    /// nothing twice). The cat's weight alert is raised or ended in the same save, and fresh activity ends a silence alert.
    /// </summary>
    public async Task<Result<PushReport>> PushAsync(UserId owner, Guid deviceId, IReadOnlyList<DeviceReading?>? readings, CancellationToken ct = default)
    {
        var notified = new List<UserId>();
        var result = await Conflicts.RetryAsync(async () =>
        {
            notified.Clear();
            await using var db = await dbFactory.CreateAsync(ct);
            var device = await db.HealthDevices.FirstOrDefaultAsync(d => d.Id == deviceId && d.OwnerId == owner, ct);
            if (device is null)
                return Result<PushReport>.Failure("That device doesn't exist.");
            if (device.RevokedAt is not null)
                return Result<PushReport>.Failure("This device was revoked; register it again for a new key.");
            var now = clock.GetUtcNow();
            var problems = HealthDeviceRules.CheckBatch(readings, device.Type, now);
            if (problems.Count > 0)
                return Result<PushReport>.Failure(problems);

            var batch = readings!.Select(r => r!).ToList();
            var ids = batch.Select(r => r.Id!.Trim()).ToList();
            var known = (await db.HealthReadings.Where(r => r.DeviceId == device.Id && ids.Contains(r.ReadingId)).Select(r => r.ReadingId).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var fresh = batch.Where(r => !known.Contains(r.Id!.Trim())).Select(r => HealthReading.Create(device, r, now)).ToList();
            if (fresh.Count == 0)
                return new PushReport(0, batch.Count);

            db.HealthReadings.AddRange(fresh);
            device.Received(now);
            var catName = await db.Cats.Where(c => c.Id == device.CatId).Select(c => c.Name).FirstAsync(ct);
            if (fresh.Any(r => r.WeightGrams is not null) && await UpdateWeightAlertAsync(db, device, catName, fresh, now, ct))
                notified.Add(owner);
            if (fresh.Any(r => r.IsActivity))
                await db.HealthAlerts.Where(a => a.CatId == device.CatId && a.Kind == HealthAlertKind.NoActivity && a.EndedAt == null)
                    .ForEachAsync(a => a.End(now), ct);
            await db.SaveChangesAsync(ct);
            return new PushReport(fresh.Count, batch.Count - fresh.Count);
        });
        if (result.Succeeded && result.Value.Stored > 0)
        {
            Notify.Announce(bus, notified);
            if (await CatOfAsync(deviceId, ct) is { } cat)
                bus.Publish(new HealthReadingsAdded(cat));
        }
        return result;
    }

    /// <summary>Opens the weight alert when the cat's latest weight differs by more than 10% from the earliest of the two weeks before it; ends it when it no longer does. True when the owner was notified.</summary>
    private static async Task<bool> UpdateWeightAlertAsync(IPurrrDb db, HealthDevice device, string catName, IReadOnlyList<HealthReading> fresh,
        DateTimeOffset now, CancellationToken ct)
    {
        var cat = device.CatId;
        var storedLatest = await db.HealthReadings.Where(r => r.CatId == cat && r.WeightGrams != null).MaxAsync(r => (DateTimeOffset?)r.TakenAt, ct);
        var freshWeights = fresh.Where(r => r.WeightGrams is not null).ToList();
        var latestAt = freshWeights.Max(r => r.TakenAt);
        if (storedLatest is { } stored && stored > latestAt)
            latestAt = stored;
        var from = latestAt - HealthDeviceRules.WeightWindow;
        var window = await db.HealthReadings.Where(r => r.CatId == cat && r.WeightGrams != null && r.TakenAt >= from && r.TakenAt <= latestAt)
            .Select(r => new { r.TakenAt, Grams = r.WeightGrams!.Value }).ToListAsync(ct);
        window.AddRange(freshWeights.Where(r => r.TakenAt >= from).Select(r => new { r.TakenAt, Grams = r.WeightGrams!.Value }));
        var earliest = window.MinBy(w => w.TakenAt)!;
        var latest = window.MaxBy(w => w.TakenAt)!;
        var (change, alerts) = HealthDeviceRules.WeightChange(earliest.Grams, latest.Grams);

        var open = await db.HealthAlerts.FirstOrDefaultAsync(a => a.CatId == cat && a.Kind == HealthAlertKind.WeightChange && a.EndedAt == null, ct);
        if (!alerts)
        {
            open?.End(now);
            return false;
        }
        if (open is not null)
            return false;
        var text = HealthDeviceRules.WeightAlertText(catName, earliest.Grams, latest.Grams, change);
        db.HealthAlerts.Add(HealthAlert.Open(device.OwnerId, cat, HealthAlertKind.WeightChange, text, now));
        return await Notify.AddAsync(db, device.OwnerId, NotificationType.HealthAlert, text, CatHealthService.LinkTo(cat), null, now, ct);
    }

    private async Task<CatId?> CatOfAsync(Guid device, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.HealthDevices.Where(d => d.Id == device).Select(d => (CatId?)d.CatId).FirstOrDefaultAsync(ct);
    }
}

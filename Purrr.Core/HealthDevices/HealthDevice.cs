using Purrr.Core.Common;

namespace Purrr.Core.HealthDevices;

/// <summary>The devices Purrr accepts readings from (the seed's list); anything else is refused.</summary>
public enum HealthDeviceType { CollarSensor, WeightScale, ActivityTracker }

/// <summary>
/// A player's health device for one of their cats. Only the SHA-256 hash of its key is stored (as for API keys); the
/// key is shown once, when the device is registered. A revoked device keeps its readings but can no longer push.
/// </summary>
public sealed class HealthDevice
{
    public const int SerialMaxLength = 64;
    public const int KeyPrefixLength = 10;

    private HealthDevice() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId OwnerId { get; private set; }
    public CatId CatId { get; private set; }
    public HealthDeviceType Type { get; private set; }

    /// <summary>The device's own id as printed on it (a serial number), as the player typed it.</summary>
    public string Serial { get; private set; } = "";

    public string KeyPrefix { get; private set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole key (<see cref="Api.ApiKeyRules.HashOf"/>).</summary>
    public string KeyHash { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastReadingAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    internal static HealthDevice Create(UserId owner, CatId cat, HealthDeviceType type, string serial, string keyPrefix, string keyHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = owner,
        CatId = cat,
        Type = type,
        Serial = serial,
        KeyPrefix = keyPrefix,
        KeyHash = keyHash,
        CreatedAt = now,
    };

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    internal void Received(DateTimeOffset now) => LastReadingAt = now;
}

/// <summary>
/// One measurement a device sent. <see cref="ReadingId"/> is the device's own id for it: a batch sent twice stores each
/// reading once (unique per device). Steps and active minutes count the interval that ended at <see cref="TakenAt"/>.
/// </summary>
public sealed class HealthReading
{
    public const int ReadingIdMaxLength = 64;

    private HealthReading() { } // for EF Core

    public long Id { get; private set; }
    public Guid DeviceId { get; private set; }
    public UserId OwnerId { get; private set; }
    public CatId CatId { get; private set; }
    public string ReadingId { get; private set; } = "";
    public DateTimeOffset TakenAt { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public int? WeightGrams { get; private set; }
    public int? Steps { get; private set; }
    public int? ActiveMinutes { get; private set; }
    public double? TemperatureC { get; private set; }

    public bool IsActivity => Steps is not null || ActiveMinutes is not null;

    internal static HealthReading Create(HealthDevice device, DeviceReading reading, DateTimeOffset now) => new()
    {
        DeviceId = device.Id,
        OwnerId = device.OwnerId,
        CatId = device.CatId,
        ReadingId = reading.Id!.Trim(),
        TakenAt = reading.TakenAt!.Value,
        ReceivedAt = now,
        WeightGrams = reading.WeightGrams,
        Steps = reading.Steps,
        ActiveMinutes = reading.ActiveMinutes,
        TemperatureC = reading.TemperatureC is { } t ? Math.Round(t, 2) : null,
    };
}

public enum HealthAlertKind { WeightChange, NoActivity }

/// <summary>
/// One episode of a health alert for a cat: opened (and the owner notified) when the condition starts, ended when it
/// clears. While one is open the same condition notifies nobody again.
/// </summary>
public sealed class HealthAlert
{
    public const int TextMaxLength = 300;

    private HealthAlert() { } // for EF Core

    public long Id { get; private set; }
    public UserId OwnerId { get; private set; }
    public CatId CatId { get; private set; }
    public HealthAlertKind Kind { get; private set; }
    public string Text { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    internal static HealthAlert Open(UserId owner, CatId cat, HealthAlertKind kind, string text, DateTimeOffset now) => new()
    {
        OwnerId = owner,
        CatId = cat,
        Kind = kind,
        Text = text.Length > TextMaxLength ? text[..TextMaxLength] : text,
        StartedAt = now,
    };

    internal void End(DateTimeOffset now) => EndedAt ??= now;
}

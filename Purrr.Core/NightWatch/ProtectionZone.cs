using Purrr.Core.Common;

namespace Purrr.Core.NightWatch;

/// <summary>A protection zone a player built on the map; every player sees it.</summary>
public sealed class ProtectionZone
{
    private ProtectionZone() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId OwnerId { get; private set; }
    public ZoneType Type { get; private set; }
    public string Name { get; private set; } = "";
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public int RadiusMeters { get; private set; }
    public bool IsHomeBase { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public GeoPoint Center => new(Latitude, Longitude);

    public ZoneFootprint Footprint => new(Center, RadiusMeters, Type, OwnerId);

    internal static ProtectionZone Build(UserId owner, ZoneType type, string name, GeoPoint center, int radius, DateTimeOffset now, bool isHomeBase = false) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerId = owner,
        Type = type,
        Name = name,
        Latitude = center.Latitude,
        Longitude = center.Longitude,
        RadiusMeters = radius,
        IsHomeBase = isHomeBase,
        CreatedAt = now,
    };

    internal void MoveTo(GeoPoint center)
    {
        Latitude = center.Latitude;
        Longitude = center.Longitude;
    }
}

public enum NightEventKind { PatrolStarted, Encounter, Strays, EmergencyAlert, PatrolEnded }

/// <summary>Something that happened on a patrol, stored for the map, the feed and the history.</summary>
public sealed class NightWatchEvent
{
    public const int TextMaxLength = 300;

    private NightWatchEvent() { } // for EF Core

    public long Id { get; private set; }
    public Guid PatrolId { get; private set; }
    public UserId PlayerId { get; private set; }
    public NightEventKind Kind { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public ThreatLevel? Threat { get; private set; }
    public bool Deterred { get; private set; }
    public string Text { get; private set; } = "";

    internal static NightWatchEvent Of(Patrol patrol, NightEventKind kind, GeoPoint at, DateTimeOffset when, string text, ThreatLevel? threat = null, bool deterred = false) => new()
    {
        PatrolId = patrol.Id,
        PlayerId = patrol.PlayerId,
        Kind = kind,
        Latitude = at.Latitude,
        Longitude = at.Longitude,
        OccurredAt = when,
        Threat = threat,
        Deterred = deterred,
        Text = text.Length > TextMaxLength ? text[..TextMaxLength] : text,
    };
}

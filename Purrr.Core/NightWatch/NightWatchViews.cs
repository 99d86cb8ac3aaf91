using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Genetics;

namespace Purrr.Core.NightWatch;

public sealed record ZoneView(Guid Id, ZoneType Type, string Name, double Latitude, double Longitude, int RadiusMeters, UserId OwnerId, string OwnerName, bool IsHomeBase);

public sealed record CatMarker(Guid PatrolId, CatId CatId, string CatName, string OwnerName, PatrolRole Role, double Latitude, double Longitude, Genome Genome);

public sealed record MapEvent(long Id, NightEventKind Kind, double Latitude, double Longitude, DateTimeOffset At, string Text, ThreatLevel? Threat, bool Deterred, UserId PlayerId);

/// <summary>What a player's map shows: everything within <paramref name="Meters"/> of their home.</summary>
public sealed record NeighbourhoodMap(GeoPoint Center, int Meters, bool HasHome, IReadOnlyList<ZoneView> Zones, IReadOnlyList<CatMarker> Cats, IReadOnlyList<MapEvent> Events)
{
    public bool Covers(GeoPoint point) => Center.DistanceTo(point) <= Meters;

    /// <summary>Whether a change of zones at <paramref name="point"/> can show on this map (a zone reaches up to 1 km).</summary>
    public bool IsAffectedBy(NeighbourhoodChanged change) => Center.DistanceTo(change.Near) <= Meters + ZoneSpecs.MaxRadius;

    /// <summary>This map after a tick: the tick's events in the neighbourhood, newest first, and where its cats are now.</summary>
    public (NeighbourhoodMap Map, IReadOnlyList<MapEvent> News) After(NightWatchTicked tick)
    {
        var news = tick.Events.Where(e => Covers(new GeoPoint(e.Latitude, e.Longitude))).Reverse().ToList();
        var cats = tick.Cats.Where(c => Covers(new GeoPoint(c.Latitude, c.Longitude))).ToList();
        return (this with { Cats = cats, Events = [.. news.Concat(Events).Take(MaxEvents)] }, news);
    }

    /// <summary>How many recent events a map keeps.</summary>
    public const int MaxEvents = 30;
}

/// <summary>One of the player's cats for the deploy panel: its suggested role, how strong it is there, and why it can't go (if so).</summary>
public sealed record DeployCandidate(CatSummary Cat, PatrolRole SuggestedRole, string? Unavailable)
{
    public double StrengthAs(PatrolRole role) => PatrolRoles.Strength(role, Cat.Personality);
}

public sealed record PatrolCatView(CatId CatId, string Name, Genome Genome, PatrolRole Role, double Strength, int Xp, int Deterrences);

public sealed record PatrolView(
    Guid Id,
    DateTimeOffset StartedAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? EndedAt,
    PatrolStatus Status,
    IReadOnlyList<PatrolCatView> Cats,
    int Encounters,
    int Deterrences,
    int StraysRescued,
    int StraysSheltered,
    int StraysLost,
    int XpEarned)
{
    public int StraysSaved => StraysRescued + StraysSheltered;
}

public sealed record NightWatchStatus(
    TimeZoneInfo TimeZone,
    bool IsNight,
    DateTimeOffset NightStartsAt,
    DateTimeOffset Dawn,
    GeoPoint? Home,
    PatrolView? ActivePatrol,
    PatrolView? LastNight,
    IReadOnlyList<DeployCandidate> Candidates)
{
    /// <summary>A moment as the player's clock shows it.</summary>
    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);

    /// <summary>Whether night has begun or ended since this status was read, so it must be read again.</summary>
    public bool IsOutdatedAt(DateTimeOffset now) => now >= (IsNight ? Dawn : NightStartsAt);
}

public sealed record NightWatchStats(int Patrols, int Encounters, int Deterrences, int StraysRescued, int StraysSheltered, int XpEarned)
{
    public int StraysSaved => StraysRescued + StraysSheltered;
}

public sealed record DeployRequest(CatId Cat, PatrolRole? Role = null);

public sealed record ZoneRequest(ZoneType Type, string? Name, double Latitude, double Longitude, int RadiusMeters, bool UseKit = false);

// Live events on the bus.

/// <summary>A tick happened: new events and where every patrolling cat now is. Maps keep what falls in their neighbourhood.</summary>
public sealed record NightWatchTicked(DateTimeOffset At, IReadOnlyList<MapEvent> Events, IReadOnlyList<CatMarker> Cats);

/// <summary>Zones or patrols changed near a point.</summary>
public sealed record NeighbourhoodChanged(GeoPoint Near);

/// <summary>A critical threat inside one of <paramref name="Recipient"/>'s community alert zones.</summary>
public sealed record EmergencyAlertRaised(UserId Recipient, MapEvent Event);

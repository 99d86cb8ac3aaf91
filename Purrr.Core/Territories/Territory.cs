using Purrr.Core.Common;

namespace Purrr.Core.Territories;

/// <summary>A spot on the neighbourhood map a cat holds: a circle of <see cref="TerritoryRules.RadiusMeters"/> around a point.</summary>
public sealed class Territory
{
    private Territory() { } // for EF Core

    public Guid Id { get; private set; }
    public TerritoryType Type { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }

    public CatId CatId { get; private set; }
    public UserId OwnerId { get; private set; }

    /// <summary>When the current holder took it (claimed, won or handed over).</summary>
    public DateTimeOffset HeldSince { get; private set; }

    /// <summary>Until then nobody may challenge it: its owner lost a challenge lately (24 hours).</summary>
    public DateTimeOffset? ProtectedUntil { get; private set; }

    /// <summary>Optimistic concurrency: a challenge settled twice at once changes hands once.</summary>
    public int Version { get; private set; }

    public GeoPoint Center => new(Latitude, Longitude);

    public bool IsProtectedAt(DateTimeOffset now) => ProtectedUntil > now;

    internal static Territory Claim(CatId cat, UserId owner, TerritoryType type, GeoPoint at, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Type = type,
        Latitude = at.Latitude,
        Longitude = at.Longitude,
        CatId = cat,
        OwnerId = owner,
        HeldSince = now,
    };

    internal void HandOver(CatId cat, UserId owner, DateTimeOffset now)
    {
        CatId = cat;
        OwnerId = owner;
        HeldSince = now;
        ProtectedUntil = null;
        Version++;
    }

    internal void Protect(DateTimeOffset until)
    {
        ProtectedUntil = until;
        Version++;
    }
}

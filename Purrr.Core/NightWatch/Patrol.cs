using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.NightWatch;

public enum PatrolStatus { Active, Recalled, Completed }

/// <summary>A night's patrol of up to 10 cats around their owner's home; it ends at dawn or when recalled.</summary>
public sealed class Patrol
{
    public const int MaxCats = 10;

    private Patrol() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId PlayerId { get; private set; }
    public double Latitude { get; private set; }
    public double Longitude { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public PatrolStatus Status { get; private set; }
    public int Encounters { get; private set; }
    public int Deterrences { get; private set; }
    public int StraysRescued { get; private set; }
    public int StraysSheltered { get; private set; }
    public int StraysLost { get; private set; }
    public int XpEarned { get; private set; }

    /// <summary>Optimistic concurrency: a recall and a tick racing cannot both win.</summary>
    public int Version { get; private set; }

    public GeoPoint Center => new(Latitude, Longitude);

    public int StraysSaved => StraysRescued + StraysSheltered;

    internal static Patrol Start(UserId player, GeoPoint center, DateTimeOffset now, DateTimeOffset dawn) => new()
    {
        Id = Guid.CreateVersion7(),
        PlayerId = player,
        Latitude = center.Latitude,
        Longitude = center.Longitude,
        StartedAt = now,
        EndsAt = dawn,
        Status = PatrolStatus.Active,
    };

    internal void Record(PatrolTick tick)
    {
        if (tick.Encounter)
            Encounters++;
        if (tick.Deterred)
            Deterrences++;
        StraysRescued += tick.StraysRescued;
        StraysSheltered += tick.StraysSheltered;
        StraysLost += tick.StraysLost;
        XpEarned += tick.Xp.Sum();
        Version++;
    }

    internal void End(PatrolStatus status, DateTimeOffset at)
    {
        Status = status;
        EndedAt = at;
        Version++;
    }

    /// <summary>Whether the cat is out on a patrol now (it cannot play a game meanwhile).</summary>
    public static Task<bool> IsOutAsync(IPurrrDb db, CatId cat, CancellationToken ct) =>
        db.PatrolCats.AnyAsync(pc => pc.CatId == cat && db.Patrols.Any(p => p.Id == pc.PatrolId && p.Status == PatrolStatus.Active), ct);
}

/// <summary>A cat in a patrol, with its role and what it earned on this patrol.</summary>
public sealed class PatrolCat
{
    private PatrolCat() { } // for EF Core

    public Guid PatrolId { get; private set; }
    public CatId CatId { get; private set; }
    public PatrolRole Role { get; private set; }

    /// <summary>Order in the patrol: where it walks, and its slot in each tick.</summary>
    public int Position { get; private set; }

    public int XpEarned { get; private set; }
    public int Deterrences { get; private set; }

    internal static PatrolCat Join(Patrol patrol, CatId cat, PatrolRole role, int position) =>
        new() { PatrolId = patrol.Id, CatId = cat, Role = role, Position = position };

    internal void Record(int xp, bool deterred)
    {
        XpEarned += xp;
        if (deterred)
            Deterrences++;
    }
}

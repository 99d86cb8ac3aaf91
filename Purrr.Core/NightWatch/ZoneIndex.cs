using Purrr.Core.Common;

namespace Purrr.Core.NightWatch;

/// <summary>A zone as the simulation needs it.</summary>
public readonly record struct ZoneFootprint(GeoPoint Center, int RadiusMeters, ZoneType Type, UserId Owner);

/// <summary>
/// Zones bucketed on a grid of ~1 km cells, each zone in every cell its circle touches, so "which zones cover this
/// point" looks at one cell instead of every zone in the world.
/// </summary>
public sealed class ZoneIndex
{
    private const double CellDegrees = 0.01; // ≈1.1 km of latitude
    private const double MetersPerDegree = 111_320;
    private readonly Dictionary<(int, int), List<ZoneFootprint>> cells = [];

    public ZoneIndex(IEnumerable<ZoneFootprint> zones)
    {
        foreach (var zone in zones)
        {
            var (dLat, dLng) = Reach(zone.Center, zone.RadiusMeters);
            var (minX, minY) = Cell(zone.Center.Latitude - dLat, zone.Center.Longitude - dLng);
            var (maxX, maxY) = Cell(zone.Center.Latitude + dLat, zone.Center.Longitude + dLng);
            for (var x = minX; x <= maxX; x++)
            for (var y = minY; y <= maxY; y++)
            {
                if (!cells.TryGetValue((x, y), out var list))
                    cells[(x, y)] = list = [];
                list.Add(zone);
            }
        }
    }

    /// <summary>Zones whose circle contains <paramref name="point"/>.</summary>
    public IEnumerable<ZoneFootprint> Covering(GeoPoint point)
    {
        if (!cells.TryGetValue(Cell(point.Latitude, point.Longitude), out var list))
            yield break;
        foreach (var zone in list)
            if (Contains(zone, point))
                yield return zone;
    }

    /// <summary>The best protection a point gets from the zones covering it (0 with none).</summary>
    public double ProtectionAt(GeoPoint point)
    {
        var best = 0.0;
        if (!cells.TryGetValue(Cell(point.Latitude, point.Longitude), out var list))
            return best;
        foreach (var zone in list)
            if (Contains(zone, point))
                best = Math.Max(best, ZoneSpecs.Of(zone.Type).Protection);
        return best;
    }

    private static bool Contains(ZoneFootprint zone, GeoPoint point)
    {
        // A cheap latitude check first: most zones in a cell are too far north or south.
        return Math.Abs(zone.Center.Latitude - point.Latitude) * MetersPerDegree <= zone.RadiusMeters + 1
            && zone.Center.DistanceTo(point) <= zone.RadiusMeters;
    }

    /// <summary>A circle's half-height and half-width in degrees (wider in longitude toward the poles).</summary>
    private static (double Lat, double Lng) Reach(GeoPoint center, int meters) =>
        (meters / MetersPerDegree, Math.Min(180, meters / (MetersPerDegree * Math.Max(0.01, Math.Cos(center.Latitude * Math.PI / 180)))));

    private static (int, int) Cell(double latitude, double longitude) =>
        ((int)Math.Floor(latitude / CellDegrees), (int)Math.Floor(longitude / CellDegrees));
}

/// <summary>Where a patrolling cat is: circling its home at its own distance, a few degrees further each minute.</summary>
public static class PatrolRoute
{
    public static GeoPoint Position(GeoPoint center, int catIndex, int catCount, DateTimeOffset startedAt, DateTimeOffset now)
    {
        var minutes = Math.Max(0, (now - startedAt).TotalMinutes);
        var bearing = (catIndex * 360.0 / Math.Max(1, catCount) + minutes * 12) % 360;
        return center.Offset(60 + 25 * catIndex, bearing);
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;
using Purrr.Core.Webhooks;

namespace Purrr.Core.LostPets;

/// <summary>Reports, sightings, radius search and nearby alerts (spec §9).</summary>
public sealed class LostPetService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    /// <summary>Stores a report with its photos (images the owner uploaded) and alerts opted-in neighbours.</summary>
    public async Task<Result<LostPetReported>> ReportAsync(UserId owner, LostPetReport report, IReadOnlyList<Guid>? photos = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var problems = LostPetRules.Check(report, now).ToList();
        photos ??= [];
        if (photos.Count > LostPet.MaxPhotos)
            problems.Add(new($"Add at most {LostPet.MaxPhotos} photos.", "Photos"));
        await using var db = await dbFactory.CreateAsync(ct);
        if (photos.Count > 0 && await db.StoredImages.CountAsync(i => photos.Contains(i.Id) && i.OwnerId == owner, ct) != photos.Distinct().Count())
            problems.Add(new("A photo could not be found: upload it again.", "Photos"));
        if (problems.Count > 0)
            return Result<LostPetReported>.Failure(problems);

        var pet = LostPet.Create(owner, report, now);
        foreach (var photo in photos.Distinct())
            pet.AddPhoto(photo);
        db.LostPets.Add(pet);
        WebhookOutbox.Enqueue(db, owner, WebhookEventTypes.LostPetReported, new { LostPetId = pet.Id, pet.Name, Type = pet.Type.ToString(), pet.LastSeenPlace, pet.LastSeenAt }, now);
        var neighbours = await NeighboursToAlertAsync(db, owner, pet.LastSeen, ct);
        foreach (var (neighbour, meters) in neighbours)
            await Notify.AddAsync(db, neighbour, NotificationType.LostPetNearby,
                $"{pet.Type} lost {LostPetRules.Distance(meters)} from your home: {pet.Name} ({pet.Colour} {pet.Breed}). Have you seen them?",
                Link(pet.Id), owner, now, ct);
        await db.SaveChangesAsync(ct);
        Notify.Announce(bus, neighbours.Select(n => n.Player));
        return new LostPetReported(pet.Id, neighbours.Count);
    }

    /// <summary>Pets near a point: an index-backed box in SQL, then the exact haversine distance; nearest first, then most recent.</summary>
    public async Task<Result<LostPetResults>> SearchAsync(LostPetQuery query, CancellationToken ct = default)
    {
        if (GeoPoint.Check(query.Center.Latitude, query.Center.Longitude) is { } where)
            return Result<LostPetResults>.Failure(where.Message, where.Field);
        if (LostPetRules.CheckRadius(query.RadiusKm) is { } radius)
            return Result<LostPetResults>.Failure(radius.Message, radius.Field);
        var now = clock.GetUtcNow();
        var meters = query.RadiusKm * 1000;
        var (minLat, maxLat, minLng, maxLng) = LostPetRules.BoundingBox(query.Center, meters);

        await using var db = await dbFactory.CreateAsync(ct);
        var candidates = db.LostPets.AsNoTracking().Where(p => p.Status == LostPetStatus.Active
            && p.Latitude >= minLat && p.Latitude <= maxLat && p.Longitude >= minLng && p.Longitude <= maxLng);
        if (query.Type is { } type)
            candidates = candidates.Where(p => p.Type == type);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var pattern = $"%{EscapeLike(query.Text.Trim())}%";
            candidates = candidates.Where(p => EF.Functions.Like(p.Breed, pattern, "\\") || EF.Functions.Like(p.Colour, pattern, "\\"));
        }
        if (query.LostFrom is { } from)
            candidates = candidates.Where(p => p.LastSeenAt >= from);
        if (query.LostTo is { } to)
            candidates = candidates.Where(p => p.LastSeenAt <= to);

        var inBox = await candidates.Select(p => new { p.Id, p.Latitude, p.Longitude, p.LastSeenAt }).ToListAsync(ct);
        var inRadius = inBox.Select(p => (p.Id, p.LastSeenAt, Meters: query.Center.DistanceTo(new GeoPoint(p.Latitude, p.Longitude))))
            .Where(p => p.Meters <= meters)
            .OrderBy(p => p.Meters).ThenByDescending(p => p.LastSeenAt)
            .ToList();
        var size = LostPetRules.ClampPageSize(query.PageSize);
        var page = Math.Max(1, query.Page);
        var chosen = inRadius.Skip((page - 1) * size).Take(size).ToList();
        var ids = chosen.Select(p => p.Id).ToList();
        var pets = await db.LostPets.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Type, p.Breed, p.Colour, p.LastSeenPlace, p.Latitude, p.Longitude, p.LastSeenAt, p.Reward,
                Photo = p.Photos.OrderBy(f => f.Position).Select(f => (Guid?)f.ImageId).FirstOrDefault() })
            .ToDictionaryAsync(p => p.Id, ct);
        var results = chosen.Select(c => pets[c.Id]).Select((p, i) => new LostPetSummary(p.Id, p.Name, p.Type, p.Breed, p.Colour, p.LastSeenPlace,
            p.Latitude, p.Longitude, p.LastSeenAt, chosen[i].Meters, LostPetRules.DaysMissing(p.LastSeenAt, now), p.Reward, p.Photo)).ToList();
        return new LostPetResults(results, page, size, inRadius.Count);
    }

    /// <summary>A pet's page; the contact only for signed-in viewers (<paramref name="viewer"/> not null).</summary>
    public async Task<LostPetDetails?> GetAsync(Guid id, UserId? viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var pet = await db.LostPets.AsNoTracking().Include(p => p.Photos).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pet is null)
            return null;
        var owner = await db.Players.Where(p => p.Id == pet.OwnerId).Select(p => p.DisplayName).FirstAsync(ct);
        var sightings = await db.LostPetSightings.AsNoTracking().Where(s => s.LostPetId == id)
            .Join(db.Players, s => s.ReporterId, p => p.Id, (s, p) => new { s, p.DisplayName })
            .ToListAsync(ct);
        return new LostPetDetails(pet.Id, pet.OwnerId, owner, pet.Name, pet.Type, pet.Breed, pet.Colour, pet.Size, pet.AgeYears, pet.Description,
            pet.Features, pet.LastSeenPlace, pet.Latitude, pet.Longitude, pet.LastSeenAt, LostPetRules.DaysMissing(pet.LastSeenAt, pet.ClosedAt ?? clock.GetUtcNow()),
            pet.Reward, pet.Status, pet.ClosedAt, pet.ThankYou, [.. pet.Photos.OrderBy(f => f.Position).Select(f => f.ImageId)],
            [.. sightings.OrderByDescending(x => x.s.SeenAt).Select(x => new SightingView(x.s.Id, x.DisplayName, x.s.Place, x.s.Latitude, x.s.Longitude,
                x.s.SeenAt, x.s.Description, x.s.Confidence, x.s.ImageId, pet.LastSeen.DistanceTo(x.s.Point)))],
            viewer is null ? null : new LostPetContact(pet.ContactPhone, pet.ContactEmail), viewer == pet.OwnerId);
    }

    /// <summary>Anyone signed in can report seeing an active pet; the owner hears about it at once.</summary>
    public async Task<Result<Guid>> AddSightingAsync(UserId reporter, Guid petId, SightingReport report, Guid? photo = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var problems = LostPetRules.Check(report, now);
        if (problems.Count > 0)
            return Result<Guid>.Failure(problems);
        await using var db = await dbFactory.CreateAsync(ct);
        var pet = await db.LostPets.AsNoTracking().FirstOrDefaultAsync(p => p.Id == petId, ct);
        if (pet is null)
            return Result<Guid>.Failure("That report doesn't exist any more.");
        if (pet.Status != LostPetStatus.Active)
            return Result<Guid>.Failure(pet.Status == LostPetStatus.Found ? $"{pet.Name} has already been found. Thank you for looking!" : $"{pet.Name}'s report is closed.");
        if (photo is { } image && !await db.StoredImages.AnyAsync(i => i.Id == image && i.OwnerId == reporter, ct))
            return Result<Guid>.Failure("The photo could not be found: upload it again.", "Photo");

        var sighting = LostPetSighting.Create(petId, reporter, report, photo, now);
        db.LostPetSightings.Add(sighting);
        var name = await db.Players.Where(p => p.Id == reporter).Select(p => p.DisplayName).FirstAsync(ct);
        var told = await Notify.AddAsync(db, pet.OwnerId, NotificationType.LostPetNearby,
            $"{name} saw {pet.Name} {LostPetRules.Distance(pet.LastSeen.DistanceTo(sighting.Point))} from where they were lost ({report.Confidence.ToString().ToLowerInvariant()} confidence).",
            Link(pet.Id), reporter, now, ct);
        await db.SaveChangesAsync(ct);
        if (told)
            Notify.Announce(bus, [pet.OwnerId]);
        bus.Publish(new LostPetChanged(petId));
        return sighting.Id;
    }

    /// <summary>The owner closes the report: found (thanking everyone who reported a sighting) or no longer searching.</summary>
    public async Task<Result<bool>> CloseAsync(UserId owner, Guid petId, LostPetStatus status, string? thankYou = null, CancellationToken ct = default)
    {
        if (status == LostPetStatus.Active)
            return Result<bool>.Failure("Choose found or no longer searching.");
        if (thankYou?.Trim().Length > LostPet.ThanksMaxLength)
            return Result<bool>.Failure($"The thank-you can be at most {LostPet.ThanksMaxLength} characters.", "ThankYou");
        var now = clock.GetUtcNow();
        return await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var pet = await db.LostPets.FirstOrDefaultAsync(p => p.Id == petId, ct);
            if (pet is null || pet.OwnerId != owner)
                return Result<bool>.Failure("Only the owner can close this report.");
            if (pet.Status != LostPetStatus.Active)
                return Result<bool>.Failure("This report is already closed.");
            pet.Close(status, status == LostPetStatus.Found ? thankYou : null, now);
            var helpers = status == LostPetStatus.Found
                ? await db.LostPetSightings.Where(s => s.LostPetId == petId && s.ReporterId != owner).Select(s => s.ReporterId).Distinct().ToListAsync(ct)
                : [];
            var text = string.IsNullOrWhiteSpace(thankYou) ? $"{pet.Name} is home! Thank you for your sighting." : $"{pet.Name} is home! “{thankYou.Trim()}”";
            foreach (var helper in helpers)
                await Notify.AddAsync(db, helper, NotificationType.System, text, Link(pet.Id), owner, now, ct);
            await db.SaveChangesAsync(ct);
            Notify.Announce(bus, helpers);
            bus.Publish(new LostPetChanged(petId));
            return Result<bool>.Success(true);
        });
    }

    public async Task SetAlertsAsync(UserId player, bool on, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await db.Players.Where(p => p.Id == player).ExecuteUpdateAsync(set => set.SetProperty(p => p.LostPetAlerts, on), ct);
    }

    /// <summary>Reports per week over the last <paramref name="weeks"/> weeks, found rate, median days to found, sightings per report.</summary>
    public async Task<LostPetAnalytics> AnalyticsAsync(int weeks = 12, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var reports = await db.LostPets.CountAsync(ct);
        var found = await db.LostPets.Where(p => p.Status == LostPetStatus.Found)
            .Select(p => new { p.CreatedAt, p.ClosedAt }).ToListAsync(ct);
        var sightings = await db.LostPetSightings.CountAsync(ct);
        var thisWeek = WeekStart(now);
        var since = new DateTimeOffset(thisWeek.AddDays(-7 * (weeks - 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        // Counted per day in the database (at most 7 × weeks rows come back), then summed into weeks.
        var perDay = await db.LostPets.Where(p => p.CreatedAt >= since).GroupBy(p => DayNumber.Of(p.CreatedAt))
            .Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var perWeek = Enumerable.Range(0, weeks).Select(i => thisWeek.AddDays(-7 * (weeks - 1 - i)))
            .Select(week => (week, perDay.Where(d => WeekStart(DayNumber.Start(d.Day)) == week).Sum(d => d.Count))).ToList();
        var days = found.Where(p => p.ClosedAt is not null).Select(p => (p.ClosedAt!.Value - p.CreatedAt).TotalDays).Order().ToList();
        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        return new LostPetAnalytics(perWeek, reports, found.Count, reports == 0 ? 0 : (double)found.Count / reports, median,
            reports == 0 ? 0 : (double)sightings / reports);
    }

    private static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7)); // weeks start on Monday
    }

    private static async Task<List<(UserId Player, double Meters)>> NeighboursToAlertAsync(IPurrrDb db, UserId owner, GeoPoint lost, CancellationToken ct)
    {
        var meters = LostPetRules.AlertRadiusKm * 1000;
        var (minLat, maxLat, minLng, maxLng) = LostPetRules.BoundingBox(lost, meters);
        var homes = await db.Players.AsNoTracking()
            .Where(p => p.LostPetAlerts && p.Id != owner && p.HomeLatitude >= minLat && p.HomeLatitude <= maxLat && p.HomeLongitude >= minLng && p.HomeLongitude <= maxLng)
            .Select(p => new { p.Id, p.HomeLatitude, p.HomeLongitude }).ToListAsync(ct);
        return [.. homes.Select(h => (h.Id, Meters: lost.DistanceTo(new GeoPoint(h.HomeLatitude!.Value, h.HomeLongitude!.Value)))).Where(h => h.Meters <= meters)];
    }

    /// <summary>A report's page, as notifications link to it.</summary>
    public static string Link(Guid pet) => $"lost-and-found/{pet}";


    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;
using Purrr.Core.Security;

namespace Purrr.Core.Cats;

/// <summary>Adopting, listing, showing and naming cats. Every read brings the cat's stats up to the present.</summary>
public sealed class CatService(IPurrrDbFactory dbFactory, TimeProvider clock, IRandomSource random, SecurityLog securityLog, IEventBus bus)
{
    public async Task<Result<Cat>> AdoptAsync(UserId owner, AdoptCatRequest request, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var adoption = CatAdoption.Adopt(owner, request, now, random);
        if (!adoption.Succeeded)
            return adoption;

        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Players.AnyAsync(p => p.Id == owner, ct))
            return Result<Cat>.Failure("Sign in again to adopt a cat.");
        CatAdoption.Welcome(db, owner, adoption.Value, now);
        await db.SaveChangesAsync(ct);
        bus.Publish(new CatChanged(adoption.Value.Id, owner));
        bus.Publish(new ActivityRecorded(owner));
        return adoption;
    }

    public async Task<IReadOnlyList<CatSummary>> ListOwnedAsync(UserId owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await ToSummariesAsync(db, db.Cats.Where(c => c.OwnerId == owner), newestFirst: false, ct);
    }

    /// <summary>The newest public cats of everyone, for the front page.</summary>
    public async Task<IReadOnlyList<CatSummary>> ListRecentPublicAsync(int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await ToSummariesAsync(db, db.Cats.Where(c => c.IsPublic).OrderByDescending(c => c.CreatedAt).Take(count), newestFirst: true, ct);
    }

    private static async Task<IReadOnlyList<CatSummary>> ToSummariesAsync(IPurrrDb db, IQueryable<Cat> cats, bool newestFirst, CancellationToken ct)
    {
        var rows = await cats.AsNoTracking()
            .Join(db.Players, c => c.OwnerId, p => p.Id, (c, p) => new { Cat = c, OwnerName = p.DisplayName })
            .ToListAsync(ct);
        // A join does not keep the order of its input, so order here.
        var ordered = newestFirst ? rows.OrderByDescending(r => r.Cat.CreatedAt) : rows.OrderBy(r => r.Cat.CreatedAt);
        return ordered.Select(r => CatSummary.Of(r.Cat, r.OwnerName)).ToList();
    }

    /// <summary>
    /// The cat's page as <paramref name="viewer"/> may see it: null when the cat does not exist or is
    /// another player's private cat (the two look the same from outside).
    /// </summary>
    public async Task<CatProfile?> GetProfileAsync(CatId id, UserId? viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var row = await db.Cats.AsNoTracking()
            .Where(c => c.Id == id)
            .Join(db.Players, c => c.OwnerId, p => p.Id, (c, p) => new { Cat = c, OwnerName = p.DisplayName })
            .FirstOrDefaultAsync(ct);
        if (row is null)
            return null;

        var cat = row.Cat;
        if (!cat.IsPublic && cat.OwnerId != viewer)
        {
            if (viewer is not null)
                await securityLog.RecordAsync(SecurityEventType.UnauthorizedAccess, viewer, null, $"Private cat {id} of another player", ct);
            return null;
        }

        var now = clock.GetUtcNow();
        cat.CatchUp(now);
        return CatProfile.Of(cat, row.OwnerName, now);
    }

    /// <summary>The cat, its parents and grandparents; private cats of other players show as hidden.</summary>
    public async Task<FamilyMember?> GetFamilyTreeAsync(CatId id, UserId? viewer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var known = new Dictionary<CatId, (Cat Cat, string Owner)>();
        var wanted = new List<CatId> { id };
        for (var generation = 0; generation < 3 && wanted.Count > 0; generation++)
        {
            var rows = await db.Cats.AsNoTracking().Where(c => wanted.Contains(c.Id))
                .Join(db.Players, c => c.OwnerId, p => p.Id, (c, p) => new { Cat = c, Owner = p.DisplayName })
                .ToListAsync(ct);
            foreach (var row in rows)
                known[row.Cat.Id] = (row.Cat, row.Owner);
            wanted = rows.SelectMany(r => new[] { r.Cat.MotherId, r.Cat.FatherId }).OfType<CatId>().Where(p => !known.ContainsKey(p)).ToList();
        }
        if (!known.TryGetValue(id, out var self) || (!self.Cat.IsPublic && self.Cat.OwnerId != viewer))
            return null;
        return Member(id, depth: 0);

        FamilyMember Member(CatId? catId, int depth)
        {
            if (catId is not { } key || !known.TryGetValue(key, out var entry))
                return FamilyMember.Unknown;
            if (!entry.Cat.IsPublic && entry.Cat.OwnerId != viewer)
                return new FamilyMember(null, Hidden: true, null, null);
            return depth >= 2
                ? new FamilyMember(CatSummary.Of(entry.Cat, entry.Owner), false, null, null)
                : new FamilyMember(CatSummary.Of(entry.Cat, entry.Owner), false, Member(entry.Cat.MotherId, depth + 1), Member(entry.Cat.FatherId, depth + 1));
        }
    }

    /// <summary>The latest moments of a cat's life, newest first (same visibility as the profile).</summary>
    public async Task<IReadOnlyList<CatMoment>> GetTimelineAsync(CatId id, UserId? viewer, int count, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var visible = await db.Cats.AnyAsync(c => c.Id == id && (c.IsPublic || c.OwnerId == viewer), ct);
        if (!visible)
            return [];
        return await db.CatEvents.AsNoTracking().Where(e => e.CatId == id)
            .OrderByDescending(e => e.Id).Take(count)
            .Select(e => new CatMoment(e.Type, e.Detail, e.At))
            .ToListAsync(ct);
    }

    public async Task<Result<bool>> SetVisibilityAsync(UserId owner, CatId id, bool isPublic, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var cat = await db.Cats.FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == owner, ct);
        if (cat is null)
            return Result<bool>.Failure("This cat is not yours.");
        cat.SetVisibility(isPublic);
        await db.SaveChangesAsync(ct);
        bus.Publish(new CatChanged(id, owner));
        return isPublic;
    }

    public async Task<Result<string>> RenameAsync(UserId owner, CatId id, string? name, CancellationToken ct = default)
    {
        if (CatAdoption.CheckName(name) is { } problem)
            return Result<string>.Failure(problem.Message, problem.Field);
        await using var db = await dbFactory.CreateAsync(ct);
        var cat = await db.Cats.FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == owner, ct);
        if (cat is null)
            return Result<string>.Failure("This cat is not yours.");
        var newName = name!.Trim();
        db.CatEvents.Add(CatEvent.Create(id, CatEventType.Renamed, $"{cat.Name} is now called {newName}.", clock.GetUtcNow()));
        cat.Rename(newName);
        await db.SaveChangesAsync(ct);
        bus.Publish(new CatChanged(id, owner));
        return newName;
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;
using Purrr.Core.Security;

namespace Purrr.Core.Cats;

/// <summary>Adopting, listing and showing cats.</summary>
public sealed class CatService(IPurrrDbFactory dbFactory, TimeProvider clock, IRandomSource random, SecurityLog securityLog)
{
    public async Task<Result<Cat>> AdoptAsync(UserId owner, AdoptCatRequest request, CancellationToken ct = default)
    {
        var adoption = CatAdoption.Adopt(owner, request, clock.GetUtcNow(), random);
        if (!adoption.Succeeded)
            return adoption;

        await using var db = await dbFactory.CreateAsync(ct);
        if (!await db.Players.AnyAsync(p => p.Id == owner, ct))
            return Result<Cat>.Failure("Sign in again to adopt a cat.");
        db.Cats.Add(adoption.Value);
        await db.SaveChangesAsync(ct);
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
        return ordered.Select(r => new CatSummary(r.Cat.Id, r.Cat.Name, BreedName(r.Cat.BreedKey), r.Cat.Personality, r.Cat.Level, r.Cat.Genome, r.OwnerName))
            .ToList();
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

        return new CatProfile(cat.Id, cat.OwnerId, row.OwnerName, cat.Name, BreedName(cat.BreedKey), cat.Personality,
            cat.Genome, cat.Xp, cat.Level, cat.Stats, cat.Description, cat.IsPublic, cat.CreatedAt, cat.Generation);
    }

    public async Task<Result<bool>> SetVisibilityAsync(UserId owner, CatId id, bool isPublic, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var cat = await db.Cats.FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == owner, ct);
        if (cat is null)
            return Result<bool>.Failure("This cat is not yours.");
        cat.SetVisibility(isPublic);
        await db.SaveChangesAsync(ct);
        return isPublic;
    }

    private static string BreedName(string key) => Breeds.Find(key)?.Name ?? key;
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.Genetics;
using Purrr.Core.Persistence;
using Purrr.Core.Webhooks;

namespace Purrr.Core.Breeding;

/// <summary>Breeding a player's own cats, offers between players, and the birth of kittens when a pregnancy is due.</summary>
public sealed class BreedingService(IPurrrDbFactory dbFactory, TimeProvider clock, IRandomSource random, IEventBus bus)
{
    public async Task<IReadOnlyList<BreedingCandidate>> ListCandidatesAsync(UserId owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var ownerName = await OwnerNameAsync(db, owner, ct);
        var cats = await db.Cats.AsNoTracking().Where(c => c.OwnerId == owner).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        return cats.Select(cat =>
        {
            cat.CatchUp(now);
            return new BreedingCandidate(CatSummary.Of(cat, ownerName), BreedingRules.CheckCat(cat, now).ToList());
        }).ToList();
    }

    /// <summary>The preview of a pair the viewer may see (own cats, or an own cat and a public one for an offer).</summary>
    public async Task<Result<BreedingPreview>> PreviewAsync(UserId viewer, CatId motherId, CatId fatherId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var pair = await LoadPairAsync(db, motherId, fatherId, tracked: false, ct);
        if (pair is not var (mother, father, motherOwner, fatherOwner)
            || !CanSee(mother, viewer) || !CanSee(father, viewer)
            || (mother.OwnerId != viewer && father.OwnerId != viewer))
            return Result<BreedingPreview>.Failure("Choose two cats, at least one of them yours.");

        mother.CatchUp(now);
        father.CatchUp(now);
        var problems = BreedingRules.CheckPair(mother, father, now).ToList();
        if (mother.OwnerId != father.OwnerId)
            problems.Insert(0, new Problem("These cats have different owners: send a breeding offer instead."));
        var compatibility = BreedingRules.Compatibility(mother, father);
        return new BreedingPreview(CatSummary.Of(mother, motherOwner), CatSummary.Of(father, fatherOwner), compatibility,
            BreedingRules.SuccessChance(compatibility), Punnett.Odds(mother.Genome, father.Genome),
            Inheritance.MutationRate(mother.Genome, father.Genome), problems, BreedingRules.Cost);
    }

    /// <summary>Breeds two of the owner's cats for 100 coins. The same <paramref name="idempotencyKey"/> twice breeds once.</summary>
    public async Task<Result<BreedingResult>> BreedAsync(UserId owner, CatId motherId, CatId fatherId, string idempotencyKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (await AlreadyHandledAsync(db, owner, idempotencyKey, ct) is { } earlier)
            return earlier;
        var pair = await LoadPairAsync(db, motherId, fatherId, tracked: true, ct);
        if (pair is not var (mother, father, _, _) || mother.OwnerId != owner || father.OwnerId != owner)
            return Result<BreedingResult>.Failure("Both cats must be yours. To breed with another player's cat, send them an offer.");
        var payer = await db.Players.FirstAsync(p => p.Id == owner, ct);

        var attempt = Attempt(db, payer, mother, father, owner, idempotencyKey);
        if (!attempt.Succeeded)
            return attempt;
        return await CommitAsync(db, attempt, [owner], ct);
    }

    public async Task<IReadOnlyList<PregnancyView>> ListPregnanciesAsync(UserId owner, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var pregnancies = await db.Pregnancies.AsNoTracking().Where(p => p.OwnerId == owner && p.BornAt == null).ToListAsync(ct);
        var cats = await SummariesAsync(db, pregnancies.SelectMany(p => new[] { p.MotherId, p.FatherId }), ct);
        return pregnancies.OrderBy(p => p.DueAt).Select(p => new PregnancyView(p.Id, cats[p.MotherId], cats[p.FatherId], p.DueAt)).ToList();
    }

    /// <summary>Delivers every pregnancy that is due (also those that fell due while the app was stopped).</summary>
    public async Task<int> DeliverDueLittersAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var db = await dbFactory.CreateAsync(ct))
            due = await db.Pregnancies.Where(p => p.BornAt == null && p.DueAt <= now).Select(p => p.Id).ToListAsync(ct);

        var delivered = 0;
        foreach (var id in due)
            if (await DeliverAsync(id, now, ct))
                delivered++;
        return delivered;
    }

    private async Task<bool> DeliverAsync(Guid pregnancyId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var pregnancy = await db.Pregnancies.FirstAsync(p => p.Id == pregnancyId, ct);
        if (!pregnancy.IsDue(now))
            return false;
        var mother = await db.Cats.AsNoTracking().FirstAsync(c => c.Id == pregnancy.MotherId, ct);
        var father = await db.Cats.AsNoTracking().FirstAsync(c => c.Id == pregnancy.FatherId, ct);

        var litter = BreedingRules.LitterSize(random);
        var kittens = new List<Cat>();
        var names = (await db.Cats.Where(c => c.OwnerId == pregnancy.OwnerId).Select(c => c.Name).ToListAsync(ct))
            .Concat([mother.Name, father.Name]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < litter; i++)
        {
            var genome = Inheritance.Child(mother.Genome, father.Genome, random);
            var name = BreedingRules.KittenName(random, names);
            names.Add(name);
            var kitten = Cat.NewKitten(pregnancy.OwnerId, name, BreedingRules.KittenBreed(mother, father, genome),
                BreedingRules.KittenPersonality(mother, father, random), genome, mother, father, pregnancy.DueAt);
            kittens.Add(kitten);
            db.Cats.Add(kitten);
            db.CatEvents.Add(CatEvent.Create(kitten.Id, CatEventType.Born, $"Born to {mother.Name} and {father.Name}.", pregnancy.DueAt));
            db.ActivityEvents.Add(ActivityEvent.Of(pregnancy.OwnerId, kitten, ActivityKind.KittenBorn, now,
                amount: kitten.Generation, remarkable: Phenotype.Of(genome).IsRare));
            WebhookOutbox.Enqueue(db, pregnancy.OwnerId, WebhookEventTypes.CatCreated, new { CatId = kitten.Id.Value, kitten.Name, Breed = kitten.BreedKey, Source = "born" }, now);
        }
        pregnancy.Deliver(litter, now);
        WebhookOutbox.Enqueue(db, pregnancy.OwnerId, WebhookEventTypes.BreedingCompleted, new { PregnancyId = pregnancy.Id, MotherId = mother.Id.Value, FatherId = father.Id.Value,
            Kittens = kittens.Select(k => new { CatId = k.Id.Value, k.Name }).ToList() }, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // another instance delivered this litter first
        }
        bus.Publish(new LitterBorn(pregnancy.OwnerId, pregnancy.Id, kittens.Select(k => k.Id).ToList()));
        bus.Publish(new BreedingChanged(pregnancy.OwnerId));
        bus.Publish(new ActivityRecorded(pregnancy.OwnerId));
        return true;
    }

    /// <summary>Offers one of the player's cats to another player's public cat. The offer lasts 24 hours.</summary>
    public async Task<Result<Guid>> OfferAsync(UserId from, CatId fromCatId, CatId toCatId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var fromCat = await db.Cats.AsNoTracking().FirstOrDefaultAsync(c => c.Id == fromCatId && c.OwnerId == from, ct);
        var toCat = await db.Cats.AsNoTracking().FirstOrDefaultAsync(c => c.Id == toCatId && c.IsPublic, ct);
        if (fromCat is null)
            return Result<Guid>.Failure("Offer one of your own cats.");
        if (toCat is null || toCat.OwnerId == from)
            return Result<Guid>.Failure("Choose another player's public cat. To pair two of your own cats, breed them directly.");
        fromCat.CatchUp(now);
        if (BreedingRules.CheckCat(fromCat, now).FirstOrDefault() is { } problem)
            return Result<Guid>.Failure(problem.Message);
        var alreadyOpen = await db.BreedingOffers.AnyAsync(o => o.FromCatId == fromCatId && o.ToCatId == toCatId
            && o.Status == OfferStatus.Pending && o.ExpiresAt > now, ct);
        if (alreadyOpen)
            return Result<Guid>.Failure($"You already offered {fromCat.Name} to {toCat.Name}; wait for an answer.");

        var offer = BreedingOffer.Create(from, fromCatId, toCat.OwnerId, toCatId, now);
        db.BreedingOffers.Add(offer);
        await db.SaveChangesAsync(ct);
        bus.Publish(new BreedingChanged(from));
        bus.Publish(new BreedingChanged(toCat.OwnerId));
        return offer.Id;
    }

    /// <summary>Accepts (paying 100 coins and keeping the kittens) or declines an offer made to the player.</summary>
    public async Task<Result<BreedingResult>> RespondAsync(UserId player, Guid offerId, bool accept, string idempotencyKey, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        if (accept && await AlreadyHandledAsync(db, player, idempotencyKey, ct) is { } earlier)
            return earlier;
        var now = clock.GetUtcNow();
        var offer = await db.BreedingOffers.FirstOrDefaultAsync(o => o.Id == offerId && o.ToPlayerId == player, ct);
        if (offer is null)
            return Result<BreedingResult>.Failure("This offer is not for you.");
        if (offer.IsExpired(now))
            return Result<BreedingResult>.Failure("This offer expired: offers last 24 hours.");
        if (!offer.IsOpen(now))
            return Result<BreedingResult>.Failure("This offer was already answered.");

        if (!accept)
        {
            offer.Close(OfferStatus.Declined, now);
            return await CommitAsync(db, new BreedingResult(false, "Offer declined.", null, null), [player, offer.FromPlayerId], ct);
        }

        // The accepting player's cat carries the litter and the kittens are theirs.
        var pair = await LoadPairAsync(db, offer.ToCatId, offer.FromCatId, tracked: true, ct);
        if (pair is not var (mother, father, _, _) || mother.OwnerId != player || father.OwnerId != offer.FromPlayerId)
            return Result<BreedingResult>.Failure("One of these cats changed hands; this offer no longer stands.");
        var payer = await db.Players.FirstAsync(p => p.Id == player, ct);
        var attempt = Attempt(db, payer, mother, father, player, idempotencyKey);
        if (!attempt.Succeeded)
            return attempt;
        offer.Close(OfferStatus.Accepted, now, attempt.Value.PregnancyId);
        return await CommitAsync(db, attempt, [player, offer.FromPlayerId], ct);
    }

    public async Task<Result<bool>> WithdrawAsync(UserId player, Guid offerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var offer = await db.BreedingOffers.FirstOrDefaultAsync(o => o.Id == offerId && o.FromPlayerId == player, ct);
        if (offer is null || !offer.IsOpen(now))
            return Result<bool>.Failure("There is no open offer of yours to withdraw.");
        offer.Close(OfferStatus.Withdrawn, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<bool>.Failure("This offer was answered a moment ago, so it can no longer be withdrawn.");
        }
        bus.Publish(new BreedingChanged(player));
        bus.Publish(new BreedingChanged(offer.ToPlayerId));
        return true;
    }

    /// <summary>Offers made or received in the last week, newest first.</summary>
    public async Task<IReadOnlyList<OfferView>> ListOffersAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var since = now - TimeSpan.FromDays(7);
        var offers = await db.BreedingOffers.AsNoTracking()
            .Where(o => (o.FromPlayerId == player || o.ToPlayerId == player) && o.CreatedAt > since)
            .ToListAsync(ct);
        var cats = await SummariesAsync(db, offers.SelectMany(o => new[] { o.FromCatId, o.ToCatId }), ct);
        return offers.OrderByDescending(o => o.CreatedAt)
            .Where(o => cats.ContainsKey(o.FromCatId) && cats.ContainsKey(o.ToCatId))
            .Select(o => new OfferView(o.Id, cats[o.FromCatId], cats[o.ToCatId], o.ToPlayerId == player, o.Status, o.IsExpired(now), o.ExpiresAt))
            .ToList();
    }

    /// <summary>One breeding attempt on loaded, tracked cats: checks, charge, roll, and the pregnancy when it takes.</summary>
    private Result<BreedingResult> Attempt(IPurrrDb db, Player payer, Cat mother, Cat father, UserId kittenOwner, string idempotencyKey)
    {
        var now = clock.GetUtcNow();
        mother.CatchUp(now);
        father.CatchUp(now);
        var problems = BreedingRules.CheckPair(mother, father, now);
        if (problems.Count > 0)
            return Result<BreedingResult>.Failure(problems);

        var chance = BreedingRules.SuccessChance(BreedingRules.Compatibility(mother, father));
        var conceived = random.NextDouble() * 100 < chance;
        var pregnancy = conceived ? Pregnancy.Start(mother.Id, father.Id, kittenOwner, now) : null;
        var charge = Wallet.Spend(payer, BreedingRules.Cost, LedgerReason.BreedingFee,
            pregnancy is null ? $"breeding-failed:{mother.Id}" : $"pregnancy:{pregnancy.Id}", idempotencyKey, now);
        if (!charge.Succeeded)
            return Result<BreedingResult>.Failure(charge.Problems);
        db.LedgerEntries.Add(charge.Value);

        if (pregnancy is null)
        {
            // Mark both cats changed so a simultaneous second attempt on them fails instead of charging again.
            mother.Touch();
            father.Touch();
            return new BreedingResult(false, $"{mother.Name} and {father.Name} didn't hit it off this time ({chance}% chance). Try again later.", null, null);
        }
        db.Pregnancies.Add(pregnancy);
        mother.StartBreedingCooldown(now + BreedingRules.Cooldown);
        father.StartBreedingCooldown(now + BreedingRules.Cooldown);
        db.CatEvents.Add(CatEvent.Create(mother.Id, CatEventType.Bred, $"Expecting kittens with {father.Name}.", now));
        db.ActivityEvents.Add(ActivityEvent.Of(payer.Id, mother, ActivityKind.CatBred, now));
        db.CatEvents.Add(CatEvent.Create(father.Id, CatEventType.Bred, $"Expecting kittens with {mother.Name}.", now));
        return new BreedingResult(true, $"{mother.Name} is expecting! Kittens arrive in {BreedingRules.PregnancyLength.TotalHours:0} hours.", pregnancy.Id, pregnancy.DueAt);
    }

    private async Task<Result<BreedingResult>> CommitAsync(IPurrrDb db, Result<BreedingResult> result, UserId[] affected, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Result<BreedingResult>.Failure("These cats or your coins just changed in another tab. Have a look and try again.");
        }
        foreach (var player in affected)
            bus.Publish(new BreedingChanged(player));
        bus.Publish(new ActivityRecorded(affected[0]));
        bus.Publish(new WalletChanged(affected[0], await db.Players.Where(p => p.Id == affected[0]).Select(p => p.Coins).FirstAsync(ct)));
        return result;
    }

    /// <summary>A retried request: the outcome of the attempt already paid for with this key.</summary>
    private static async Task<Result<BreedingResult>?> AlreadyHandledAsync(IPurrrDb db, UserId player, string idempotencyKey, CancellationToken ct)
    {
        var entry = await Wallet.PaymentForAsync(db, player, idempotencyKey, ct);
        if (entry is null)
            return null;
        if (entry.ReferencedId("pregnancy") is { } id
            && await db.Pregnancies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } pregnancy)
            return new BreedingResult(true, "Already done: the kittens are on their way.", pregnancy.Id, pregnancy.DueAt);
        return new BreedingResult(false, "Already done: that attempt didn't take.", null, null);
    }

    private static async Task<(Cat Mother, Cat Father, string MotherOwner, string FatherOwner)?> LoadPairAsync(
        IPurrrDb db, CatId motherId, CatId fatherId, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Cats : db.Cats.AsNoTracking();
        var cats = await query.Where(c => c.Id == motherId || c.Id == fatherId).ToListAsync(ct);
        var mother = cats.FirstOrDefault(c => c.Id == motherId);
        var father = cats.FirstOrDefault(c => c.Id == fatherId);
        if (mother is null || father is null)
            return null;
        var owners = await db.Players.Where(p => p.Id == mother.OwnerId || p.Id == father.OwnerId).ToDictionaryAsync(p => p.Id, p => p.DisplayName, ct);
        return (mother, father, owners[mother.OwnerId], owners[father.OwnerId]);
    }

    private static async Task<Dictionary<CatId, CatSummary>> SummariesAsync(IPurrrDb db, IEnumerable<CatId> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Cats.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .Join(db.Players, c => c.OwnerId, p => p.Id, (c, p) => new { Cat = c, Owner = p.DisplayName })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Cat.Id, r => CatSummary.Of(r.Cat, r.Owner));
    }

    private static Task<string> OwnerNameAsync(IPurrrDb db, UserId owner, CancellationToken ct) =>
        db.Players.Where(p => p.Id == owner).Select(p => p.DisplayName).FirstAsync(ct);

    private static bool CanSee(Cat cat, UserId viewer) => cat.IsPublic || cat.OwnerId == viewer;
}

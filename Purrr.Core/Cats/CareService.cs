using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Cats;

/// <summary>Feeding, playing, grooming, resting and training a player's own cat.</summary>
public sealed class CareService(IPurrrDbFactory dbFactory, TimeProvider clock, IRandomSource random, IEventBus bus)
{
    public Task<Result<CareOutcome>> FeedAsync(UserId owner, CatId catId, string? foodKey, CancellationToken ct = default) =>
        ActAsync(owner, catId, async (db, cat, now) =>
        {
            if (Items.Find(foodKey) is not { Food: not null } food)
                return Result<CareOutcome>.Failure("Choose a food from your pantry.");
            var shelf = await db.InventoryItems.FirstOrDefaultAsync(i => i.PlayerId == owner && i.ItemKey == food.Key, ct);
            if (shelf is not { Quantity: > 0 })
                return Result<CareOutcome>.Failure($"You have no {food.Name.ToLowerInvariant()} left. Buy more in the pantry.");
            var fed = cat.Feed(food, now);
            if (fed.Succeeded)
                shelf.TryTakeOne();
            return fed;
        }, ct);

    public Task<Result<CareOutcome>> PlayAsync(UserId owner, CatId catId, CancellationToken ct = default) =>
        ActAsync(owner, catId, (_, cat, now) => Task.FromResult(cat.Play(now)), ct);

    public Task<Result<CareOutcome>> GroomAsync(UserId owner, CatId catId, CancellationToken ct = default) =>
        ActAsync(owner, catId, (_, cat, now) => Task.FromResult(cat.Groom(now)), ct);

    public Task<Result<CareOutcome>> RestAsync(UserId owner, CatId catId, CancellationToken ct = default) =>
        ActAsync(owner, catId, (_, cat, now) => Task.FromResult(cat.Rest(now)), ct);

    public Task<Result<CareOutcome>> TrainAsync(UserId owner, CatId catId, TrainingCommand command, CancellationToken ct = default) =>
        ActAsync(owner, catId, (_, cat, now) => Task.FromResult(Enum.IsDefined(command)
            ? cat.Train(command, now, random)
            : Result<CareOutcome>.Failure("Choose sit, stay, come or fetch.")), ct);

    private async Task<Result<CareOutcome>> ActAsync(UserId owner, CatId catId, Func<IPurrrDb, Cat, DateTimeOffset, Task<Result<CareOutcome>>> act, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var cat = await db.Cats.FirstOrDefaultAsync(c => c.Id == catId && c.OwnerId == owner, ct);
        if (cat is null)
            return Result<CareOutcome>.Failure("Only a cat's owner can care for it.");

        var now = clock.GetUtcNow();
        var outcome = await act(db, cat, now);
        if (!outcome.Succeeded)
            return outcome;
        if (outcome.Value.NewLevel is { } level)
            db.CatEvents.Add(CatEvent.Create(cat.Id, CatEventType.LevelUp, $"{cat.Name} reached level {level}.", now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<CareOutcome>.Failure($"{cat.Name} was just cared for somewhere else. Have a look and try again.");
        }
        bus.Publish(new CatChanged(cat.Id, owner));
        return outcome;
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Cats;

/// <summary>Feeding, playing, grooming, resting and training a player's own cat.</summary>
public sealed class CareService(IPurrrDbFactory dbFactory, TimeProvider clock, IRandomSource random, IEventBus bus)
{
    public Task<Result<CareOutcome>> FeedAsync(UserId owner, CatId catId, string? foodKey, CancellationToken ct = default) =>
        ActAsync(owner, catId, (db, cat, now) => Items.Find(foodKey) is { Food: not null }
            ? WithItemAsync(db, owner, foodKey, ItemKind.Food, food => cat.Feed(food!, now), ct)
            : Task.FromResult(Result<CareOutcome>.Failure("Choose a food from your pantry.")), ct);

    /// <summary>Plays, with a toy from the player's items if <paramref name="toyKey"/> is given (the toy is used up).</summary>
    public Task<Result<CareOutcome>> PlayAsync(UserId owner, CatId catId, string? toyKey = null, CancellationToken ct = default) =>
        ActAsync(owner, catId, (db, cat, now) => WithItemAsync(db, owner, toyKey, ItemKind.Toy, toy => cat.Play(now, toy), ct), ct);

    /// <summary>Grooms, with a grooming kit if <paramref name="kitKey"/> is given (the kit is used up).</summary>
    public Task<Result<CareOutcome>> GroomAsync(UserId owner, CatId catId, string? kitKey = null, CancellationToken ct = default) =>
        ActAsync(owner, catId, (db, cat, now) => WithItemAsync(db, owner, kitKey, ItemKind.GroomingKit, kit => cat.Groom(now, kit), ct), ct);

    public Task<Result<CareOutcome>> RestAsync(UserId owner, CatId catId, CancellationToken ct = default) =>
        ActAsync(owner, catId, (_, cat, now) => Task.FromResult(cat.Rest(now)), ct);

    public Task<Result<CareOutcome>> TrainAsync(UserId owner, CatId catId, TrainingCommand command, CancellationToken ct = default) =>
        ActAsync(owner, catId, (_, cat, now) => Task.FromResult(Enum.IsDefined(command)
            ? cat.Train(command, now, random)
            : Result<CareOutcome>.Failure("Choose sit, stay, come or fetch.")), ct);

    /// <summary>Runs a care action with an optional item of the player's, using the item up only if the action succeeds.</summary>
    private static async Task<Result<CareOutcome>> WithItemAsync(IPurrrDb db, UserId owner, string? itemKey, ItemKind kind,
        Func<Item?, Result<CareOutcome>> act, CancellationToken ct)
    {
        if (itemKey is null)
            return act(null);
        if (Items.Find(itemKey) is not { } item || item.Kind != kind)
            return Result<CareOutcome>.Failure("That item can't be used for this.");
        var shelf = await InventoryItem.ShelfAsync(db, owner, item, ct);
        if (shelf is not { Quantity: > 0 })
            return Result<CareOutcome>.Failure($"You have no {item.Name.ToLowerInvariant()} left. Buy more in the shop.");
        var outcome = act(item);
        if (outcome.Succeeded)
            shelf.TryTakeOne();
        return outcome;
    }

    private static readonly IReadOnlyDictionary<CareAction, ActivityKind> ActivityOf = new Dictionary<CareAction, ActivityKind>
    {
        [CareAction.Feed] = ActivityKind.CatFed,
        [CareAction.Play] = ActivityKind.CatPlayed,
        [CareAction.Groom] = ActivityKind.CatGroomed,
        [CareAction.Rest] = ActivityKind.CatRested,
        [CareAction.Train] = ActivityKind.CatTrained,
    };

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
        var done = outcome.Value;
        var zone = await ActivityEvent.OwnerZoneAsync(db, owner, ct);
        db.ActivityEvents.Add(ActivityEvent.Behaviour(owner, cat, ActivityOf[done.Action], now, zone, xpGained: done.XpGained));
        if (done.Action == CareAction.Train && done.XpGained > 0)
            db.ActivityEvents.Add(ActivityEvent.Behaviour(owner, cat, ActivityKind.TrainingSucceeded, now, zone));
        if (done.NewLevel is { } level)
            LevelUps.Record(db, owner, cat, level, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<CareOutcome>.Failure($"{cat.Name} or your pantry just changed somewhere else. Have a look and try again.");
        }
        bus.Publish(new CatChanged(cat.Id, owner));
        bus.Publish(new ActivityRecorded(owner));
        return outcome;
    }
}

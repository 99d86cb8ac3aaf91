using Purrr.Core.Common;

namespace Purrr.Core.Cats;

public enum CatEventType { Adopted, LevelUp, Born, Bred, Renamed, Released }

/// <summary>A moment in a cat's life worth keeping: its timeline.</summary>
public sealed class CatEvent
{
    public const int DetailMaxLength = 200;

    private CatEvent() { } // for EF Core

    public long Id { get; private set; }
    public CatId CatId { get; private set; }
    public CatEventType Type { get; private set; }
    public string Detail { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public static CatEvent Create(CatId cat, CatEventType type, string detail, DateTimeOffset at) => new()
    {
        CatId = cat,
        Type = type,
        Detail = detail.Length > DetailMaxLength ? detail[..DetailMaxLength] : detail,
        At = at,
    };
}

/// <summary>
/// XP a cat earns outside a care action (a game, a quest, a patrol): the cat grows, the activity log carries the XP
/// (the weekly cat board sums it) and a level-up leaves its moment. Callers pass XP already scaled by personality.
/// </summary>
public static class CatXp
{
    public static void Award(Persistence.IPurrrDb db, UserId owner, Cat cat, int xp, DateTimeOffset at)
    {
        if (xp <= 0)
            return;
        var level = cat.Earn(xp);
        db.ActivityEvents.Add(Activity.ActivityEvent.Of(owner, cat, Activity.ActivityKind.XpEarned, at, xpGained: xp));
        if (level is { } reached)
            LevelUps.Record(db, owner, cat, reached, at);
    }
}

/// <summary>What a level-up leaves behind, whatever caused it: a moment in the cat's life and an activity for achievements.</summary>
public static class LevelUps
{
    public static void Record(Persistence.IPurrrDb db, UserId owner, Cat cat, int level, DateTimeOffset at)
    {
        db.CatEvents.Add(CatEvent.Create(cat.Id, CatEventType.LevelUp, $"{cat.Name} reached level {level}.", at));
        db.ActivityEvents.Add(Activity.ActivityEvent.Of(owner, cat, Activity.ActivityKind.CatLeveledUp, at, amount: level));
        Webhooks.WebhookOutbox.Enqueue(db, owner, Webhooks.WebhookEventTypes.CatLevelUp, new { CatId = cat.Id.Value, cat.Name, Level = level }, at);
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Activity;

public enum ActivityKind
{
    CatAdopted,
    CatFed,
    CatPlayed,
    CatGroomed,
    CatRested,
    CatTrained,
    TrainingSucceeded,
    CatLeveledUp,
    CatBred,
    KittenBorn,
    ItemBought,
    PawMatchPlayed,
    PawMatchWon,
    PatrolStarted,
    PatrolCompleted,
    BobcatEncountered,
    BobcatDeterred,
    GuardianDeterred,
    CriticalDeterred,
    StraysRescued,
    StraysSheltered,
    ZoneBuilt,

    /// <summary>XP a cat earned outside care (a game, a quest, a patrol); carries the XP for the weekly cat board.</summary>
    XpEarned,

    /// <summary>A cat joined a live room; carries how many different rooms the player has visited so far.</summary>
    RoomVisited,

    /// <summary>A cat did something in a live room; carries the <see cref="Rooms.RoomActivity"/>.</summary>
    RoomActivityDone,

    /// <summary>A cat went out on a night patrol (one per cat; <see cref="PatrolStarted"/> counts the patrol); carries its role.</summary>
    CatPatrolled,

    /// <summary>A cat took a territory: claimed a free spot, or won one in a challenge.</summary>
    TerritoryClaimed,

    /// <summary>A cat won a fought territory contest (as challenger or defender).</summary>
    TerritoryChallengeWon,
}

/// <summary>
/// Something a player did, written in the same transaction as the act itself. Quests and achievements advance from
/// these exactly once: an event is applied and marked processed in one save. It is also the cats' behaviour log.
/// </summary>
public sealed class ActivityEvent
{
    private ActivityEvent() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId PlayerId { get; private set; }
    public CatId? CatId { get; private set; }

    /// <summary>The cat's personality at the time (personality quests count only matching cats).</summary>
    public Personality? CatPersonality { get; private set; }

    public ActivityKind Kind { get; private set; }

    /// <summary>What the act measured, when it measures something: the level reached, a game score, a generation.</summary>
    public int Amount { get; private set; }

    /// <summary>XP the cat earned by it (weekly cat leaderboards sum these).</summary>
    public int XpGained { get; private set; }

    /// <summary>Set by what the act produced that is rare (a kitten with a rare trait, a perfect game).</summary>
    public bool Remarkable { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }

    // The behaviour log's context: when in the owner's day it happened and how the cat was at that moment (after the act).
    // Empty for acts without a cat; LocalHour is empty where the act did not know the owner's zone (then read the UTC hour).

    /// <summary>Hour of the day (0–23) in the owner's time zone.</summary>
    public int? LocalHour { get; private set; }

    public int? CatEnergy { get; private set; }
    public int? CatHappiness { get; private set; }
    public int? CatSatiety { get; private set; }
    public int? CatHealth { get; private set; }

    public static ActivityEvent Of(UserId player, Cat? cat, ActivityKind kind, DateTimeOffset at, int amount = 0, int xpGained = 0, bool remarkable = false) => new()
    {
        Id = Guid.CreateVersion7(),
        PlayerId = player,
        CatId = cat?.Id,
        CatPersonality = cat?.Personality,
        Kind = kind,
        Amount = amount,
        XpGained = xpGained,
        Remarkable = remarkable,
        OccurredAt = at,
        CatEnergy = cat?.Stats.Energy,
        CatHappiness = cat?.Stats.Happiness,
        CatSatiety = cat?.Stats.Satiety,
        CatHealth = cat?.Stats.Health,
    };

    /// <summary>A cat's act with its behaviour context: the hour in the owner's zone and the cat's stats now.</summary>
    public static ActivityEvent Behaviour(UserId owner, Cat cat, ActivityKind kind, DateTimeOffset at, TimeZoneInfo ownerZone, int amount = 0, int xpGained = 0, bool remarkable = false)
    {
        var activity = Of(owner, cat, kind, at, amount, xpGained, remarkable);
        activity.LocalHour = TimeZoneInfo.ConvertTime(at, ownerZone).Hour;
        return activity;
    }

    /// <summary>The owner's time zone for <see cref="Behaviour"/> (UTC when unknown).</summary>
    public static async Task<TimeZoneInfo> OwnerZoneAsync(IPurrrDb db, UserId owner, CancellationToken ct) =>
        Player.ZoneOf(await db.Players.Where(p => p.Id == owner).Select(p => p.TimeZoneId).FirstOrDefaultAsync(ct));

    internal void MarkProcessed(DateTimeOffset at) => ProcessedAt = at;
}

/// <summary>Published after a save that recorded activity, so progress is applied at once rather than at the next sweep.</summary>
public sealed record ActivityRecorded(UserId Player);

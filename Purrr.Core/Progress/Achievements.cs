using Purrr.Core.Activity;

namespace Purrr.Core.Progress;

public enum Rarity { Common, Uncommon, Rare, Epic, Legendary }

/// <summary>An achievement unlocks when a player's <see cref="Counter"/> reaches <see cref="Threshold"/>.</summary>
public sealed record Achievement(string Key, string Name, string Description, Rarity Rarity, string Counter, int Threshold)
{
    public int Points => Achievements.PointsFor(Rarity);
}

/// <summary>The achievement catalogue. Later features add theirs here, counted from their own activities.</summary>
public static class Achievements
{
    public static int PointsFor(Rarity rarity) => rarity switch
    {
        Rarity.Common => 5,
        Rarity.Uncommon => 10,
        Rarity.Rare => 25,
        Rarity.Epic => 50,
        _ => 100,
    };

    public static readonly IReadOnlyList<Achievement> All =
    [
        new("first_meal", "First meal", "Feed a cat for the first time.", Rarity.Common, Counters.Fed, 1),
        new("gourmet", "Gourmet", "Feed your cats 100 times.", Rarity.Uncommon, Counters.Fed, 100),
        new("spotless", "Spotless", "Groom your cats 25 times.", Rarity.Uncommon, Counters.Groomed, 25),
        new("playmate", "Playmate", "Play with your cats 50 times.", Rarity.Uncommon, Counters.Played, 50),
        new("good_kitty", "Good kitty", "Succeed at training for the first time.", Rarity.Common, Counters.Trained, 1),
        new("professor", "Professor", "Succeed at 50 trainings.", Rarity.Rare, Counters.Trained, 50),
        new("growing_up", "Growing up", "Raise a cat to level 5.", Rarity.Uncommon, Counters.MaxLevel, 5),
        new("veteran", "Veteran", "Raise a cat to level 10.", Rarity.Rare, Counters.MaxLevel, 10),
        new("legend", "Legend", "Raise a cat to level 25.", Rarity.Epic, Counters.MaxLevel, 25),
        new("growing_family", "Growing family", "Welcome 5 cats into your home.", Rarity.Uncommon, Counters.Cats, 5),
        new("first_litter", "First litter", "Welcome your first kitten.", Rarity.Uncommon, Counters.Kittens, 1),
        new("dynasty", "Dynasty", "Raise a kitten of the third generation.", Rarity.Epic, Counters.MaxGeneration, 3),
        new("rare_find", "Rare find", "Welcome a kitten with a rare mutation.", Rarity.Legendary, Counters.RareKittens, 1),
        new("sharp_memory", "Sharp memory", "Win a game of Paw Match.", Rarity.Common, Counters.Wins, 1),
        new("perfect_recall", "Perfect recall", "Win Paw Match without a single miss.", Rarity.Rare, Counters.PerfectGames, 1),
        new("window_shopper", "Window shopper", "Buy something in the shop.", Rarity.Common, Counters.Bought, 1),

        // Night watch (spec §6).
        new("first_night_watch", "First Night Watch", "Send your cats out on their first patrol.", Rarity.Common, Counters.Patrols, 1),
        new("stray_savior", "Stray Savior", "Rescue 10 strays.", Rarity.Uncommon, Counters.Rescued, 10),
        new("bobcat_buster", "Bobcat Buster", "Chase off 10 bobcats.", Rarity.Uncommon, Counters.Deterrences, 10),
        new("guardian_master", "Guardian Master", "Chase off 50 bobcats with a guardian in the patrol.", Rarity.Rare, Counters.GuardianDeterrences, 50),
        new("community_hero", "Community Hero", "Save 100 strays, rescued or sheltered.", Rarity.Rare, Counters.StraysSaved, 100),
        new("night_protector", "Night Protector", "See 10 patrols through to dawn.", Rarity.Rare, Counters.PatrolsCompleted, 10),
        new("zone_master", "Zone Master", "Own all four kinds of protection zone.", Rarity.Uncommon, Counters.ZoneTypes, 4),
        new("emergency_responder", "Emergency Responder", "Chase off a bobcat at critical threat.", Rarity.Epic, Counters.CriticalDeterrences, 1),
        new("stray_rehabilitator", "Stray Rehabilitator", "Shelter 50 strays.", Rarity.Uncommon, Counters.Sheltered, 50),
        new("bobcat_expert", "Bobcat Expert", "Face 100 bobcats on patrol.", Rarity.Epic, Counters.Encounters, 100),

        // Live rooms (spec §5's community list, §7).
        new("room_hopper", "Room Hopper", "Visit 10 different live rooms.", Rarity.Uncommon, Counters.RoomsVisited, 10),
        new("life_of_the_party", "Life of the Party", "Do 100 activities in live rooms.", Rarity.Rare, Counters.RoomActivities, 100),

        // Territories (issue 17).
        new("home_turf", "Home Turf", "Claim your first territory.", Rarity.Common, Counters.Territories, 1),
        new("turf_champion", "Turf Champion", "Win 10 territory contests.", Rarity.Rare, Counters.ChallengesWon, 10),
    ];

    public static Achievement? Find(string? key) => All.FirstOrDefault(a => a.Key == key);
}

/// <summary>The running totals achievements are measured against, and how each activity moves them.</summary>
public static class Counters
{
    public const string Fed = "fed";
    public const string Played = "played";
    public const string Groomed = "groomed";
    public const string Rested = "rested";
    public const string Trained = "trained";
    public const string Cats = "cats";
    public const string Kittens = "kittens";
    public const string RareKittens = "rare_kittens";
    public const string MaxGeneration = "max_generation";
    public const string MaxLevel = "max_level";
    public const string Bought = "bought";
    public const string Games = "games";
    public const string Wins = "wins";
    public const string PerfectGames = "perfect_games";
    public const string Patrols = "patrols";
    public const string PatrolsCompleted = "patrols_completed";
    public const string Encounters = "encounters";
    public const string Deterrences = "deterrences";
    public const string GuardianDeterrences = "guardian_deterrences";
    public const string CriticalDeterrences = "critical_deterrences";
    public const string Rescued = "rescued";
    public const string Sheltered = "sheltered";
    public const string StraysSaved = "strays_saved";
    public const string ZoneTypes = "zone_types";
    public const string RoomsVisited = "rooms_visited";
    public const string RoomActivities = "room_activities";
    public const string Territories = "territories";
    public const string ChallengesWon = "challenges_won";

    /// <summary>A counter change: add <see cref="Value"/>, or raise to it when <see cref="IsMaximum"/>.</summary>
    public readonly record struct Change(string Key, long Value, bool IsMaximum = false);

    public static IEnumerable<Change> From(ActivityEvent activity)
    {
        switch (activity.Kind)
        {
            case ActivityKind.CatFed: yield return new(Fed, 1); break;
            case ActivityKind.CatPlayed: yield return new(Played, 1); break;
            case ActivityKind.CatGroomed: yield return new(Groomed, 1); break;
            case ActivityKind.CatRested: yield return new(Rested, 1); break;
            case ActivityKind.TrainingSucceeded: yield return new(Trained, 1); break;
            case ActivityKind.CatAdopted: yield return new(Cats, 1); break;
            case ActivityKind.CatLeveledUp: yield return new(MaxLevel, activity.Amount, IsMaximum: true); break;
            case ActivityKind.ItemBought: yield return new(Bought, 1); break;
            case ActivityKind.PawMatchPlayed: yield return new(Games, 1); break;
            case ActivityKind.KittenBorn:
                yield return new(Kittens, 1);
                yield return new(Cats, 1);
                yield return new(MaxGeneration, activity.Amount, IsMaximum: true);
                if (activity.Remarkable)
                    yield return new(RareKittens, 1);
                break;
            case ActivityKind.PawMatchWon:
                yield return new(Wins, 1);
                if (activity.Remarkable)
                    yield return new(PerfectGames, 1);
                break;
            case ActivityKind.PatrolStarted: yield return new(Patrols, 1); break;
            case ActivityKind.PatrolCompleted: yield return new(PatrolsCompleted, 1); break;
            case ActivityKind.BobcatEncountered: yield return new(Encounters, activity.Amount); break;
            case ActivityKind.BobcatDeterred: yield return new(Deterrences, activity.Amount); break;
            case ActivityKind.GuardianDeterred: yield return new(GuardianDeterrences, activity.Amount); break;
            case ActivityKind.CriticalDeterred: yield return new(CriticalDeterrences, activity.Amount); break;
            case ActivityKind.StraysRescued:
                yield return new(Rescued, activity.Amount);
                yield return new(StraysSaved, activity.Amount);
                break;
            case ActivityKind.StraysSheltered:
                yield return new(Sheltered, activity.Amount);
                yield return new(StraysSaved, activity.Amount);
                break;
            case ActivityKind.ZoneBuilt: yield return new(ZoneTypes, activity.Amount, IsMaximum: true); break;
            case ActivityKind.RoomVisited: yield return new(RoomsVisited, activity.Amount, IsMaximum: true); break;
            case ActivityKind.RoomActivityDone: yield return new(RoomActivities, 1); break;
            case ActivityKind.TerritoryClaimed: yield return new(Territories, 1); break;
            case ActivityKind.TerritoryChallengeWon: yield return new(ChallengesWon, 1); break;
        }
    }

    public static long Apply(long current, Change change) => change.IsMaximum ? Math.Max(current, change.Value) : current + change.Value;
}

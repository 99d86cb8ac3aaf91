using System.Globalization;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Economy;

namespace Purrr.Core.Progress;

/// <summary>The quest catalogue (spec §5) and the periods quests run in.</summary>
public static class Quests
{
    public const int DailyCount = 3;
    public const string Forever = "ever";

    public static readonly IReadOnlyList<Quest> All =
    [
        // Daily: one quest from each slot, picked per player per day.
        new("daily_feed", QuestKind.Daily, "Breakfast run", "Feed your cats 3 times.", ActivityKind.CatFed, 3, new(Coins: 30, Xp: 20), DailySlot: 1),
        new("daily_groom", QuestKind.Daily, "Spa day", "Groom a cat.", ActivityKind.CatGroomed, 1, new(Coins: 15, Xp: 10), DailySlot: 1),
        new("daily_play", QuestKind.Daily, "Playtime", "Play with your cats twice.", ActivityKind.CatPlayed, 2, new(Coins: 20, Xp: 15), DailySlot: 1),
        new("daily_rest", QuestKind.Daily, "Nap time", "Let a cat rest.", ActivityKind.CatRested, 1, new(Coins: 15, Xp: 10), DailySlot: 1),
        new("daily_train", QuestKind.Daily, "Good kitty", "Succeed at training once.", ActivityKind.TrainingSucceeded, 1, new(Coins: 25, Xp: 20), DailySlot: 2),
        new("daily_shop", QuestKind.Daily, "Shopping trip", "Buy something in the shop.", ActivityKind.ItemBought, 1, new(Xp: 10, ItemKey: "premium_food", ItemQuantity: 1), DailySlot: 2),
        new("daily_pawmatch", QuestKind.Daily, "Brain games", "Play a game of Paw Match.", ActivityKind.PawMatchPlayed, 1, new(Coins: 30), DailySlot: 3),
        new("daily_pawmatch_win", QuestKind.Daily, "Memory master", "Win a game of Paw Match.", ActivityKind.PawMatchWon, 1, new(Coins: 40, ItemKey: "yarn_ball", ItemQuantity: 1), DailySlot: 3),

        // Seasonal: by calendar season in the player's time zone.
        new("season_winter", QuestKind.Seasonal, "Cosy winter", "Let your cats rest 20 times this winter.", ActivityKind.CatRested, 20, new(Coins: 200, Xp: 100), Season: Season.Winter),
        new("season_spring", QuestKind.Seasonal, "Spring cleaning", "Groom your cats 20 times this spring.", ActivityKind.CatGroomed, 20, new(Coins: 200, Xp: 100), Season: Season.Spring),
        new("season_summer", QuestKind.Seasonal, "Summer games", "Play with your cats 30 times this summer.", ActivityKind.CatPlayed, 30, new(Coins: 200, Xp: 100), Season: Season.Summer),
        new("season_autumn", QuestKind.Seasonal, "Harvest feast", "Feed your cats 40 times this autumn.", ActivityKind.CatFed, 40, new(Coins: 200, Xp: 100), Season: Season.Autumn),

        // One per personality: only cats of that personality count.
        new("personality_playful", QuestKind.Personality, "Born to play", "Play 20 times with playful cats.", ActivityKind.CatPlayed, 20, new(Coins: 150, ItemKey: "feather_wand", ItemQuantity: 1), Personality.Playful),
        new("personality_aloof", QuestKind.Personality, "Quiet company", "Let aloof cats rest 10 times.", ActivityKind.CatRested, 10, new(Coins: 150, Xp: 50), Personality.Aloof),
        new("personality_curious", QuestKind.Personality, "Quick learner", "Succeed at 10 trainings with curious cats.", ActivityKind.TrainingSucceeded, 10, new(Coins: 150, Xp: 80), Personality.Curious),
        new("personality_lazy", QuestKind.Personality, "Professional napper", "Let lazy cats rest 15 times.", ActivityKind.CatRested, 15, new(Coins: 150, ItemKey: "premium_food", ItemQuantity: 3), Personality.Lazy),
        new("personality_territorial", QuestKind.Personality, "King of the hill", "Play 15 times with territorial cats.", ActivityKind.CatPlayed, 15, new(Coins: 150, Xp: 50), Personality.Territorial),
        new("personality_social", QuestKind.Personality, "Life of the party", "Groom social butterflies 15 times.", ActivityKind.CatGroomed, 15, new(Coins: 150, ItemKey: "grooming_kit", ItemQuantity: 2), Personality.SocialButterfly),

        // Long-term.
        new("long_feed", QuestKind.LongTerm, "Devoted keeper", "Feed your cats 100 times.", ActivityKind.CatFed, 100, new(Coins: 300, Xp: 100)),
        new("long_train", QuestKind.LongTerm, "Cat whisperer", "Succeed at 50 trainings.", ActivityKind.TrainingSucceeded, 50, new(Coins: 500, ItemKey: "premium_food", ItemQuantity: 5)),
        new("long_kittens", QuestKind.LongTerm, "Big family", "Raise 10 kittens.", ActivityKind.KittenBorn, 10, new(Coins: 500, Xp: 200)),
        new("long_rescue", QuestKind.LongTerm, "Safe streets", "Rescue 25 strays on night watch.", ActivityKind.StraysRescued, 25, new(Coins: 400, ItemKey: "safe_haven_kit", ItemQuantity: 1), CountsAmount: true),

        // Community: everyone pushes one shared target each week; every contributor claims the reward.
        new("community_feast", QuestKind.Community, "Feast for all", "Together, feed 200 cats this week.", ActivityKind.CatFed, 200, new(Coins: 50, ItemKey: "premium_food", ItemQuantity: 1)),
        new("community_games", QuestKind.Community, "Game night", "Together, play 100 games of Paw Match this week.", ActivityKind.PawMatchPlayed, 100, new(Coins: 75)),
        new("community_night_shift", QuestKind.Community, "Night shift", "Together, rescue 300 strays this week.", ActivityKind.StraysRescued, 300, new(Coins: 100, ItemKey: "community_alert_kit", ItemQuantity: 1), CountsAmount: true),
    ];

    public static Quest? Find(string? key) => All.FirstOrDefault(q => q.Key == key);

    /// <summary>The player's three daily quests for a local date: one per slot, the same all day, different each day.</summary>
    public static IReadOnlyList<Quest> DailyFor(UserId player, DateOnly localDate)
    {
        // Guid hashes are stable across processes (string hashes are not).
        var random = new SeededRandomSource(player.Value.GetHashCode() ^ localDate.DayNumber);
        return Enumerable.Range(1, DailyCount)
            .Select(slot => random.Pick(All.Where(q => q.Kind == QuestKind.Daily && q.DailySlot == slot).ToList()))
            .ToList();
    }

    /// <summary>The quests an activity at <paramref name="at"/> can move for a player in <paramref name="timeZone"/>.</summary>
    public static IEnumerable<(Quest Quest, string Period)> ActiveAt(UserId player, TimeZoneInfo timeZone, DateTimeOffset at)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, timeZone).DateTime);
        foreach (var quest in DailyFor(player, local))
            yield return (quest, DailyPeriod(local));
        foreach (var quest in All.Where(q => q.Kind == QuestKind.Seasonal && q.Season == SeasonOf(local)))
            yield return (quest, SeasonPeriod(local));
        foreach (var quest in All.Where(q => q.Kind is QuestKind.Personality or QuestKind.LongTerm))
            yield return (quest, Forever);
        foreach (var quest in All.Where(q => q.Kind == QuestKind.Community))
            yield return (quest, WeekPeriod(at));
    }

    public static string DailyPeriod(DateOnly localDate) => localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Meteorological seasons; December belongs to the winter that continues into the next year.</summary>
    public static Season SeasonOf(DateOnly date) => date.Month switch
    {
        12 or 1 or 2 => Season.Winter,
        3 or 4 or 5 => Season.Spring,
        6 or 7 or 8 => Season.Summer,
        _ => Season.Autumn,
    };

    public static string SeasonPeriod(DateOnly date)
    {
        var year = date.Month <= 2 ? date.Year - 1 : date.Year;
        return $"{year}-{SeasonOf(date).ToString().ToLowerInvariant()}";
    }

    /// <summary>The ISO week (UTC) community quests run in, e.g. 2026-W48.</summary>
    public static string WeekPeriod(DateTimeOffset at) =>
        $"{ISOWeek.GetYear(at.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(at.UtcDateTime):00}";

    /// <summary>When the current ISO week (UTC) began.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var start = ISOWeek.ToDateTime(ISOWeek.GetYear(utc), ISOWeek.GetWeekOfYear(utc), DayOfWeek.Monday);
        return new DateTimeOffset(start, TimeSpan.Zero);
    }

    /// <summary>The next local midnight, when daily quests reset, as an instant.</summary>
    public static DateTimeOffset NextDailyReset(TimeZoneInfo timeZone, DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, timeZone);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, timeZone.GetUtcOffset(midnight));
    }
}

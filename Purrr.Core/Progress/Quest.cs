using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Economy;

namespace Purrr.Core.Progress;

public enum QuestKind { Daily, Seasonal, Personality, LongTerm, Community }

public enum Season { Winter, Spring, Summer, Autumn }

/// <summary>What completing a quest pays; XP goes to a cat the player picks when claiming.</summary>
public sealed record QuestReward(long Coins = 0, int Xp = 0, string? ItemKey = null, int ItemQuantity = 0)
{
    public string Describe() => string.Join(" · ", new[]
    {
        Coins > 0 ? $"{Coins} coins" : null,
        Xp > 0 ? $"{Xp} XP" : null,
        ItemKey is not null && Items.Find(ItemKey) is { } item ? $"{ItemQuantity} × {item.Name.ToLowerInvariant()}" : null,
    }.OfType<string>());
}

/// <summary>A goal: do <see cref="Counts"/> <see cref="Target"/> times (with a cat of <see cref="ForPersonality"/>, if set).</summary>
public sealed record Quest(
    string Key,
    QuestKind Kind,
    string Title,
    string Description,
    ActivityKind Counts,
    int Target,
    QuestReward Reward,
    Personality? ForPersonality = null,
    Season? Season = null,
    int DailySlot = 0,
    bool CountsAmount = false)
{
    /// <summary>How far one activity moves this quest: one, or the number it carries (strays rescued in a tick).</summary>
    public int StepFor(ActivityEvent activity) => CountsAmount ? Math.Max(1, activity.Amount) : 1;

    public bool IsMovedBy(ActivityEvent activity) =>
        activity.Kind == Counts && (ForPersonality is null || activity.CatPersonality == ForPersonality);
}

using Purrr.Core.Common;

namespace Purrr.Core.Progress;

/// <summary>One running total of a player (see <see cref="Counters"/>).</summary>
public sealed class PlayerCounter
{
    private PlayerCounter() { } // for EF Core

    public UserId PlayerId { get; private set; }
    public string Key { get; private set; } = "";
    public long Value { get; private set; }

    /// <summary>Optimistic concurrency: two instances applying events of one player cannot both count.</summary>
    public int Version { get; private set; }

    internal static PlayerCounter Start(UserId player, string key) => new() { PlayerId = player, Key = key };

    internal void Apply(Counters.Change change)
    {
        Value = Counters.Apply(Value, change);
        Version++;
    }
}

/// <summary>A player's progress on one quest in one period (a day, a season, a week, or for ever).</summary>
public sealed class PlayerQuest
{
    private PlayerQuest() { } // for EF Core

    public long Id { get; private set; }
    public UserId PlayerId { get; private set; }
    public string QuestKey { get; private set; } = "";
    public string Period { get; private set; } = "";
    public int Progress { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }

    /// <summary>Optimistic concurrency: a reward claimed twice at once is paid once.</summary>
    public int Version { get; private set; }

    internal static PlayerQuest Start(UserId player, Quest quest, string period) =>
        new() { PlayerId = player, QuestKey = quest.Key, Period = period };

    /// <summary>Counts <paramref name="step"/> more; a personal quest stops at its target and completes there.</summary>
    internal void Advance(Quest quest, DateTimeOffset at, int step = 1)
    {
        if (quest.Kind != QuestKind.Community && CompletedAt is not null)
            return;
        Progress = quest.Kind == QuestKind.Community ? Progress + step : Math.Min(quest.Target, Progress + step);
        Version++;
        if (quest.Kind != QuestKind.Community && Progress >= quest.Target)
            CompletedAt = at;
    }

    internal void MarkClaimed(DateTimeOffset at)
    {
        ClaimedAt = at;
        Version++;
    }
}

/// <summary>An achievement a player unlocked, with the points it was worth.</summary>
public sealed class PlayerAchievement
{
    private PlayerAchievement() { } // for EF Core

    public UserId PlayerId { get; private set; }
    public string AchievementKey { get; private set; } = "";
    public int Points { get; private set; }
    public DateTimeOffset UnlockedAt { get; private set; }

    internal static PlayerAchievement Unlock(UserId player, Achievement achievement, DateTimeOffset at) =>
        new() { PlayerId = player, AchievementKey = achievement.Key, Points = achievement.Points, UnlockedAt = at };
}

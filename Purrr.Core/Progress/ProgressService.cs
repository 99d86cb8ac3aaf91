using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Events;
using Purrr.Core.Notifications;
using Purrr.Core.Persistence;

namespace Purrr.Core.Progress;

/// <summary>
/// Applies recorded activities to counters, achievements and quests. Each activity is applied and marked processed
/// in one save, so it counts exactly once even if two processors race or the app stops halfway.
/// </summary>
public sealed class ProgressService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    public const int BatchSize = 500;

    /// <summary>Applies activities not applied yet, oldest first; returns how many it applied.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken ct = default)
    {
        List<Guid> pending;
        await using (var db = await dbFactory.CreateAsync(ct))
            pending = await db.ActivityEvents.Where(e => e.ProcessedAt == null).OrderBy(e => e.OccurredAt).Take(BatchSize).Select(e => e.Id).ToListAsync(ct);

        var applied = 0;
        foreach (var id in pending)
            if (await ApplyAsync(id, ct))
                applied++;
        return applied;
    }

    private async Task<bool> ApplyAsync(Guid activityId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var activity = await db.ActivityEvents.FirstOrDefaultAsync(e => e.Id == activityId, ct);
        if (activity is null || activity.ProcessedAt is not null)
            return false;
        var now = clock.GetUtcNow();
        var player = await db.Players.AsNoTracking().FirstOrDefaultAsync(p => p.Id == activity.PlayerId, ct);
        var unlockedNow = new List<Achievement>();
        var communityMoved = new List<(string Quest, string Period)>();

        if (player is not null)
        {
            var counters = await db.PlayerCounters.Where(c => c.PlayerId == player.Id).ToDictionaryAsync(c => c.Key, ct);
            foreach (var change in Counters.From(activity))
            {
                if (!counters.TryGetValue(change.Key, out var counter))
                {
                    counters[change.Key] = counter = PlayerCounter.Start(player.Id, change.Key);
                    db.PlayerCounters.Add(counter);
                }
                counter.Apply(change);
            }

            var unlocked = await db.PlayerAchievements.Where(a => a.PlayerId == player.Id).Select(a => a.AchievementKey).ToListAsync(ct);
            foreach (var achievement in Achievements.All)
            {
                if (!unlocked.Contains(achievement.Key) && counters.TryGetValue(achievement.Counter, out var value) && value.Value >= achievement.Threshold)
                {
                    db.PlayerAchievements.Add(PlayerAchievement.Unlock(player.Id, achievement, now));
                    await Notify.AddAsync(db, player.Id, NotificationType.Achievement,
                        $"You earned “{achievement.Name}” (+{achievement.Points} points).", $"players/{player.UserName}", null, now, ct);
                    unlockedNow.Add(achievement);
                }
            }

            var timeZone = player.TimeZone;
            foreach (var (quest, period) in Quests.ActiveAt(player.Id, timeZone, activity.OccurredAt).Where(q => q.Quest.IsMovedBy(activity)))
            {
                var row = await db.PlayerQuests.FirstOrDefaultAsync(r => r.PlayerId == player.Id && r.QuestKey == quest.Key && r.Period == period, ct);
                if (row is null)
                {
                    row = PlayerQuest.Start(player.Id, quest, period);
                    db.PlayerQuests.Add(row);
                }
                row.Advance(quest, now, quest.StepFor(activity));
                if (quest.Kind == QuestKind.Community)
                    communityMoved.Add((quest.Key, period));
            }
        }

        activity.MarkProcessed(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return false; // another processor got there first; whatever is left is picked up by the next sweep
        }

        if (player is null)
            return true;
        bus.Publish(new QuestsChanged(player.Id));
        foreach (var achievement in unlockedNow)
            bus.Publish(new AchievementUnlocked(player.Id, achievement.Key, achievement.Name, achievement.Points));
        if (unlockedNow.Count > 0)
            Notify.Announce(bus, [player.Id]);
        foreach (var (quest, period) in communityMoved)
            bus.Publish(new CommunityQuestChanged(quest, period));
        return true;
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Progress;

/// <summary>A quest as the player sees it now. For a community quest, <see cref="CommunityTotal"/> is everyone's progress.</summary>
public sealed record QuestProgress(Quest Quest, string Period, int Progress, bool Completed, bool Claimed, int? CommunityTotal)
{
    public int Shown => Math.Min(CommunityTotal ?? Progress, Quest.Target);
    public bool CanClaim => Completed && !Claimed;
}

public sealed record QuestBoard(
    IReadOnlyList<QuestProgress> Daily,
    DateTimeOffset DailyResetAt,
    IReadOnlyList<QuestProgress> Community,
    IReadOnlyList<QuestProgress> Seasonal,
    IReadOnlyList<QuestProgress> Personality,
    IReadOnlyList<QuestProgress> LongTerm)
{
    public IEnumerable<QuestProgress> All => [.. Daily, .. Community, .. Seasonal, .. Personality, .. LongTerm];
}

/// <summary>The quests a player has now, and claiming their rewards (paid once).</summary>
public sealed class QuestService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    public async Task<QuestBoard> GetBoardAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var timeZone = Player.ZoneOf(await db.Players.Where(p => p.Id == player).Select(p => p.TimeZoneId).FirstOrDefaultAsync(ct));
        var active = Quests.ActiveAt(player, timeZone, now).ToList();
        var periods = active.Select(a => a.Period).Distinct().ToList();
        var rows = await db.PlayerQuests.AsNoTracking().Where(r => r.PlayerId == player && periods.Contains(r.Period)).ToListAsync(ct);
        var communityKeys = active.Where(a => a.Quest.Kind == QuestKind.Community).Select(a => a.Quest.Key).ToList();
        var totals = await db.PlayerQuests.Where(r => communityKeys.Contains(r.QuestKey) && periods.Contains(r.Period))
            .GroupBy(r => new { r.QuestKey, r.Period }).Select(g => new { g.Key.QuestKey, g.Key.Period, Total = g.Sum(r => r.Progress) })
            .ToListAsync(ct);

        var progress = active.Select(a =>
        {
            var row = rows.FirstOrDefault(r => r.QuestKey == a.Quest.Key && r.Period == a.Period);
            int? total = a.Quest.Kind == QuestKind.Community
                ? totals.FirstOrDefault(t => t.QuestKey == a.Quest.Key && t.Period == a.Period)?.Total ?? 0
                : null;
            return View(a.Quest, a.Period, row, total);
        }).ToList();

        List<QuestProgress> Of(QuestKind kind) => progress.Where(p => p.Quest.Kind == kind).ToList();
        return new QuestBoard(Of(QuestKind.Daily), Quests.NextDailyReset(timeZone, now), Of(QuestKind.Community),
            Of(QuestKind.Seasonal), Of(QuestKind.Personality), Of(QuestKind.LongTerm));
    }

    /// <summary>Pays a completed quest's reward once; its XP goes to <paramref name="xpCat"/> (curious cats get ×1.25).</summary>
    public async Task<Result<QuestReward>> ClaimAsync(UserId player, string questKey, string period, CatId? xpCat, CancellationToken ct = default)
    {
        if (Quests.Find(questKey) is not { } quest)
            return Result<QuestReward>.Failure("There is no such quest.");

        var claimed = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            var row = await db.PlayerQuests.FirstOrDefaultAsync(r => r.PlayerId == player && r.QuestKey == questKey && r.Period == period, ct);
            int? total = quest.Kind == QuestKind.Community
                ? await db.PlayerQuests.Where(r => r.QuestKey == questKey && r.Period == period).SumAsync(r => r.Progress, ct)
                : null;
            var state = View(quest, period, row, total);
            if (state.Claimed)
                return Result<QuestReward>.Failure("You already claimed this reward.");
            if (!state.Completed || row is null)
                return Result<QuestReward>.Failure("This quest isn't complete yet.");

            var payer = await db.Players.FirstAsync(p => p.Id == player, ct);
            Cat? cat = null;
            if (quest.Reward.Xp > 0)
            {
                cat = xpCat is { } id ? await db.Cats.FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == player, ct) : null;
                if (cat is null && await db.Cats.AnyAsync(c => c.OwnerId == player, ct))
                    return Result<QuestReward>.Failure("Choose which of your cats gets the XP.");
            }

            var reference = $"quest:{quest.Key}:{period}";
            if (quest.Reward.Coins > 0)
                db.LedgerEntries.Add(Wallet.Credit(payer, quest.Reward.Coins, LedgerReason.QuestReward, reference, now));
            if (quest.Reward.ItemKey is { } itemKey && Items.Find(itemKey) is { } item)
                await InventoryItem.StockAsync(db, player, item, quest.Reward.ItemQuantity, ct);
            if (cat is not null)
                CatXp.Award(db, player, cat, PersonalityTraits.Scale(quest.Reward.Xp, cat.Traits.QuestXp), now);
            row.MarkClaimed(now);
            await db.SaveChangesAsync(ct);
            bus.Publish(new WalletChanged(player, payer.Coins));
            if (cat is not null)
                bus.Publish(new CatChanged(cat.Id, player));
            return Result<QuestReward>.Success(quest.Reward);
        });
        if (claimed.Succeeded)
        {
            bus.Publish(new QuestsChanged(player));
            bus.Publish(new ActivityRecorded(player));
        }
        return claimed;
    }

    private static QuestProgress View(Quest quest, string period, PlayerQuest? row, int? communityTotal)
    {
        var completed = quest.Kind == QuestKind.Community
            ? communityTotal >= quest.Target && row is { Progress: > 0 }
            : row?.CompletedAt is not null;
        return new QuestProgress(quest, period, row?.Progress ?? 0, completed, row?.ClaimedAt is not null, communityTotal);
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Economy;

public sealed record LedgerPage(long Coins, IReadOnlyList<LedgerEntry> Entries, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A player's coin history, newest first.</summary>
public sealed class WalletService(IPurrrDbFactory dbFactory)
{
    public const int PageSize = 25;

    public async Task<LedgerPage> GetLedgerAsync(UserId player, int page, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var coins = await db.Players.Where(p => p.Id == player).Select(p => p.Coins).FirstOrDefaultAsync(ct);
        var entries = db.LedgerEntries.AsNoTracking().Where(e => e.PlayerId == player);
        var total = await entries.CountAsync(ct);
        var current = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await entries.OrderByDescending(e => e.Id).Skip((current - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new LedgerPage(coins, rows, total, current, PageSize);
    }

    /// <summary>A ledger line in words, with what it was for (read from the reference its cause wrote).</summary>
    public static string Describe(LedgerEntry entry) => entry.Reason switch
    {
        LedgerReason.WelcomeGift => "Welcome gift",
        LedgerReason.Purchase when entry.Reference.StartsWith("item:", StringComparison.Ordinal)
            && entry.Reference[5..].Split('x') is [var key, var quantity] && Items.Find(key) is { } item => $"Bought {quantity} × {item.Name.ToLowerInvariant()}",
        LedgerReason.Purchase => "Shop purchase",
        LedgerReason.BreedingFee => entry.ReferencedId("pregnancy") is not null ? "Breeding (kittens on the way)" : "Breeding (didn't take)",
        LedgerReason.QuestReward => $"Quest reward: {Progress.Quests.Find(entry.Reference.Split(':').ElementAtOrDefault(1))?.Title ?? "quest"}",
        LedgerReason.PawMatchFee => "Paw Match entry fee",
        LedgerReason.PawMatchPrize => "Paw Match prize",
        LedgerReason.ZonePurchase => "Night watch protection zone",
        _ => "Coins",
    };
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Moderation;
using Purrr.Core.Persistence;
using Purrr.Core.Presence;
using Purrr.Core.Rooms;
using Purrr.Core.Security;

namespace Purrr.Core.Admin;

/// <summary>
/// The admin dashboard's figures, all from stored data (plus presence and rooms, which live in memory). Every count,
/// sum and per-day grouping is one SQL query (days are UTC, grouped through <see cref="DayNumber"/>): no table is
/// loaded into memory, so the cost grows with the number of days shown, not with the number of rows.
/// </summary>
public sealed class DashboardService(IPurrrDbFactory dbFactory, TimeProvider clock, PresenceTracker presence, RoomRegistry rooms)
{
    public static readonly IReadOnlyList<ActivityKind> CareKinds =
        [ActivityKind.CatFed, ActivityKind.CatPlayed, ActivityKind.CatGroomed, ActivityKind.CatRested, ActivityKind.CatTrained];

    private static readonly IReadOnlyList<ActivityKind> NightKinds =
        [ActivityKind.BobcatEncountered, ActivityKind.BobcatDeterred, ActivityKind.StraysRescued, ActivityKind.StraysSheltered];

    /// <summary>Players with at least one tab open now (live; the dashboard follows <see cref="PresenceChanged"/>).</summary>
    public int OnlineNow => presence.OnlineUsers().Count;

    public async Task<Result<Dashboard>> GetAsync(int days, CancellationToken ct = default)
    {
        var range = DashboardRange.Of(days, clock.GetUtcNow());
        return range.Succeeded ? await GetAsync(range.Value, ct) : Result<Dashboard>.Failure(range.Problems);
    }

    public async Task<Dashboard> GetAsync(DashboardRange range, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var (from, to, before) = (range.Start, range.End, range.PreviousStart);
        var online = presence.OnlineUsers();
        var since = $"{range.Days} days ago";
        var previous = $"the previous {range.Days} days";

        var users = await db.Players.CountAsync(ct);
        var usersBefore = await db.Players.CountAsync(p => p.JoinedAt < from, ct);
        var cats = await db.Cats.CountAsync(ct);
        var catsBefore = await db.Cats.CountAsync(c => c.CreatedAt < from, ct);
        var published = db.Posts.Where(p => p.Status == PostStatus.Published && p.DeletedAt == null);
        var posts = await published.CountAsync(ct);
        var postsBefore = await published.CountAsync(p => p.PublishedAt < from, ct);
        var coins = await db.Players.SumAsync(p => p.Coins, ct);
        var coinsBefore = await db.LedgerEntries.Where(e => e.At < from).SumAsync(e => e.Amount, ct); // a balance is the sum of its entries
        var openReports = await db.Reports.CountAsync(r => r.Status == ReportStatus.Open, ct);
        var openReportsBefore = await db.Reports.CountAsync(r => r.CreatedAt < from && (r.ResolvedAt == null || r.ResolvedAt >= from), ct);

        var security = await CountByPeriodAsync(db.SecurityEvents.Where(e => e.OccurredAt >= before && e.OccurredAt < to), e => e.OccurredAt >= from, ct);
        var night = await db.ActivityEvents
            .Where(e => NightKinds.Contains(e.Kind) && e.OccurredAt >= before && e.OccurredAt < to)
            .GroupBy(e => new { e.Kind, Current = e.OccurredAt >= from })
            .Select(g => new { g.Key.Kind, g.Key.Current, Amount = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        double Night(bool current, params ActivityKind[] kinds) => night.Where(n => n.Current == current && kinds.Contains(n.Kind)).Sum(n => n.Amount);

        var activeNow = await ActiveDaysAsync(db, from, to, range.End, online, ct);
        var activeBefore = await ActiveDaysAsync(db, before, from, range.End, [], ct);

        Kpi[] kpis =
        [
            new(KpiKind.TotalUsers, "Total users", users, new(usersBefore, users), $"Accounts now vs {since}"),
            new(KpiKind.DailyActiveUsers, "Daily active users", Average(activeNow, range.Days), new(Average(activeBefore, range.Days), Average(activeNow, range.Days)),
                $"Average per day vs {previous}"),
            new(KpiKind.OnlineNow, "Online now", online.Count, null, "Players with Purrr open right now (live)"),
            new(KpiKind.Cats, "Cats", cats, new(catsBefore, cats), $"Cats now vs {since}"),
            new(KpiKind.Posts, "Posts", posts, new(postsBefore, posts), $"Published posts now vs {since}"),
            new(KpiKind.CoinsInCirculation, "Coins in circulation", coins, new(coinsBefore, coins), $"All players' coins now vs {since}"),
            new(KpiKind.NightWatchEncounters, "Bobcat encounters", Night(true, ActivityKind.BobcatEncountered),
                new(Night(false, ActivityKind.BobcatEncountered), Night(true, ActivityKind.BobcatEncountered)), $"Night-watch encounters vs {previous}"),
            new(KpiKind.StraysRescued, "Strays rescued", Night(true, ActivityKind.StraysRescued, ActivityKind.StraysSheltered),
                new(Night(false, ActivityKind.StraysRescued, ActivityKind.StraysSheltered), Night(true, ActivityKind.StraysRescued, ActivityKind.StraysSheltered)),
                $"Strays rescued or sheltered on patrol vs {previous}"),
            new(KpiKind.SecurityEvents, "Security events", security.Current, new(security.Previous, security.Current), $"Logged vs {previous}", "admin/security", RiseIsBad: true),
            new(KpiKind.OpenReports, "Open reports", openReports, new(openReportsBefore, openReports), $"Waiting for a moderator now vs {since}", RiseIsBad: true),
        ];

        return new Dashboard(range, kpis,
            await ActivityChartAsync(db, range, online, ct),
            await RegistrationsChartAsync(db, range, ct),
            await EconomyChartAsync(db, range, ct),
            await NightWatchChartAsync(db, range, ct),
            await RoomsChartAsync(db, range, ct));
    }

    private static double Average(long playerDays, int days) => Math.Round(playerDays / (double)days, 1);

    private static async Task<(long Current, long Previous)> CountByPeriodAsync<T>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, bool>> isCurrent, CancellationToken ct)
    {
        var counts = await rows.GroupBy(isCurrent).Select(g => new { Current = g.Key, Count = g.LongCount() }).ToListAsync(ct);
        return (counts.Where(c => c.Current).Sum(c => c.Count), counts.Where(c => !c.Current).Sum(c => c.Count));
    }

    /// <summary>
    /// One row per player and UTC day on which the player was active: did something that is logged (an activity, a post,
    /// a comment, a reaction), signed in, or left the app (their last-seen time). UNION in SQL, so each pair counts once.
    /// </summary>
    private static IQueryable<PlayerDay> ActivePlayerDays(IPurrrDb db, DateTimeOffset from, DateTimeOffset to) =>
        db.ActivityEvents.Where(e => e.OccurredAt >= from && e.OccurredAt < to)
            .Select(e => new PlayerDay { Player = e.PlayerId, Day = DayNumber.Of(e.OccurredAt) })
        .Union(db.SecurityEvents.Where(e => e.Type == SecurityEventType.LoginSucceeded && e.UserId != null && e.OccurredAt >= from && e.OccurredAt < to)
            .Select(e => new PlayerDay { Player = e.UserId!.Value, Day = DayNumber.Of(e.OccurredAt) }))
        .Union(db.Players.Where(p => p.LastSeenAt >= from && p.LastSeenAt < to)
            .Select(p => new PlayerDay { Player = p.Id, Day = DayNumber.Of(p.LastSeenAt!.Value) }))
        .Union(db.Posts.Where(p => p.PublishedAt >= from && p.PublishedAt < to)
            .Select(p => new PlayerDay { Player = p.AuthorId, Day = DayNumber.Of(p.PublishedAt!.Value) }))
        .Union(db.Comments.Where(c => c.CreatedAt >= from && c.CreatedAt < to)
            .Select(c => new PlayerDay { Player = c.AuthorId, Day = DayNumber.Of(c.CreatedAt) }))
        .Union(db.Reactions.Where(r => r.CreatedAt >= from && r.CreatedAt < to)
            .Select(r => new PlayerDay { Player = r.UserId, Day = DayNumber.Of(r.CreatedAt) }));

    /// <summary>Active (player, day) pairs in the window, counting players online now as active today.</summary>
    private static async Task<long> ActiveDaysAsync(IPurrrDb db, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, IReadOnlyList<UserId> online, CancellationToken ct)
    {
        var pairs = await ActivePlayerDays(db, from, to).LongCountAsync(ct);
        return pairs + await OnlineOnlyTodayAsync(db, DayNumber.Of(now), to, online, ct);
    }

    /// <summary>Players online now who have done nothing logged today (they count as active today too).</summary>
    private static async Task<int> OnlineOnlyTodayAsync(IPurrrDb db, long today, DateTimeOffset to, IReadOnlyList<UserId> online, CancellationToken ct)
    {
        if (online.Count == 0)
            return 0;
        var ids = online.ToList();
        var counted = await ActivePlayerDays(db, DayNumber.Start(today), to).Where(p => ids.Contains(p.Player)).Select(p => p.Player).Distinct().CountAsync(ct);
        return online.Count - counted;
    }

    private static async Task<ChartData> ActivityChartAsync(IPurrrDb db, DashboardRange range, IReadOnlyList<UserId> online, CancellationToken ct)
    {
        var (from, to) = (range.ChartStart, range.End);
        var posts = await PerDayAsync(db.Posts.Where(p => p.Status == PostStatus.Published && p.DeletedAt == null && p.PublishedAt >= from && p.PublishedAt < to)
            .GroupBy(p => DayNumber.Of(p.PublishedAt!.Value)).Select(g => new DayValue { Day = g.Key, Value = g.Count() }), range, ct);
        var comments = await PerDayAsync(db.Comments.Where(c => c.CreatedAt >= from && c.CreatedAt < to)
            .GroupBy(c => DayNumber.Of(c.CreatedAt)).Select(g => new DayValue { Day = g.Key, Value = g.Count() }), range, ct);
        var reactions = await PerDayAsync(db.Reactions.Where(r => r.CreatedAt >= from && r.CreatedAt < to)
            .GroupBy(r => DayNumber.Of(r.CreatedAt)).Select(g => new DayValue { Day = g.Key, Value = g.Count() }), range, ct);
        var care = await PerDayAsync(db.ActivityEvents.Where(e => CareKinds.Contains(e.Kind) && e.OccurredAt >= from && e.OccurredAt < to)
            .GroupBy(e => DayNumber.Of(e.OccurredAt)).Select(g => new DayValue { Day = g.Key, Value = g.Count() }), range, ct);
        var active = await PerDayAsync(ActivePlayerDays(db, from, to)
            .GroupBy(p => p.Day).Select(g => new DayValue { Day = g.Key, Value = g.Count() }), range, ct);
        active[^1] += await OnlineOnlyTodayAsync(db, range.ChartDays[^1], to, online, ct);
        return new ChartData(DayLabels(range),
        [
            new("Posts", posts), new("Comments", comments), new("Reactions", reactions), new("Care actions", care), new("Active players", active),
        ]);
    }

    private static async Task<ChartData> RegistrationsChartAsync(IPurrrDb db, DashboardRange range, CancellationToken ct)
    {
        var (from, to) = (range.ChartStart, range.End);
        var joined = await PerDayAsync(db.Players.Where(p => p.JoinedAt >= from && p.JoinedAt < to)
            .GroupBy(p => DayNumber.Of(p.JoinedAt)).Select(g => new DayValue { Day = g.Key, Value = g.Count() }), range, ct);
        return new ChartData(DayLabels(range), [new("New players", joined)]);
    }

    private static async Task<ChartData> EconomyChartAsync(IPurrrDb db, DashboardRange range, CancellationToken ct)
    {
        var (from, to) = (range.ChartStart, range.End);
        var flows = await db.LedgerEntries.Where(e => e.At >= from && e.At < to)
            .GroupBy(e => DayNumber.Of(e.At))
            .Select(g => new { Day = g.Key, Created = g.Sum(e => e.Amount > 0 ? e.Amount : 0), Spent = g.Sum(e => e.Amount < 0 ? -e.Amount : 0) })
            .ToListAsync(ct);
        return new ChartData(DayLabels(range),
        [
            new("Coins created", Spread(range, flows.Select(f => (f.Day, (double)f.Created)))),
            new("Coins spent", Spread(range, flows.Select(f => (f.Day, (double)f.Spent)))),
        ]);
    }

    private static async Task<ChartData> NightWatchChartAsync(IPurrrDb db, DashboardRange range, CancellationToken ct)
    {
        var (from, to) = (range.ChartStart, range.End);
        var rows = await db.ActivityEvents.Where(e => NightKinds.Contains(e.Kind) && e.OccurredAt >= from && e.OccurredAt < to)
            .GroupBy(e => new { e.Kind, Day = DayNumber.Of(e.OccurredAt) })
            .Select(g => new { g.Key.Kind, g.Key.Day, Amount = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        double[] Of(ActivityKind kind) => Spread(range, rows.Where(r => r.Kind == kind).Select(r => (r.Day, (double)r.Amount)));
        var encountered = Of(ActivityKind.BobcatEncountered);
        var deterred = Of(ActivityKind.BobcatDeterred);
        return new ChartData(DayLabels(range),
        [
            new("Bobcats chased off", deterred),
            new("Bobcats that got past", [.. encountered.Zip(deterred, (e, d) => Math.Max(0, e - d))]),
            new("Strays rescued", Of(ActivityKind.StraysRescued)),
            new("Strays sheltered", Of(ActivityKind.StraysSheltered)),
        ]);
    }

    private async Task<ChartData> RoomsChartAsync(IPurrrDb db, DashboardRange range, CancellationToken ct)
    {
        var (from, to) = (range.Start, range.End);
        var visits = await db.RoomVisits.Where(v => v.JoinedAt >= from && v.JoinedAt < to)
            .GroupBy(v => v.RoomType).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(ct);
        var now = rooms.OpenRooms();
        return new ChartData([.. RoomTypes.All.Select(RoomTypes.Name)],
        [
            new("Cats in rooms now", [.. RoomTypes.All.Select(t => (double)now.Where(r => r.Key.Type == t).Sum(r => r.Members))]),
            new($"Visits, last {range.Days} days", [.. RoomTypes.All.Select(t => (double)(visits.FirstOrDefault(v => v.Type == t)?.Count ?? 0))]),
        ]);
    }

    private static async Task<double[]> PerDayAsync(IQueryable<DayValue> perDay, DashboardRange range, CancellationToken ct) =>
        Spread(range, (await perDay.ToListAsync(ct)).Select(d => (d.Day, d.Value)));

    /// <summary>One value per chart day (days without rows are zero).</summary>
    private static double[] Spread(DashboardRange range, IEnumerable<(long Day, double Value)> values)
    {
        var days = range.ChartDays;
        var result = new double[days.Count];
        foreach (var (day, value) in values)
        {
            var index = (int)(day - days[0]);
            if (index >= 0 && index < result.Length)
                result[index] += value;
        }
        return result;
    }

    private static string[] DayLabels(DashboardRange range) =>
        [.. range.ChartDays.Select(d => DayNumber.Start(d).ToString("ddd d MMM", CultureInfo.InvariantCulture))];

    private sealed class PlayerDay
    {
        public UserId Player { get; init; }
        public long Day { get; init; }
    }

    private sealed class DayValue
    {
        public long Day { get; init; }
        public double Value { get; init; }
    }
}

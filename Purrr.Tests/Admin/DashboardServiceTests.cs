using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Activity;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Economy;
using Purrr.Core.Moderation;
using Purrr.Core.Presence;
using Purrr.Core.Rooms;
using Purrr.Core.Security;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

/// <summary>
/// The dashboard over a world of random history (fixed seed): every figure equals what the test counts itself over the
/// rows it wrote, with LINQ in memory rather than the service's SQL.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DashboardServiceTests : ServiceTestBase
{
    private static readonly DateTimeOffset Now = TestClock.Noon;

    private PresenceTracker? presence;
    private PresenceTracker Presence => presence ??= new PresenceTracker(Clock, Bus, Database.Factory);
    private DashboardService Dashboard => new(Database.Factory, Clock, Presence, RoomRegistry);

    private sealed record World(
        List<Player> Players, List<ActivityEvent> Activity, List<LedgerEntry> Ledger, List<SecurityEvent> Security,
        List<Post> Posts, List<Comment> Comments, List<Reaction> Reactions, List<Report> Reports, List<RoomVisit> Visits,
        Dictionary<UserId, DateTimeOffset> LastSeen, List<(UserId Owner, DateTimeOffset Created)> Cats);

    /// <summary>Writes 40 days of history for 30 players at random moments (seeded), and returns what it wrote.</summary>
    private async Task<World> SeedHistoryAsync(int seed = 7)
    {
        var random = new Random(seed);
        DateTimeOffset Past(int days = 40) => Now.AddMinutes(-random.Next(1, days * 24 * 60));
        var world = new World([], [], [], [], [], [], [], [], [], [], []);
        await using var db = Database.NewContext();
        for (var i = 0; i < 30; i++)
        {
            var id = UserId.New();
            var player = Player.Create(id, $"player{i}", "UTC", Past());
            db.Users.Add(new PurrrUser { Id = id, UserName = $"player{i}", NormalizedUserName = $"PLAYER{i}", SecurityStamp = "s", Player = player });
            world.Players.Add(player);
            for (var e = 0; e < 4; e++)
            {
                var at = Past();
                world.Ledger.Add(e % 3 == 2 && player.Coins > 50
                    ? Wallet.Spend(player, random.Next(1, 50), LedgerReason.Purchase, "test", $"k{i}-{e}", at).Value
                    : Wallet.Credit(player, random.Next(10, 200), LedgerReason.QuestReward, "test", at));
            }
            if (random.Next(3) > 0)
                world.LastSeen[id] = Past(20);
            for (var c = 0; c < random.Next(0, 3); c++)
                world.Cats.Add((id, Past()));
        }
        db.LedgerEntries.AddRange(world.Ledger);
        ActivityKind[] kinds = [ActivityKind.CatFed, ActivityKind.CatGroomed, ActivityKind.CatTrained, ActivityKind.PatrolStarted,
            ActivityKind.BobcatEncountered, ActivityKind.BobcatDeterred, ActivityKind.StraysRescued, ActivityKind.StraysSheltered];
        for (var i = 0; i < 300; i++)
        {
            var kind = kinds[random.Next(kinds.Length)];
            world.Activity.Add(ActivityEvent.Of(world.Players[random.Next(30)].Id, null, kind, Past(),
                amount: kind is ActivityKind.StraysRescued or ActivityKind.StraysSheltered ? random.Next(1, 4) : 1));
        }
        db.ActivityEvents.AddRange(world.Activity);
        SecurityEventType[] types = [SecurityEventType.LoginSucceeded, SecurityEventType.LoginFailed, SecurityEventType.UnauthorizedAccess, SecurityEventType.IpAutoBanned];
        for (var i = 0; i < 80; i++)
            world.Security.Add(SecurityEvent.Create(types[random.Next(types.Length)], random.Next(5) == 0 ? null : world.Players[random.Next(30)].Id, "10.0.0.1", "test", Past()));
        db.SecurityEvents.AddRange(world.Security);
        for (var i = 0; i < 25; i++)
        {
            var post = Post.Create(world.Players[random.Next(30)].Id, $"post-{i}", Past());
            post.SetContent($"Post {i}", "Body", "Body", null, [], 1, post.CreatedAt);
            if (random.Next(4) > 0)
                post.SetStatus(PostStatus.Published, Past());
            world.Posts.Add(post);
        }
        db.Posts.AddRange(world.Posts);
        for (var i = 0; i < 60; i++)
        {
            var post = world.Posts[random.Next(world.Posts.Count)];
            world.Comments.Add(Comment.Create(post.Id, null, world.Players[random.Next(30)].Id, "Nice", Past()));
        }
        db.Comments.AddRange(world.Comments);
        foreach (var (post, user) in world.Posts.SelectMany(p => world.Players.Take(random.Next(0, 6)).Select(u => (p, u))))
            world.Reactions.Add(Reaction.Create(ReactionTarget.Post, post.Id, user.Id, ReactionType.Love, Past()));
        db.Reactions.AddRange(world.Reactions);
        for (var i = 0; i < 12; i++)
        {
            var report = Report.Create(ReportTarget.Post, world.Posts[i].Id, world.Players[i].Id, "spam", "", Past(20));
            if (i % 3 == 0)
                report.Close(ReportStatus.Resolved, world.Players[0].Id, Now.AddDays(-random.Next(0, 5)));
            world.Reports.Add(report);
        }
        db.Reports.AddRange(world.Reports);
        await db.SaveChangesAsync();

        foreach (var (owner, created) in world.Cats)
            await Database.AddCatsAsync(ACat.Playful().OwnedBy(owner).BornAt(created).Build());
        foreach (var (id, seen) in world.LastSeen)
            await db.Players.Where(p => p.Id == id).ExecuteUpdateAsync(set => set.SetProperty(p => p.LastSeenAt, seen));
        for (var i = 0; i < 20; i++)
        {
            var catId = (await db.Cats.AsNoTracking().OrderBy(c => c.Id).Skip(i % 5).FirstAsync()).Id;
            world.Visits.Add(RoomVisit.Start(Guid.NewGuid(), new RoomKey(RoomTypes.All[i % 5], 1), catId, world.Players[i].Id, Past(14)));
        }
        db.RoomVisits.AddRange(world.Visits);
        await db.SaveChangesAsync();
        return world;
    }

    private static bool In(DateTimeOffset at, DateTimeOffset from, DateTimeOffset to) => at >= from && at < to;

    /// <summary>Distinct (player, UTC day) pairs with anything logged in the window.</summary>
    private static int ActivePlayerDays(World world, DateTimeOffset from, DateTimeOffset to) =>
        world.Activity.Where(e => In(e.OccurredAt, from, to)).Select(e => (e.PlayerId, e.OccurredAt.UtcDateTime.Date))
            .Concat(world.Security.Where(e => e.Type == SecurityEventType.LoginSucceeded && e.UserId is not null && In(e.OccurredAt, from, to)).Select(e => (e.UserId!.Value, e.OccurredAt.UtcDateTime.Date)))
            .Concat(world.LastSeen.Where(s => In(s.Value, from, to)).Select(s => (s.Key, s.Value.UtcDateTime.Date)))
            .Concat(world.Posts.Where(p => p.PublishedAt is { } at && In(at, from, to)).Select(p => (p.AuthorId, p.PublishedAt!.Value.UtcDateTime.Date)))
            .Concat(world.Comments.Where(c => In(c.CreatedAt, from, to)).Select(c => (c.AuthorId, c.CreatedAt.UtcDateTime.Date)))
            .Concat(world.Reactions.Where(r => In(r.CreatedAt, from, to)).Select(r => (r.UserId, r.CreatedAt.UtcDateTime.Date)))
            .Distinct().Count();

    [Theory]
    [InlineData(7)]
    [InlineData(30)]
    public async Task Every_card_equals_the_count_made_from_the_seeded_rows(int days)
    {
        var world = await SeedHistoryAsync();
        var (from, before) = (Now.AddDays(-days), Now.AddDays(-2 * days));
        double Sum(DateTimeOffset a, DateTimeOffset b, params ActivityKind[] kinds) =>
            world.Activity.Where(e => kinds.Contains(e.Kind) && In(e.OccurredAt, a, b)).Sum(e => e.Amount);

        var dashboard = (await Dashboard.GetAsync(days)).Value;

        Assert.Equal(new PeriodChange(world.Players.Count(p => p.JoinedAt < from), 30), dashboard[KpiKind.TotalUsers].Change);
        Assert.Equal(30, dashboard[KpiKind.TotalUsers].Value);
        Assert.Equal(new PeriodChange(world.Cats.Count(c => c.Created < from), world.Cats.Count), dashboard[KpiKind.Cats].Change);
        var published = world.Posts.Where(p => p.Status == PostStatus.Published).ToList();
        Assert.Equal(new PeriodChange(published.Count(p => p.PublishedAt < from), published.Count), dashboard[KpiKind.Posts].Change);
        Assert.Equal(new PeriodChange(world.Ledger.Where(e => e.At < from).Sum(e => e.Amount), world.Players.Sum(p => p.Coins)), dashboard[KpiKind.CoinsInCirculation].Change);
        Assert.Equal(new PeriodChange(Math.Round(ActivePlayerDays(world, before, from) / (double)days, 1), Math.Round(ActivePlayerDays(world, from, Now) / (double)days, 1)),
            dashboard[KpiKind.DailyActiveUsers].Change);
        Assert.Equal(new PeriodChange(Sum(before, from, ActivityKind.BobcatEncountered), Sum(from, Now, ActivityKind.BobcatEncountered)), dashboard[KpiKind.NightWatchEncounters].Change);
        Assert.Equal(new PeriodChange(Sum(before, from, ActivityKind.StraysRescued, ActivityKind.StraysSheltered), Sum(from, Now, ActivityKind.StraysRescued, ActivityKind.StraysSheltered)),
            dashboard[KpiKind.StraysRescued].Change);
        Assert.Equal(new PeriodChange(world.Security.Count(e => In(e.OccurredAt, before, from)), world.Security.Count(e => In(e.OccurredAt, from, Now))), dashboard[KpiKind.SecurityEvents].Change);
        Assert.Equal(new PeriodChange(world.Reports.Count(r => r.CreatedAt < from && (r.ResolvedAt is null || r.ResolvedAt >= from)), world.Reports.Count(r => r.Status == ReportStatus.Open)),
            dashboard[KpiKind.OpenReports].Change);
    }

    [Fact]
    public async Task The_charts_count_each_utc_day_of_the_range()
    {
        var world = await SeedHistoryAsync(seed: 11);
        var firstDay = new DateTimeOffset(Now.UtcDateTime.Date.AddDays(-6), TimeSpan.Zero);
        double[] PerDay<T>(IEnumerable<T> rows, Func<T, DateTimeOffset?> at, Func<T, double>? value = null) =>
            [.. Enumerable.Range(0, 7).Select(d => rows.Where(r => at(r) is { } t && t >= firstDay.AddDays(d) && t < firstDay.AddDays(d + 1) && t < Now).Sum(r => value?.Invoke(r) ?? 1))];

        var dashboard = (await Dashboard.GetAsync(7)).Value;

        Assert.Equal(["Wed 18 Nov", "Thu 19 Nov", "Fri 20 Nov", "Sat 21 Nov", "Sun 22 Nov", "Mon 23 Nov", "Tue 24 Nov"], dashboard.Activity.Categories);
        Assert.Equal(PerDay(world.Posts.Where(p => p.Status == PostStatus.Published), p => p.PublishedAt), dashboard.Activity.Series.Single(s => s.Name == "Posts").Values);
        Assert.Equal(PerDay(world.Comments, c => c.CreatedAt), dashboard.Activity.Series.Single(s => s.Name == "Comments").Values);
        Assert.Equal(PerDay(world.Reactions, r => r.CreatedAt), dashboard.Activity.Series.Single(s => s.Name == "Reactions").Values);
        Assert.Equal(PerDay(world.Activity.Where(e => DashboardService.CareKinds.Contains(e.Kind)), e => e.OccurredAt), dashboard.Activity.Series.Single(s => s.Name == "Care actions").Values);
        Assert.Equal(PerDay(world.Players, p => p.JoinedAt), dashboard.Registrations.Series.Single().Values);
        Assert.Equal(PerDay(world.Ledger.Where(e => e.Amount > 0), e => e.At, e => e.Amount), dashboard.Economy.Series.Single(s => s.Name == "Coins created").Values);
        Assert.Equal(PerDay(world.Ledger.Where(e => e.Amount < 0), e => e.At, e => -e.Amount), dashboard.Economy.Series.Single(s => s.Name == "Coins spent").Values);
        Assert.Equal(PerDay(world.Activity.Where(e => e.Kind == ActivityKind.StraysRescued), e => e.OccurredAt, e => e.Amount),
            dashboard.NightWatch.Series.Single(s => s.Name == "Strays rescued").Values);
        Assert.Equal([.. RoomTypes.All.Select(t => (double)world.Visits.Count(v => v.RoomType == t && v.JoinedAt >= Now.AddDays(-7)))],
            dashboard.Rooms.Series.Single(s => s.Name == "Visits, last 7 days").Values);
    }

    [Fact]
    public async Task A_player_online_now_counts_as_online_and_as_active_today()
    {
        var luna = await NewPlayerAsync("luna");
        await Presence.ConnectAsync(luna, "tab-1");

        var dashboard = (await Dashboard.GetAsync(7)).Value;

        Assert.Equal(1, dashboard[KpiKind.OnlineNow].Value);
        Assert.Null(dashboard[KpiKind.OnlineNow].Change);
        Assert.Equal(1, dashboard.Activity.Series.Single(s => s.Name == "Active players").Values[^1]);
        Assert.Equal(new PeriodChange(0, 0.1), dashboard[KpiKind.DailyActiveUsers].Change); // one player-day in seven days
        Assert.Equal("+100%", dashboard[KpiKind.DailyActiveUsers].Change!.Value.Text);
    }

    [Fact]
    public async Task An_empty_world_shows_zeros_and_no_change()
    {
        var dashboard = (await Dashboard.GetAsync(90)).Value;

        Assert.All(dashboard.Kpis, kpi => Assert.Equal(0, kpi.Value));
        Assert.All(dashboard.Kpis.Where(k => k.Change is not null), kpi => Assert.Equal("0%", kpi.Change!.Value.Text));
        Assert.Equal(90, dashboard.Activity.Categories.Count);
    }

    [Fact]
    public async Task An_invalid_range_is_refused_with_a_clear_message()
    {
        var dashboard = await Dashboard.GetAsync(14);

        Assert.Equal("Choose a range of 7, 30 or 90 days; 14 days is not one of them.", dashboard.FirstMessage);
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Core.Progress;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.NightWatch;

/// <summary>Ticks over stored patrols: what they store, pay and announce. 22:00 UTC on a clear November night.</summary>
[Trait("Category", "Integration")]
public sealed class NightWatchSimulatorTests : ServiceTestBase
{
    private static readonly GeoPoint Home = new(48.8530, 2.3499);
    private static readonly DateTimeOffset TenPm = new(2026, 11, 24, 22, 0, 0, TimeSpan.Zero);

    private async Task<(UserId Player, Cat[] Cats, Guid Patrol)> OnPatrolAsync(string name, params ACat[] team)
    {
        Clock.SetUtcNow(TenPm);
        var player = await NewPlayerAsync(name);
        var cats = await Database.AddCatsAsync(team.Select(c => c.OwnedBy(player).Build()).ToArray());
        await NightWatch.SetHomeAsync(player, Home.Latitude, Home.Longitude);
        var patrol = await NightWatch.DeployAsync(player, cats.Select(c => new DeployRequest(c.Id)).ToList());
        Assert.True(patrol.Succeeded, patrol.FirstMessage);
        return (player, cats, patrol.Value.Id);
    }

    [Fact]
    public async Task Two_guardians_chase_off_a_bobcat_earn_xp_and_every_open_map_hears_of_it()
    {
        var (luna, cats, patrol) = await OnPatrolAsync("luna", ACat.Playful().Named("Biscuit"), ACat.Territorial().Named("Tiger"));
        var xpBefore = cats.Select(c => c.Xp).ToArray();
        // Encounter (0 < 0.1), multiplier 1 → level 0.2; both variations 1.0 → 0.3 × 1.2 × 0.94 = 0.3384 each; no strays.
        Random = new ScriptedRandom(doubles: [0.0, 0.5, 0.5], integers: [1, 0]);

        var report = await Simulator.TickAsync();

        Assert.Equal((1, 0, 1), (report.PatrolsTicked, report.PatrolsEnded, report.Events));
        var view = (await NightWatch.GetStatusAsync(luna)).ActivePatrol!;
        Assert.Equal((1, 1, 68), (view.Encounters, view.Deterrences, view.XpEarned));
        Assert.Equal([34, 34], view.Cats.Select(c => c.Xp));
        await using var db = Database.NewContext();
        var after = await db.Cats.Where(c => c.OwnerId == luna).OrderBy(c => c.Name).Select(c => c.Xp).ToListAsync();
        Assert.Equal(xpBefore.Select(x => x + 34), after);
        var encounter = await db.NightWatchEvents.SingleAsync(e => e.PatrolId == patrol && e.Kind == NightEventKind.Encounter);
        Assert.Equal(("Biscuit and Tiger chased off a bobcat (medium threat).", ThreatLevel.Medium, true), (encounter.Text, encounter.Threat, encounter.Deterred));
        var kinds = await db.ActivityEvents.Where(a => a.PlayerId == luna).Select(a => a.Kind).ToListAsync();
        Assert.Contains(ActivityKind.BobcatEncountered, kinds);
        Assert.Contains(ActivityKind.BobcatDeterred, kinds);
        Assert.Contains(ActivityKind.GuardianDeterred, kinds);
        var ticked = Assert.Single(Bus.Published.OfType<NightWatchTicked>());
        Assert.Equal(encounter.Id, Assert.Single(ticked.Events).Id);
        Assert.Equal(["Biscuit", "Tiger"], ticked.Cats.Select(c => c.CatName));
    }

    [Fact]
    public async Task Patrols_bring_quest_progress_and_achievements()
    {
        var (luna, _, _) = await OnPatrolAsync("luna", ACat.SocialButterfly().Named("Mochi"));
        // No encounter; 3 strays, all rescued.
        Random = new ScriptedRandom(doubles: [0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], integers: [3]);
        await Simulator.TickAsync();

        await Progress.ProcessPendingAsync();

        var board = await Quests.GetBoardAsync(luna);
        Assert.Equal(3, board.LongTerm.Single(q => q.Quest.Key == "long_rescue").Progress);
        Assert.Equal(3, board.Community.Single(q => q.Quest.Key == "community_night_shift").Progress);
        var profile = (await Profiles.GetAsync("luna", luna))!;
        Assert.True(profile.Achievements.Single(a => a.Achievement.Key == "first_night_watch").Unlocked);
        Assert.False(profile.Achievements.Single(a => a.Achievement.Key == "stray_savior").Unlocked);
        var savers = await Leaderboards.StraySaversAsync(luna, weekly: true);
        Assert.Equal(("luna", 3L, 1), (savers.Top[0].UserName, savers.Top[0].Value, savers.Top[0].Rank));
    }

    [Fact]
    public async Task At_dawn_the_patrol_comes_home_by_itself_and_its_cats_are_free()
    {
        var (luna, _, patrol) = await OnPatrolAsync("luna", ACat.Curious().Named("Kumo"));
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 6, 0, 30, TimeSpan.Zero));

        var report = await Simulator.TickAsync();

        Assert.Equal((0, 1), (report.PatrolsTicked, report.PatrolsEnded));
        var status = await NightWatch.GetStatusAsync(luna);
        Assert.Null(status.ActivePatrol);
        Assert.Equal((patrol, PatrolStatus.Completed), (status.LastNight!.Id, status.LastNight.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero), status.LastNight.EndedAt);
        Assert.Null(Assert.Single(status.Candidates).Unavailable);
        await using var db = Database.NewContext();
        Assert.Equal("luna's patrol came home at dawn: 0 strays saved.",
            (await db.NightWatchEvents.SingleAsync(e => e.PatrolId == patrol && e.Kind == NightEventKind.PatrolEnded)).Text);
        Assert.Contains(await db.ActivityEvents.Where(a => a.PlayerId == luna).Select(a => a.Kind).ToListAsync(), k => k == ActivityKind.PatrolCompleted);
    }

    [Fact]
    public async Task A_patrol_in_tokyo_comes_home_at_dawn_in_tokyo()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero)); // 22:00 in Tokyo
        var nova = await Database.AddPlayerAsync("nova", "Asia/Tokyo");
        var kumo = (await Database.AddCatsAsync(ACat.Curious().Named("Kumo").OwnedBy(nova).Build()))[0];
        await NightWatch.SetHomeAsync(nova, 35.68, 139.69);
        var patrol = (await NightWatch.DeployAsync(nova, [new(kumo.Id)])).Value;
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero), patrol.EndsAt); // 06:00 in Tokyo

        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 20, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await Simulator.TickAsync()).PatrolsEnded);
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 21, 0, 30, TimeSpan.Zero));
        Assert.Equal(1, (await Simulator.TickAsync()).PatrolsEnded);
    }

    [Fact]
    public async Task Patrol_xp_counts_on_the_weekly_cat_board_and_lazy_cats_earn_less()
    {
        var (luna, cats, _) = await OnPatrolAsync("luna", ACat.SocialButterfly().Named("Mochi"), ACat.Lazy().Named("Tofu"));
        // No encounter; 2 strays, both rescued: 100 XP for the caretaker (the healer, Mochi).
        Random = new ScriptedRandom(doubles: [0.9, 0.1, 0.1, 0.1, 0.1], integers: [2]);
        await Simulator.TickAsync();

        var board = await Leaderboards.CatsAsync(luna, weekly: true);

        Assert.Equal(("Mochi", 100L), (board.Top[0].Cat.Name, board.Top[0].Value));
        Assert.Equal([90], ThreatModel.Tick([new PatrolCatState(PatrolRole.Healer, Personality.Lazy, 0)], 0.1, 0,
            new ScriptedRandom([0.9, 0.1, 0.1, 0.1, 0.1], [2])).Xp); // a lazy healer: ×0.9
    }

    [Fact]
    public async Task A_critical_threat_alerts_the_neighbours_whose_community_alert_zones_cover_the_spot()
    {
        NightWatchOptions.BaseActivity = 0.3; // spec activity never reaches critical; a wilder night does
        var (luna, _, _) = await OnPatrolAsync("luna", ACat.Playful().Named("Biscuit"), ACat.Playful().Named("Ziggy"));
        var milo = await NewPlayerAsync("milo");
        await NightWatch.SetHomeAsync(milo, 48.86, 2.36);
        await NightWatch.CreateZoneAsync(milo, new ZoneRequest(ZoneType.CommunityAlert, "Street watch", Home.Latitude, Home.Longitude, 1000), "alert");
        var nova = await NewPlayerAsync("nova");
        await NightWatch.SetHomeAsync(nova, 35.68, 139.69);
        await NightWatch.CreateZoneAsync(nova, new ZoneRequest(ZoneType.CommunityAlert, "Far away", 35.68, 139.69, 1000), "alert");
        // Encounter, multiplier 3 → level min(1, 0.3 × 4) = 1: critical. Each cat 0.36 × 0.7 = 0.252; together 0.504 deter it.
        Random = new ScriptedRandom(doubles: [0.0, 0.5, 0.5], integers: [3, 0]);

        await Simulator.TickAsync();

        var alert = Assert.Single(Bus.Published.OfType<EmergencyAlertRaised>());
        Assert.Equal(milo, alert.Recipient);
        Assert.Equal("Emergency! A bobcat at critical threat near luna's patrol.", alert.Event.Text);
        await Progress.ProcessPendingAsync();
        Assert.True((await Profiles.GetAsync("luna", luna))!.Achievements.Single(a => a.Achievement.Key == "emergency_responder").Unlocked);
    }

    [Fact]
    public async Task A_tick_over_1000_patrols_completes_and_stores_their_events()
    {
        Clock.SetUtcNow(TenPm);
        Random = new SeededRandomSource(1000);
        await using (var db = Database.NewContext())
        {
            for (var i = 0; i < 1000; i++)
            {
                var id = UserId.New();
                db.Users.Add(new PurrrUser { Id = id, UserName = $"p{i:000}", NormalizedUserName = $"P{i:000}", SecurityStamp = "s",
                    Player = Player.Create(id, $"p{i:000}", "UTC", TenPm) });
                var patrol = Patrol.Start(id, Home.Offset(i * 7 % 3000, i * 37 % 360), TenPm, TenPm.AddHours(8));
                db.Patrols.Add(patrol);
                for (var c = 0; c < 5; c++)
                {
                    var cat = ACat.With((Personality)((i + c) % 6)).OwnedBy(id).Build();
                    db.Cats.Add(cat);
                    db.PatrolCats.Add(PatrolCat.Join(patrol, cat.Id, PatrolRoles.For(cat.Personality), c));
                }
            }
            await db.SaveChangesAsync();
        }
        Clock.Advance(TimeSpan.FromMinutes(1));

        var report = await Simulator.TickAsync();

        Assert.Equal(1000, report.PatrolsTicked);
        Assert.InRange(report.Events, 700, 1100); // about 1 in 10 patrols meets a bobcat; 3 in 4 find strays
        await using var check = Database.NewContext();
        Assert.Equal(report.Events, await check.NightWatchEvents.CountAsync());
        Assert.Equal(report.Events, Assert.Single(Bus.Published.OfType<NightWatchTicked>()).Events.Count);
        Assert.Equal(5000, Bus.Published.OfType<NightWatchTicked>().Single().Cats.Count);
    }
}

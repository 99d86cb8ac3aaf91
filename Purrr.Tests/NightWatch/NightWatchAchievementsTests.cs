using Purrr.Core.Activity;
using Purrr.Core.Progress;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.NightWatch;

/// <summary>The ten night-watch achievements unlock exactly at their criterion, counted from patrol activities.</summary>
[Trait("Category", "Integration")]
public sealed class NightWatchAchievementsTests : ServiceTestBase
{
    [Theory]
    [InlineData("first_night_watch", ActivityKind.PatrolStarted, 1, 1)]
    [InlineData("stray_savior", ActivityKind.StraysRescued, 10, 1)]        // 10 strays rescued, one at a time
    [InlineData("stray_savior", ActivityKind.StraysRescued, 5, 2)]         // ...or two at a time
    [InlineData("bobcat_buster", ActivityKind.BobcatDeterred, 10, 1)]
    [InlineData("guardian_master", ActivityKind.GuardianDeterred, 50, 1)]
    [InlineData("community_hero", ActivityKind.StraysSheltered, 50, 2)]     // 100 strays saved
    [InlineData("night_protector", ActivityKind.PatrolCompleted, 10, 1)]
    [InlineData("emergency_responder", ActivityKind.CriticalDeterred, 1, 1)]
    [InlineData("stray_rehabilitator", ActivityKind.StraysSheltered, 25, 2)] // 50 sheltered
    [InlineData("bobcat_expert", ActivityKind.BobcatEncountered, 100, 1)]
    public async Task An_achievement_unlocks_with_the_activity_that_reaches_its_criterion(string key, ActivityKind kind, int times, int amount)
    {
        var luna = await NewPlayerAsync("luna");

        await RecordAsync(luna, kind, times - 1, amount);
        Assert.False(await UnlockedAsync(luna, key));
        await RecordAsync(luna, kind, 1, amount);
        Assert.True(await UnlockedAsync(luna, key));
    }

    [Fact]
    public async Task Zone_master_needs_all_four_kinds_of_zone_at_once()
    {
        var luna = await NewPlayerAsync("luna");

        await RecordAsync(luna, ActivityKind.ZoneBuilt, 5, amount: 3); // many zones, three kinds
        Assert.False(await UnlockedAsync(luna, "zone_master"));
        await RecordAsync(luna, ActivityKind.ZoneBuilt, 1, amount: 4);
        Assert.True(await UnlockedAsync(luna, "zone_master"));
    }

    [Fact]
    public void There_are_ten_night_watch_achievements_each_with_a_criterion()
    {
        string[] keys = ["first_night_watch", "stray_savior", "bobcat_buster", "guardian_master", "community_hero", "night_protector",
            "zone_master", "emergency_responder", "stray_rehabilitator", "bobcat_expert"];

        var found = keys.Select(Achievements.Find).ToList();

        Assert.All(found, a => Assert.True(a is { Threshold: > 0 } && a.Description.Length > 0));
        Assert.Equal(["First Night Watch", "Stray Savior", "Bobcat Buster", "Guardian Master", "Community Hero", "Night Protector",
            "Zone Master", "Emergency Responder", "Stray Rehabilitator", "Bobcat Expert"], found.Select(a => a!.Name));
    }

    private async Task RecordAsync(Core.Common.UserId player, ActivityKind kind, int times, int amount)
    {
        await using (var db = Database.NewContext())
        {
            for (var i = 0; i < times; i++)
                db.ActivityEvents.Add(ActivityEvent.Of(player, null, kind, Clock.GetUtcNow(), amount: amount));
            await db.SaveChangesAsync();
        }
        await Progress.ProcessPendingAsync();
    }

    private async Task<bool> UnlockedAsync(Core.Common.UserId player, string key) =>
        (await Profiles.GetAsync("luna", player))!.Achievements.Single(a => a.Achievement.Key == key).Unlocked;
}

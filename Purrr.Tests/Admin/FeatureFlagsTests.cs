using Microsoft.EntityFrameworkCore;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Moderation;
using Purrr.Core.NightWatch;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

[Trait("Category", "Integration")]
public sealed class FeatureFlagsTests : ServiceTestBase
{
    private const string SwitchedOff = "Night watch is switched off for now. Everything you have is kept; check back later.";

    private async Task<(UserId Admin, UserId Player, DeployRequest[] Team)> NightWithAPlayerAtHomeAsync()
    {
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero));
        var admin = await NewPlayerAsync("admin");
        var luna = await NewPlayerAsync("luna");
        var cats = await Database.AddCatsAsync(ACat.Playful().Named("Biscuit").OwnedBy(luna).Build());
        Assert.True((await NightWatch.SetHomeAsync(luna, 48.853, 2.35)).Succeeded);
        return (admin, luna, [new DeployRequest(cats[0].Id)]);
    }

    [Fact]
    public async Task Night_watch_is_on_and_crypto_and_blockchain_are_off_until_an_admin_switches_them()
    {
        var flags = await Flags.ListAsync();

        Assert.Equal([(Feature.NightWatch, true), (Feature.Crypto, false), (Feature.Blockchain, false)], flags.Select(f => (f.Feature, f.Enabled)));
        Assert.All(flags, f => Assert.Null(f.UpdatedAt));
        Assert.True(await Flags.IsOnAsync(Feature.NightWatch));
        Assert.False(await Flags.IsOnAsync(Feature.Blockchain));
    }

    [Fact]
    public async Task Switching_night_watch_off_refuses_the_next_deploy_at_once()
    {
        var (admin, luna, team) = await NightWithAPlayerAtHomeAsync();
        Assert.True(await Flags.IsOnAsync(Feature.NightWatch)); // now cached

        var switched = await Flags.SetAsync(Feature.NightWatch, false, admin);
        var deploy = await NightWatch.DeployAsync(luna, team);

        Assert.True(switched.Succeeded);
        Assert.False(deploy.Succeeded);
        Assert.Equal(SwitchedOff, deploy.FirstMessage);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Patrols.CountAsync());
    }

    [Fact]
    public async Task Zone_changes_are_refused_while_night_watch_is_off_and_work_again_when_it_is_back()
    {
        var (admin, luna, team) = await NightWithAPlayerAtHomeAsync();
        var zone = (await NightWatch.ListZonesAsync(new GeoPoint(48.853, 2.35), 500)).Single();
        await Flags.SetAsync(Feature.NightWatch, false, admin);

        Assert.Equal(SwitchedOff, (await NightWatch.CreateZoneAsync(luna, new ZoneRequest(ZoneType.SafeHaven, "Den", 48.854, 2.35, 100, false), "key-1")).FirstMessage);
        Assert.Equal(SwitchedOff, (await NightWatch.MoveZoneAsync(luna, zone.Id, 48.86, 2.35)).FirstMessage);
        Assert.Equal(SwitchedOff, (await NightWatch.RemoveZoneAsync(luna, zone.Id)).FirstMessage);
        Assert.Equal(SwitchedOff, (await NightWatch.SetHomeAsync(luna, 48.86, 2.35)).FirstMessage);

        await Flags.SetAsync(Feature.NightWatch, true, admin);
        Assert.True((await NightWatch.DeployAsync(luna, team)).Succeeded);
    }

    [Fact]
    public async Task A_switch_is_stored_audited_in_the_same_save_and_announced()
    {
        var admin = await NewPlayerAsync("admin");

        var switched = await Flags.SetAsync(Feature.Blockchain, true, admin);

        Assert.Equal((true, TestClock.Noon, "admin"), (switched.Value.Enabled, switched.Value.UpdatedAt, switched.Value.UpdatedBy));
        await using var db = Database.NewContext();
        var audit = await db.AuditLog.SingleAsync();
        Assert.Equal((admin, FeatureFlags.AuditAction, "FeatureFlag", "Blockchain", "Blockchain: off → on", TestClock.Noon),
            (audit.ActorId, audit.Action, audit.TargetKind, audit.TargetId, audit.Details, audit.At));
        Assert.Equal([new FeatureFlagChanged(Feature.Blockchain, true)], Bus.Published.OfType<FeatureFlagChanged>());
        Assert.True(await new FeatureFlags(Database.Factory, Clock, Bus).IsOnAsync(Feature.Blockchain)); // another instance reads it from the database
    }

    [Fact]
    public async Task Switching_a_flag_to_what_it_already_is_changes_nothing()
    {
        var admin = await NewPlayerAsync("admin");

        var same = await Flags.SetAsync(Feature.NightWatch, true, admin);

        Assert.True(same.Value.Enabled);
        Assert.Null(same.Value.UpdatedAt);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.AuditLog.CountAsync());
        Assert.Empty(Bus.Published.OfType<FeatureFlagChanged>());
    }

    [Fact]
    public async Task A_switch_made_on_another_instance_reaches_this_one_over_the_bus()
    {
        var admin = await NewPlayerAsync("admin");
        Assert.True(await Flags.IsOnAsync(Feature.NightWatch)); // cached here
        var otherInstance = new FeatureFlags(Database.Factory, Clock, Bus);

        await otherInstance.SetAsync(Feature.NightWatch, false, admin);

        await WaitForAsync(async () => !await Flags.IsOnAsync(Feature.NightWatch));
    }

    [Fact]
    public async Task An_unknown_feature_is_refused()
    {
        var admin = await NewPlayerAsync("admin");

        var refused = await Flags.SetAsync((Feature)42, true, admin);

        Assert.Equal("Choose night watch, crypto or blockchain.", refused.FirstMessage);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
            await Task.Delay(20);
        Assert.True(await condition());
    }
}

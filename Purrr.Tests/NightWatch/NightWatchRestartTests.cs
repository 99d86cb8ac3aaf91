using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.NightWatch;

[Trait("Category", "Integration")]
public sealed class NightWatchRestartTests
{
    [Fact]
    public async Task A_patrol_survives_an_app_restart_mid_night_and_goes_on_patrolling()
    {
        await using var folder = new TempFolder("purrr-restart-");
        // 23:00 UTC, tonight: mid-night for a player on UTC.
        var now = DateTimeOffset.UtcNow;
        var elevenPm = new DateTimeOffset(now.UtcDateTime.Date.AddHours(23), TimeSpan.Zero);
        var clock = new ShiftedTimeProvider();
        clock.Advance(elevenPm - now);

        Guid patrol;
        int encountersBefore;
        await using (var before = new PurrrAppOnFolder(folder.Path) { Clock = clock })
        {
            (patrol, encountersBefore) = await before.InScopeAsync(async sp =>
            {
                var luna = (await sp.GetRequiredService<AccountService>().RegisterAsync(new RegistrationRequest("luna", "luna@example.test", "purrr-test-pw", "UTC"))).Value;
                var db = sp.GetRequiredService<PurrrDbContext>();
                var cats = new[] { ACat.Playful().Named("Biscuit").OwnedBy(luna.Id).Build(), ACat.Curious().Named("Kumo").OwnedBy(luna.Id).Build() };
                db.Cats.AddRange(cats);
                await db.SaveChangesAsync();
                var nightWatch = sp.GetRequiredService<NightWatchService>();
                await nightWatch.SetHomeAsync(luna.Id, 48.853, 2.35);
                var sent = await nightWatch.DeployAsync(luna.Id, cats.Select(c => new DeployRequest(c.Id)).ToList());
                await sp.GetRequiredService<NightWatchSimulator>().TickAsync();
                return (sent.Value.Id, await db.Patrols.Where(p => p.Id == sent.Value.Id).Select(p => p.Encounters).SingleAsync());
            });
        }

        // The app starts again ten minutes later, on the same data; this time a bobcat is sure to come by.
        clock.Advance(TimeSpan.FromMinutes(10));
        await using var after = new PurrrAppOnFolder(folder.Path) { Clock = clock, OverrideServices = s => s.AddSingleton<IRandomSource>(new FixedRoll(0)) };
        var report = await after.InScopeAsync(sp => sp.GetRequiredService<NightWatchSimulator>().TickAsync());

        Assert.Equal((1, 0), (report.PatrolsTicked, report.PatrolsEnded));
        var resumed = await after.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().Patrols.SingleAsync(p => p.Id == patrol));
        Assert.Equal(PatrolStatus.Active, resumed.Status);
        Assert.Equal(encountersBefore + 1, resumed.Encounters);
    }
}

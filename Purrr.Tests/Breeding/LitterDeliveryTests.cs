using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Breeding;
using Purrr.Core.Common;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Breeding;

[Trait("Category", "Integration")]
public class LitterDeliveryTests
{
    [Fact]
    public async Task A_pregnancy_that_fell_due_while_the_app_was_stopped_is_delivered_at_the_next_start()
    {
        await using var folder = new TempFolder("purrr-restart-");
        Guid pregnancy;
        await using (var before = new PurrrAppOnFolder(folder.Path) { OverrideServices = s => s.AddSingleton<IRandomSource>(new FixedRoll(0)) })
        {
            pregnancy = await before.InScopeAsync(async sp =>
            {
                var luna = (await sp.GetRequiredService<AccountService>().RegisterAsync(new RegistrationRequest("luna", "luna@example.test", "purrr-test-pw", "UTC"))).Value;
                var db = sp.GetRequiredService<PurrrDbContext>();
                var mother = ACat.SocialButterfly().Named("Mochi").OwnedBy(luna.Id).ReadyToBreed().BornAt(DateTimeOffset.UtcNow).Build();
                var father = ACat.Aloof().Named("Shadow").OwnedBy(luna.Id).ReadyToBreed().BornAt(DateTimeOffset.UtcNow).Build();
                db.Cats.AddRange(mother, father);
                await db.SaveChangesAsync();
                var bred = await sp.GetRequiredService<BreedingService>().BreedAsync(luna.Id, mother.Id, father.Id, "k");
                return bred.Value.PregnancyId!.Value;
            });
        }

        // Three hours later (the pregnancy lasts two), the app starts again on the same data.
        var later = new ShiftedTimeProvider();
        later.Advance(TimeSpan.FromHours(3));
        await using var after = new PurrrAppOnFolder(folder.Path) { Clock = later };
        _ = after.Services; // start the host: the delivery worker runs at once

        var born = 0;
        for (var wait = 0; wait < 100 && born == 0; wait++)
        {
            born = await after.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().Pregnancies
                .Where(p => p.Id == pregnancy && p.BornAt != null).Select(p => p.LitterSize).FirstOrDefaultAsync());
            if (born == 0)
                await Task.Delay(100);
        }
        Assert.InRange(born, 1, 4);
        var kittens = await after.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().Cats.CountAsync(c => c.Generation == 1));
        Assert.Equal(born, kittens);
    }
}

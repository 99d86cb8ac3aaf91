using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Territories;
using Purrr.Data.Accounts;
using Purrr.Tests.Accounts;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Territories;

/// <summary>GDPR: territories and challenges are in the player's export; closing the account lets the territories go.</summary>
[Trait("Category", "Integration")]
public sealed class TerritoryAccountTests : ServiceTestBase
{
    private static readonly GeoPoint Spot = new(48.8530, 2.3499);

    [Fact]
    public async Task The_export_holds_my_territories_and_challenges_and_closing_the_account_lets_them_go()
    {
        await using var services = new ServiceCollection().AddAccountStore(Database).BuildServiceProvider();
        var data = new AccountData(Database.Factory, new IdentityAccountStore(services.GetRequiredService<IServiceScopeFactory>()), Clock, Bus);
        var territories = new TerritoryService(Database.Factory, Clock, Random, Bus, Options.Create(NightWatchOptions));
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var (biscuit, kumo) = (ACat.Playful().Named("Biscuit").OwnedBy(luna).AtLevel(3).Build(), ACat.Curious().Named("Kumo").OwnedBy(milo).AtLevel(3).Build());
        await Database.AddCatsAsync(biscuit, kumo);
        Assert.True((await territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Garden)).Succeeded);
        var challenge = (await territories.ClaimAsync(milo, kumo.Id, Spot, TerritoryType.Park)).Value.Challenge!;

        var export = (await data.ExportAsync(luna)).Value;
        Assert.Equal(biscuit.Id, Assert.Single(export.Territories!.Held).CatId);
        Assert.Equal(challenge.Id, Assert.Single(export.Territories.Challenges).Id);
        Assert.Contains("\"territories\": {", AccountData.ToJson(export));

        Assert.True((await data.CloseAsync(luna, "luna")).Succeeded);

        Assert.Empty(await territories.ListNearAsync(Spot, 3000));
        Assert.Equal(ChallengeStatus.Cancelled, (await territories.GetChallengeAsync(challenge.Id, milo)).Value.Challenge.Status);
        await using var db = Database.NewContext();
        Assert.True((await db.Cats.SingleAsync(c => c.Id == biscuit.Id)).Perks.IsNone);
    }
}

using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Territories;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.NightWatch;
using Purrr.Web.Components.Pages.Territories;

namespace Purrr.Tests.Territories;

[Trait("Category", "Component")]
public sealed class TerritoryComponentTests : ServiceTestBase
{
    private static readonly GeoPoint Spot = new(48.8530, 2.3499);

    private TerritoryService Territories => new(Database.Factory, Clock, Random, Bus, Options.Create(NightWatchOptions));

    private async Task<(UserId Player, Cat Cat)> OwnerAsync(string name, string cat, ACat? built = null)
    {
        var player = await NewPlayerAsync(name);
        var c = (built ?? ACat.Playful()).Named(cat).OwnedBy(player).AtLevel(3).Build();
        await Database.AddCatsAsync(c);
        return (player, c);
    }

    private BunitContext Context(UserId player, string name)
    {
        var context = ComponentTestContext.Create(Database, (player, name), clock: Clock);
        context.Render<MudPopoverProvider>();
        return context;
    }

    [Fact]
    public async Task Picking_a_free_spot_offers_each_cat_with_the_reason_it_cannot_go_and_claims_with_the_chosen_one()
    {
        var (luna, biscuit) = await OwnerAsync("luna", "Biscuit");
        await Database.AddCatsAsync(ACat.Lazy().Named("Sleepy").OwnedBy(luna).AtLevel(3).WithEnergy(20).Build());
        await using var context = Context(luna, "luna");
        var page = context.Render<TerritoriesPage>();
        page.WaitForState(() => page.HasComponent<NightMap>());

        await page.InvokeAsync(() => page.FindComponent<NightMap>().Instance.PointPicked(Spot.Latitude, Spot.Longitude));

        page.WaitForAssertion(() => Assert.Contains("Sleepy is too tired to claim a territory (energy 20, needs 50).", page.Find("[aria-label='Your cats']").TextContent));
        Assert.True(page.FindAll("button").Single(b => b.TextContent.Trim() == "Claim with Sleepy").HasAttribute("disabled"));
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Rooftop").ClickAsync(new());
        Assert.Equal("true", page.FindAll("button").Single(b => b.TextContent.Trim() == "Rooftop").GetAttribute("aria-pressed"));
        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Claim with Biscuit").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("Biscuit claimed Biscuit's rooftop.", page.Find("[role=status]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Contains("Biscuit's rooftop", page.Find("[aria-label='Territories nearby']").TextContent));
        Assert.Equal(TerritoryType.Rooftop, Assert.Single(await Territories.ForCatAsync(biscuit.Id)).Type);
    }

    [Fact]
    public async Task A_spot_off_the_map_gets_a_clear_message_and_nothing_is_stored()
    {
        var (luna, _) = await OwnerAsync("luna", "Biscuit");
        await using var context = Context(luna, "luna");
        var page = context.Render<TerritoriesPage>();
        page.WaitForState(() => page.HasComponent<NightMap>());

        await page.InvokeAsync(() => page.FindComponent<NightMap>().Instance.PointPicked(51.5, -0.12));

        page.WaitForAssertion(() => Assert.Equal("That spot is off your neighbourhood map: territories must lie within 3 km of your home.", page.Find("[role=alert]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[aria-label='Picked spot']"));
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Territories.CountAsync());
    }

    [Fact]
    public async Task A_held_spot_shows_the_odds_and_the_defender_answers_on_the_challenge_page()
    {
        var (luna, biscuit) = await OwnerAsync("luna", "Biscuit");
        var (milo, kumo) = await OwnerAsync("milo", "Kumo", ACat.Territorial());
        Assert.True((await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Garden)).Succeeded);

        await using (var context = Context(milo, "milo"))
        {
            var page = context.Render<TerritoriesPage>();
            page.WaitForState(() => page.HasComponent<NightMap>());
            await page.InvokeAsync(() => page.FindComponent<NightMap>().Instance.PointPicked(Spot.Latitude, Spot.Longitude));
            page.WaitForAssertion(() => Assert.Contains("Kumo's chance: 56%", page.Find("[aria-label='Your cats']").TextContent));
            Assert.Contains("Held by luna's Biscuit", page.Find("[aria-label='Picked spot']").TextContent);
            await page.FindAll("button").Single(b => b.TextContent.Trim() == "Challenge with Kumo").ClickAsync(new());
            page.WaitForAssertion(() => Assert.Equal("Kumo challenged Biscuit's garden. luna has 12 hours to answer.", page.Find("[role=status]").TextContent.Trim()));
        }

        var challenge = Assert.Single(await Territories.HistoryAsync(luna));
        await using (var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock, services: s => s.AddSingleton<IRandomSource>(new ScriptedRandom([0.9], []))))
        {
            context.Render<MudPopoverProvider>();
            var page = context.Render<ChallengePage>(p => p.Add(c => c.Id, challenge.Id));
            page.WaitForAssertion(() => Assert.Contains("Biscuit's chance: 44%", page.Find("[aria-label='Defend with']").TextContent));

            await page.FindAll("button").Single(b => b.TextContent.Trim() == "Accept: Biscuit defends").ClickAsync(new());

            page.WaitForAssertion(() => Assert.StartsWith("Biscuit held the spot against Kumo.", page.Find("[role=status]").TextContent.Trim()));
            Assert.Equal("DefenderWon", page.Find("[role=status]").GetAttribute("data-status"));
        }
    }

    [Fact]
    public async Task The_cat_page_tab_lists_the_cats_territories_with_what_they_give_and_when_they_lapse()
    {
        var (luna, biscuit) = await OwnerAsync("luna", "Biscuit");
        Assert.True((await Territories.ClaimAsync(luna, biscuit.Id, Spot, TerritoryType.Park)).Succeeded);
        await using var context = Context(luna, "luna");

        var tab = context.Render<CatTerritories>(p => p.Add(c => c.Cat, biscuit.Id).Add(c => c.CatName, "Biscuit").Add(c => c.Owner, luna).Add(c => c.Viewer, luna));

        tab.WaitForAssertion(() => Assert.Equal("true", tab.Find("section").GetAttribute("data-ready")));
        var item = tab.Find("[aria-label=\"Biscuit's territories\"] li").TextContent;
        Assert.Contains("Park", item);
        Assert.Contains("+4 social a day", item);
        Assert.Contains("unless Biscuit patrols or visits a room", item);
        Assert.NotNull(tab.Find("a[href='/territories']"));
    }
}

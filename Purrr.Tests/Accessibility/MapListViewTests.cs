using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.NightWatch;
using Purrr.Core.Territories;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.NightWatch;
using Purrr.Web.Components.Pages.Territories;

namespace Purrr.Tests.Accessibility;

/// <summary>The maps in words: each map page lists its items with where they are, and their actions work from the list.</summary>
[Trait("Category", "Component")]
public sealed class MapListViewTests : ServiceTestBase
{
    private BunitContext Context(UserId player, string name)
    {
        var context = ComponentTestContext.Create(Database, (player, name), clock: Clock);
        context.Render<MudPopoverProvider>();
        context.Render<MudSnackbarProvider>();
        return context;
    }

    [Fact]
    public async Task The_night_watch_lists_zones_nearest_first_with_where_they_are_from_home()
    {
        var luna = await NewPlayerAsync("luna");
        await using var context = Context(luna, "luna");
        var nightWatch = context.Services.GetRequiredService<NightWatchService>();
        var home = (await nightWatch.SetHomeAsync(luna, 48.8566, 2.3522)).Value;
        var east = home.Offset(300, 90);
        Assert.True((await nightWatch.CreateZoneAsync(luna, new ZoneRequest(ZoneType.MotionSensor, "Garden gate", east.Latitude, east.Longitude, 50), "gate")).Succeeded);

        var page = context.Render<NightWatchPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[aria-label='Zones nearby'] li").Count));
        var zones = page.FindAll("[aria-label='Zones nearby'] li").Select(li => li.TextContent).ToList();
        Assert.Contains("at your home", zones[0]); // the free Home Base, nearest first
        Assert.Contains("Garden gate", zones[1]);
        Assert.Contains("300 m east of your home", zones[1]);
        Assert.Contains("No cats on patrol around here right now.", page.Markup);
    }

    [Fact]
    public async Task The_territories_list_says_where_each_one_is_and_open_does_what_clicking_its_spot_does()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var biscuit = ACat.Playful().Named("Biscuit").OwnedBy(luna).AtLevel(3).Build();
        var kumo = ACat.Territorial().Named("Kumo").OwnedBy(milo).AtLevel(3).Build();
        await Database.AddCatsAsync(biscuit, kumo);
        await using var context = Context(milo, "milo");
        var territories = context.Services.GetRequiredService<TerritoryService>();
        var map = await context.Services.GetRequiredService<NightWatchService>().GetMapAsync(milo);
        var spot = map.Center.Offset(400, 180);
        Assert.True((await territories.ClaimAsync(luna, biscuit.Id, spot, TerritoryType.Garden)).Succeeded);

        var page = context.Render<TerritoriesPage>();

        page.WaitForAssertion(() => Assert.Contains("Biscuit's garden", page.Find("[aria-label='Territories nearby']").TextContent));
        var item = page.Find("[aria-label='Territories nearby'] li");
        Assert.Contains("held by luna", item.TextContent);
        Assert.Contains($"{MapDirections.Describe(map.Center, spot, MapDirections.Origin(map.HasHome))}", item.TextContent);
        Assert.Contains("400 m south", item.TextContent);

        await page.Find("[aria-label='Territories nearby'] button[aria-label=\"Open Biscuit's garden\"]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Held by luna's Biscuit", page.Find("[aria-label='Picked spot']").TextContent));
        Assert.NotNull(page.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == "Challenge with Kumo"));
    }
}

using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.Economy;
using Purrr.Core.NightWatch;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.NightWatch;

namespace Purrr.Tests.NightWatch;

[Trait("Category", "Component")]
public sealed class ZoneFormTests : ServiceTestBase
{
    private static readonly GeoPoint Spot = new(48.853, 2.35);

    private async Task<(long Coins, int Zones)> FootprintAsync(UserId player)
    {
        await using var db = Database.NewContext();
        return (await db.Players.Where(p => p.Id == player).Select(p => p.Coins).FirstAsync(), await db.ProtectionZones.CountAsync());
    }

    private static IRenderedComponent<ZoneForm> RenderForm(Bunit.BunitContext context, UserId player, GeoPoint point, Action<ZoneView>? built = null)
    {
        context.Render<MudPopoverProvider>();
        context.Render<MudSnackbarProvider>();
        return context.Render<ZoneForm>(p => p.Add(c => c.Point, point).Add(c => c.Player, player).Add(c => c.OnBuilt, z => built?.Invoke(z)));
    }

    private static Task BuildAsync(IRenderedComponent<ZoneForm> form) =>
        form.FindAll("button").Single(b => b.TextContent.Contains("Build")).ClickAsync(new());

    [Fact]
    public async Task A_name_that_is_too_long_is_marked_on_its_field_and_nothing_is_built_or_charged()
    {
        var luna = await NewPlayerAsync("luna");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"));
        var form = RenderForm(context, luna, Spot);

        form.Find("input:not([type=hidden])").Change(new string('z', 61));
        await BuildAsync(form);

        form.WaitForAssertion(() => Assert.Contains("A zone name can have at most 60 characters.", form.Markup));
        Assert.Equal((Wallet.StartingCoins, 0), await FootprintAsync(luna));
    }

    [Fact]
    public async Task Without_enough_coins_the_form_says_so()
    {
        var luna = await Database.AddPlayerAsync("luna");
        await Database.GiveCoinsAsync(luna, 150);
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"));
        var form = RenderForm(context, luna, Spot);

        Assert.Equal("Build for 200 coins", form.FindAll("button").Single(b => b.TextContent.Contains("Build")).TextContent.Trim());
        await BuildAsync(form);

        form.WaitForAssertion(() => Assert.Equal("Not enough coins: this costs 200 and you have 150.", form.Find("[role=alert]").TextContent.Trim()));
        Assert.Equal((150L, 0), await FootprintAsync(luna));
    }

    [Fact]
    public async Task A_point_off_the_map_is_refused()
    {
        var luna = await NewPlayerAsync("luna");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"));
        var form = RenderForm(context, luna, new GeoPoint(95, 2.35));

        await BuildAsync(form);

        form.WaitForAssertion(() => Assert.Contains("Choose a point on the map", form.Find("[role=alert]").TextContent));
        Assert.Equal((Wallet.StartingCoins, 0), await FootprintAsync(luna));
    }

    [Fact]
    public async Task With_a_kit_the_zone_is_built_from_the_kit()
    {
        var luna = await NewPlayerAsync("luna");
        await Database.GiveItemsAsync(luna, Items.MotionSensorKit, 1);
        ZoneView? built = null;
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"));
        var form = RenderForm(context, luna, Spot, z => built = z);

        form.WaitForAssertion(() => Assert.Contains("Use one of my 1 motion sensor kit(s)", form.Markup));
        Assert.Equal("Build with a kit", form.FindAll("button").Single(b => b.TextContent.Contains("Build")).TextContent.Trim());
        await BuildAsync(form);

        form.WaitForAssertion(() => Assert.NotNull(built));
        Assert.Equal(("Motion sensor", 50), (built!.Name, built.RadiusMeters));
        Assert.Equal((Wallet.StartingCoins, 1), await FootprintAsync(luna));
    }
}

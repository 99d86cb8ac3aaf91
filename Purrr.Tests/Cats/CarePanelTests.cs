using Bunit;
using MudBlazor;
using Purrr.Core.Cats;
using Purrr.Core.Economy;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Cats;

namespace Purrr.Tests.Cats;

[Trait("Category", "Component")]
public sealed class CarePanelTests : ServiceTestBase
{
    [Fact]
    public async Task During_a_cooldown_the_button_is_disabled_and_shows_the_time_left()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];
        await Care.FeedAsync(luna, mochi.Id, Items.BasicFood.Key);
        await Care.GroomAsync(luna, mochi.Id);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var profile = (await Cats.GetProfileAsync(mochi.Id, luna))!;

        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var panel = context.Render<CarePanel>(p => p.Add(c => c.Profile, profile).Add(c => c.Owner, luna));

        var buttons = panel.FindAll(".purrr-care-buttons button").ToDictionary(b => b.TextContent.Trim().Split(' ')[0], b => b);
        Assert.True(buttons["Feed"].HasAttribute("disabled"));
        Assert.Equal("Feed · 8:00", buttons["Feed"].TextContent.Trim());
        Assert.True(buttons["Groom"].HasAttribute("disabled"));
        Assert.Equal("Groom · 8:00", buttons["Groom"].TextContent.Trim());
        Assert.False(buttons["Play"].HasAttribute("disabled"));
        Assert.Equal("Play", buttons["Play"].TextContent.Trim());
    }

    [Fact]
    public async Task A_countdown_ticks_each_second_and_the_button_comes_back_when_it_ends()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];
        await Care.FeedAsync(luna, mochi.Id, Items.BasicFood.Key);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var profile = (await Cats.GetProfileAsync(mochi.Id, luna))!;

        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        context.Render<MudPopoverProvider>();
        var panel = context.Render<CarePanel>(p => p.Add(c => c.Profile, profile).Add(c => c.Owner, luna));
        AngleSharp.Dom.IElement Feed() => panel.FindAll(".purrr-care-buttons button").Single(b => b.TextContent.Trim().StartsWith("Feed", StringComparison.Ordinal));
        Assert.Equal("Feed · 8:00", Feed().TextContent.Trim());

        Clock.Advance(TimeSpan.FromSeconds(1));
        panel.WaitForAssertion(() => Assert.Equal("Feed · 7:59", Feed().TextContent.Trim()));

        Clock.Advance(TimeSpan.FromMinutes(8));
        panel.WaitForAssertion(() => Assert.Equal("Feed", Feed().TextContent.Trim()));
        Assert.False(Feed().HasAttribute("disabled"));
    }

    [Fact]
    public async Task Playing_updates_the_cat_and_says_what_happened()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().OwnedBy(luna).Build()))[0];
        var profile = (await Cats.GetProfileAsync(mochi.Id, luna))!;
        var changed = 0;

        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var snackbars = context.Render<MudSnackbarProvider>();
        var panel = context.Render<CarePanel>(p => p.Add(c => c.Profile, profile).Add(c => c.Owner, luna).Add(c => c.OnChanged, () => changed++));

        panel.FindAll(".purrr-care-buttons button").Single(b => b.TextContent.Trim() == "Play").Click();
        var popovers = context.Render<MudPopoverProvider>();
        popovers.WaitForAssertion(() => Assert.Contains("With a paper ball", popovers.Markup));
        popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("With a paper ball")).Click();

        panel.WaitForAssertion(() => Assert.Equal(1, changed));
        snackbars.WaitForAssertion(() => Assert.Contains("Mochi chased a paper ball all over the room. +5 XP", snackbars.Markup));
        var stored = (await Cats.GetProfileAsync(mochi.Id, luna))!;
        Assert.Equal(65, stored.Stats.Happiness);
    }
}

using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Purrr.Core.Cats;
using Purrr.Core.NightWatch;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.NightWatch;

namespace Purrr.Tests.NightWatch;

[Trait("Category", "Component")]
public sealed class DeployPanelTests : ServiceTestBase
{
    [Fact]
    public async Task The_panel_refuses_an_11th_cat_and_sends_the_10_chosen()
    {
        var luna = await NewPlayerAsync("luna");
        var cats = await Database.AddCatsAsync(Enumerable.Range(1, 11).Select(i => ACat.Playful().Named($"Cat {i:00}").OwnedBy(luna).Build()).ToArray());
        await NightWatch.SetHomeAsync(luna, 48.853, 2.35);
        var candidates = cats.Select(c => new DeployCandidate(CatSummary.Of(c, "luna"), PatrolRole.Guardian, null)).ToList();
        PatrolView? deployed = null;

        Clock.Advance(TimeSpan.FromHours(10)); // 22:00 UTC
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        context.Render<MudPopoverProvider>();
        context.Render<MudSnackbarProvider>();
        var panel = context.Render<DeployPanel>(p => p.Add(c => c.Candidates, candidates).Add(c => c.Player, luna).Add(c => c.OnDeployed, v => deployed = v));

        for (var i = 0; i < 10; i++)
            panel.FindAll("input[type=checkbox]")[i].Change(true);

        Assert.Equal("The patrol is full: a patrol takes at most 10 cats.", panel.Find("[role=status]").TextContent.Trim());
        var eleventh = panel.FindAll("input[type=checkbox]")[10];
        Assert.True(eleventh.HasAttribute("disabled"));
        Assert.False(eleventh.HasAttribute("checked"));
        var deploy = panel.FindAll("button").Single(b => b.TextContent.Contains("Deploy"));
        Assert.Equal("Deploy 10 cats", deploy.TextContent.Trim());
        Assert.Equal("×1.2", panel.Find(".purrr-number").TextContent.Trim()); // guardian 0.8 × playful 1.5

        await deploy.ClickAsync(new());

        panel.WaitForAssertion(() => Assert.NotNull(deployed));
        Assert.Equal(cats[..10].Select(c => c.Name), deployed!.Cats.Select(c => c.Name));
        await using var db = Database.NewContext();
        Assert.Equal(10, await db.PatrolCats.CountAsync());
    }

    [Fact]
    public async Task By_day_the_panel_says_when_night_starts_and_nothing_is_sent()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().Named("Mochi").OwnedBy(luna).Build()))[0];
        await NightWatch.SetHomeAsync(luna, 48.853, 2.35);
        var candidate = new DeployCandidate(CatSummary.Of(mochi, "luna"), PatrolRole.Scout, null);

        await using var context = ComponentTestContext.Create(Database, (luna, "luna")); // noon
        context.Render<MudPopoverProvider>();
        var panel = context.Render<DeployPanel>(p => p.Add(c => c.Candidates, [candidate]).Add(c => c.Player, luna));
        panel.Find("input[type=checkbox]").Change(true);
        await panel.FindAll("button").Single(b => b.TextContent.Contains("Deploy")).ClickAsync(new());

        panel.WaitForAssertion(() => Assert.StartsWith("Night watch runs 21:00–06:00 your time (UTC)", panel.Find("[role=alert]").TextContent.Trim()));
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Patrols.CountAsync());
    }

    [Fact]
    public async Task A_cat_that_cannot_go_says_why_and_cannot_be_chosen()
    {
        var luna = await NewPlayerAsync("luna");
        var mochi = (await Database.AddCatsAsync(ACat.Curious().Named("Mochi").OwnedBy(luna).Build()))[0];
        var candidate = new DeployCandidate(CatSummary.Of(mochi, "luna"), PatrolRole.Scout, "Mochi is in the middle of a game of Paw Match.");

        await using var context = ComponentTestContext.Create(Database, (luna, "luna"));
        context.Render<MudPopoverProvider>();
        var panel = context.Render<DeployPanel>(p => p.Add(c => c.Candidates, [candidate]).Add(c => c.Player, luna));

        Assert.True(panel.Find("input[type=checkbox]").HasAttribute("disabled"));
        Assert.Contains("Mochi is in the middle of a game of Paw Match.", panel.Markup);
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Cats;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Cats;

namespace Purrr.Tests.Cats;

[Trait("Category", "Component")]
public sealed class CatPageTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<Cat> AdoptAsync(Core.Common.UserId owner, string name, bool isPublic = true)
    {
        await using var context = ComponentTestContext.Create(database);
        var cats = context.Services.GetService(typeof(CatService)) as CatService;
        return (await cats!.AdoptAsync(owner, new AdoptCatRequest(name, "maine_coon", Personality.Curious, isPublic))).Value;
    }

    [Fact]
    public async Task The_cat_page_shows_all_twelve_stats_with_their_values()
    {
        var luna = await database.AddPlayerAsync("luna");
        var mochi = await AdoptAsync(luna, "Mochi");
        await using var context = ComponentTestContext.Create(database, (luna, "luna"));

        var page = context.Render<CatPage>(p => p.Add(c => c.Id, mochi.Id.Value));

        page.WaitForAssertion(() => Assert.Equal("Mochi", page.Find("h1").TextContent));
        var stats = page.FindAll(".purrr-stat").Where(s => s.Closest(".purrr-analysis") is null).Select(s => s.TextContent.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        Assert.Equal(12, stats.Count);
        Assert.Equal(
            ["Happiness 50", "Energy 100", "Satiety 70", "Mood 50", "Health 100", "Cleanliness 100",
             "Intelligence 50", "Strength 50", "Agility 50", "Charisma 50", "Social 50", "Training 0"],
            page.FindAll(".purrr-stat-label").Where(l => l.Closest(".purrr-analysis") is null).Select(l => string.Join(' ', l.QuerySelectorAll("span").Select(s => s.TextContent.Trim()))));
        Assert.Contains("Level 1", page.Markup);
        Assert.Contains("0 / 200 XP to level 2", page.Markup);
        Assert.NotNull(page.Find("svg.cat-portrait"));
    }

    [Fact]
    public async Task A_health_alert_link_opens_the_health_tab_for_the_owner_and_only_for_the_owner()
    {
        var luna = await database.AddPlayerAsync("luna");
        var milo = await database.AddPlayerAsync("milo");
        var mochi = await AdoptAsync(luna, "Mochi");

        foreach (var (viewer, name, expected) in new[] { (luna, "luna", "Health"), (milo, "milo", "Personality analysis") })
        {
            await using var context = ComponentTestContext.Create(database, (viewer, name));
            context.Services.GetRequiredService<NavigationManager>().NavigateTo(Core.HealthDevices.CatHealthService.LinkTo(mochi.Id));

            var page = context.Render<CatPage>(p => p.Add(c => c.Id, mochi.Id.Value));

            page.WaitForAssertion(() => Assert.Contains(expected, page.FindAll(".mud-tab.mud-tab-active").Select(t => t.TextContent.Trim()))); // beside the looks' own tabs
        }
    }

    [Fact]
    public async Task Another_player_sees_a_public_cat_without_the_visibility_switch()
    {
        var luna = await database.AddPlayerAsync("luna");
        var milo = await database.AddPlayerAsync("milo");
        var mochi = await AdoptAsync(luna, "Mochi", isPublic: true);
        await using var visitorView = ComponentTestContext.Create(database, (milo, "milo"));

        var page = visitorView.Render<CatPage>(p => p.Add(c => c.Id, mochi.Id.Value));

        page.WaitForAssertion(() => Assert.Equal("Mochi", page.Find("h1").TextContent));
        Assert.Contains("Owned by luna", page.Markup);
        Assert.DoesNotContain("Other players can see this cat", page.Markup);
        Assert.DoesNotContain("Only you can see this cat", page.Markup);
        Assert.Empty(page.FindAll("input[type=checkbox]"));
    }

    [Fact]
    public async Task A_closed_panel_shows_its_content_once_opened()
    {
        var luna = await database.AddPlayerAsync("luna");
        var mochi = await AdoptAsync(luna, "Mochi");
        await using var context = ComponentTestContext.Create(database, (luna, "luna"));
        var page = context.Render<CatPage>(p => p.Add(c => c.Id, mochi.Id.Value));
        page.WaitForAssertion(() => Assert.Equal("Mochi", page.Find("h1").TextContent));
        Assert.DoesNotContain(page.FindAll("caption"), c => c.TextContent == "Genes"); // closed: nothing rendered behind it

        page.FindAll(".mud-expand-panel-header").Single(h => h.TextContent.Contains("Genes")).Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("caption"), c => c.TextContent == "Genes"));
        Assert.Contains("Shows as", page.Markup);
    }

    [Fact]
    public async Task The_owner_can_hide_a_cat_and_then_another_player_cannot_open_it()
    {
        var luna = await database.AddPlayerAsync("luna");
        var milo = await database.AddPlayerAsync("milo");
        var mochi = await AdoptAsync(luna, "Mochi");

        await using (var ownerView = ComponentTestContext.Create(database, (luna, "luna")))
        {
            var page = ownerView.Render<CatPage>(p => p.Add(c => c.Id, mochi.Id.Value));
            page.WaitForAssertion(() => Assert.Contains("Other players can see this cat", page.Markup));
            page.Find("input[type=checkbox]").Change(false);
            page.WaitForAssertion(() => Assert.Contains("Only you can see this cat", page.Markup));
        }

        await using var visitorView = ComponentTestContext.Create(database, (milo, "milo"));
        var navigation = visitorView.Services.GetService(typeof(NavigationManager)) as NavigationManager;
        var notFound = false;
        navigation!.OnNotFound += (_, _) => notFound = true;
        var hidden = visitorView.Render<CatPage>(p => p.Add(c => c.Id, mochi.Id.Value));

        hidden.WaitForAssertion(() => Assert.True(notFound));
        Assert.DoesNotContain("Mochi", hidden.Markup);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Activity;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.PersonalityAnalysis;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Cats;
using Purrr.Web.Components.Shared;

namespace Purrr.Tests.PersonalityAnalysis;

/// <summary>The cat page's "Personality analysis" tab, rendered over a real database and the trained model.</summary>
public sealed class PersonalityAnalysisTabTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private UserId owner;
    private Cat cat = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        owner = await database.AddPlayerAsync("milo");
        cat = (await database.AddCatsAsync(ACat.Playful().Named("Tofu").OwnedBy(owner).Build()))[0];
        await using var db = database.NewContext();
        foreach (var act in BehaviourSimulator.Cat(Personality.Lazy, new SeededRandomSource(4), TestClock.Noon).Log)
            db.ActivityEvents.Add(ActivityEvent.Behaviour(owner, cat, act.Kind, act.At, TimeZoneInfo.Utc, act.Amount));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private static BunitJSModuleInterop ChartModule(BunitContext ctx)
    {
        var module = ctx.JSInterop.SetupModule(ApexChart.ModulePath);
        module.SetupVoid("render", _ => true).SetVoidResult();
        module.SetupVoid("destroy", _ => true).SetVoidResult();
        return module;
    }

    private IRenderedComponent<PersonalityAnalysisTab> RenderTab(BunitContext ctx, UserId? viewer)
    {
        var tab = ctx.Render<PersonalityAnalysisTab>(p => p.Add(t => t.Cat, cat.Id).Add(t => t.Viewer, viewer));
        tab.WaitForElement(".purrr-analysis[data-ready]", TimeSpan.FromSeconds(30));
        return tab;
    }

    [Fact]
    public async Task The_tab_shows_the_prediction_its_probabilities_as_bars_the_scores_and_six_recommendations()
    {
        await using var ctx = ComponentTestContext.Create(database, (owner, "milo"));
        var module = ChartModule(ctx);

        var tab = RenderTab(ctx, owner);

        var verdict = tab.Find(".purrr-analysis-verdict");
        Assert.Equal("Lazy", verdict.GetAttribute("data-predicted"));
        Assert.Matches(@"^From Tofu's last 30 days \(\d+ acts\), it behaves most like\s+lazy \(\d+%\)\.\s+Its personality is playful\.$", verdict.TextContent.Trim());
        Assert.StartsWith("Confidence: ", tab.Find("[data-confidence]").TextContent);
        var options = JsonSerializer.SerializeToElement(module.VerifyInvoke("render").Arguments[1], JsonSerializerOptions.Web);
        Assert.Equal("bar", options.GetProperty("chart").GetProperty("type").GetString());
        Assert.Equal(Personalities.All.Select(p => p.DisplayName()), options.GetProperty("xaxis").GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        var percents = options.GetProperty("series")[0].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal(100, percents.Sum(), 0);
        Assert.Equal(percents.Max(), percents[(int)Personality.Lazy]);
        Assert.Equal(["Energy level", "Social preference", "Activity preference", "Independence", "Trainability", "Aggression"],
            tab.FindAll(".purrr-stat-label span:first-child").Select(s => s.TextContent));
        var tips = tab.FindAll(".purrr-recommendations li");
        Assert.Equal(6, tips.Count);
        Assert.StartsWith("Lazy (most likely):", tips[0].TextContent.Trim());
    }

    [Fact]
    public async Task The_owner_rates_the_analysis_and_an_inaccurate_rating_asks_for_the_real_personality_first()
    {
        await using var ctx = ComponentTestContext.Create(database, (owner, "milo"));
        ChartModule(ctx);
        var tab = RenderTab(ctx, owner);

        await tab.InvokeAsync(() => tab.FindAll("button").First(b => b.TextContent.Trim() == "Inaccurate").Click());

        tab.WaitForAssertion(() => Assert.Contains("Tell us which personality it really has", tab.Markup));
        await using (var db = database.NewContext())
            Assert.Empty(await db.PersonalityFeedback.ToListAsync());

        await tab.InvokeAsync(() => tab.FindAll("button").First(b => b.TextContent.Trim() == "Accurate").Click());

        tab.WaitForAssertion(() => Assert.Contains("You rated it accurate", tab.Find("[data-my-rating]").TextContent));
        Assert.Equal("true", tab.FindAll("button").First(b => b.TextContent.Trim() == "Accurate").GetAttribute("aria-pressed"));
        await using (var db = database.NewContext())
            Assert.Equal(FeedbackRating.Accurate, (await db.PersonalityFeedback.SingleAsync()).Rating);
    }

    [Fact]
    public async Task The_cats_next_act_shows_in_the_analysis_at_once()
    {
        await using var ctx = ComponentTestContext.Create(database, (owner, "milo"));
        ChartModule(ctx);
        var tab = RenderTab(ctx, owner);
        var before = int.Parse(Regex.Match(tab.Find(".purrr-analysis-verdict").TextContent, @"\((\d+) acts\)").Groups[1].Value);

        Assert.True((await ctx.Services.GetRequiredService<CareService>().PlayAsync(owner, cat.Id)).Succeeded);

        tab.WaitForAssertion(() => Assert.Contains($"({before + 1} acts)", tab.Find(".purrr-analysis-verdict").TextContent));
    }

    [Fact]
    public async Task A_visitor_sees_a_public_cats_analysis_without_the_rating_buttons()
    {
        var visitor = await database.AddPlayerAsync("nova");
        await using var ctx = ComponentTestContext.Create(database, (visitor, "nova"));
        ChartModule(ctx);

        var tab = RenderTab(ctx, visitor);

        Assert.NotEmpty(tab.FindAll(".purrr-recommendations li"));
        Assert.Empty(tab.FindAll(".purrr-analysis-rating"));
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.PersonalityAnalysis;

/// <summary>Personality analysis in Chromium: an owner reads and rates it; the admin retrains and activates the model.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class PersonalityAnalysisE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task An_owner_opens_the_analysis_tab_sees_the_probabilities_and_rates_them()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(Names.Unique("pa"));
            await session.AdoptAsync("Pumpkin", "Maine Coon");

            await page.GetByRole(AriaRole.Tab, new() { Name = "Personality analysis" }).ClickAsync();
            var tab = page.Locator(".purrr-analysis[data-ready]");
            await Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "Personality analysis" })).ToBeVisibleAsync();
            await Expect(tab.Locator(".purrr-analysis-verdict")).ToContainTextAsync(new Regex(@"Best guess so far:\s+\w+.*\(\d+%\)"));

            // The probabilities: drawn as bars, and in the table screen readers read — six personalities that add up to 100%.
            await Expect(tab.Locator("svg .apexcharts-series path[d]").First).ToBeAttachedAsync();
            var rows = tab.GetByRole(AriaRole.Table, new() { Name = "Personality probabilities (%)" }).Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(6);
            var percents = await rows.Locator("td").AllTextContentsAsync();
            Assert.Equal(100, percents.Sum(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)), 0);
            await Expect(tab.Locator(".purrr-recommendations li")).ToHaveCountAsync(6);

            // Rated inaccurate: first it asks for the real personality, then it is kept.
            await tab.GetByRole(AriaRole.Button, new() { Name = "Inaccurate" }).ClickAsync();
            await Expect(tab.GetByText("Tell us which personality it really has, so the model can learn it.")).ToBeVisibleAsync();
            await tab.GetByLabel("Its real personality").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Aloof" }).ClickAsync();
            await tab.GetByRole(AriaRole.Button, new() { Name = "Inaccurate" }).ClickAsync();
            await Expect(tab.Locator("[data-my-rating]")).ToContainTextAsync("You rated it inaccurate (really aloof)");
            Assert.Empty(session.Errors);
            await session.SaveScreenshotAsync("personality-analysis");
        });
    }

    [Fact]
    public async Task The_admin_retrains_the_model_sees_its_held_out_accuracy_and_activates_it()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        await session.RunAsync(async () =>
        {
            await session.SignInAsync(DemoWorld.AdminUserName, DemoWorld.AdminPassword);
            await session.GotoAsync("admin/ai");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AI models", Level = 1 })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Retrain with feedback" }).ClickAsync();

            var candidate = page.Locator("[data-candidate-accuracy]");
            await Expect(candidate).ToContainTextAsync(new Regex(@"The new model named\s+\d+\.\d %\s+of held-out cats rightly"), new() { Timeout = 60_000 });
            await Expect(page.Locator("[data-retrain-message]")).ToContainTextAsync("Activate it to put it to use.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Activate the new model" }).ClickAsync();
            await Expect(page.Locator("[data-retrain-message]")).ToContainTextAsync("The new model is in use");
            await Expect(candidate).ToHaveCountAsync(0);
            Assert.Empty(session.Errors);
        });
    }
}

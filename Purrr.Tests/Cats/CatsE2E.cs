using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Cats;

/// <summary>The first slice, clicked through in Chromium over the live circuit.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class CatsE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_new_player_signs_up_signs_in_adopts_a_cat_and_sees_it_drawn()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        var userName = Names.Unique("e2e");

        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(userName);
            await Expect(page.GetByText("No cats yet")).ToBeVisibleAsync();

            // Sign out through the account menu, then sign in again.
            await page.GetByRole(AriaRole.Button, new() { Name = userName }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).First.ClickAsync();
            await session.WaitForRouteAsync(new Regex("/Account/Login"));
            await page.SubmitSignInAsync(userName);
            await session.WaitForRouteAsync("**/cats");
            await session.WaitForCircuitAsync();

            // Adopt.
            await page.GetByRole(AriaRole.Link, new() { Name = "Adopt your first cat" }).ClickAsync();
            await session.WaitForRouteAsync("**/cats/adopt");
            await session.WaitForCircuitAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Adopt", Exact = true }).ClickAsync();
            await Expect(page.GetByText("Give your cat a name.")).ToBeVisibleAsync(); // bad input: told, nothing adopted

            await page.GetByLabel("Name").FillAsync("Pumpkin");
            await page.GetByLabel("Breed").ClickAsync();
            await page.GetByText("Maine Coon", new() { Exact = true }).ClickAsync();
            await Expect(page.GetByText("A gentle giant with a lion's ruff and a raccoon tail.")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Adopt", Exact = true }).ClickAsync();

            // The cat's own page: drawn from its genome, with its stats.
            await session.WaitForRouteAsync(new Regex("/cats/[0-9a-f-]{36}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pumpkin", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Pumpkin: .*long-haired") })).ToBeVisibleAsync();
            await Expect(page.GetByText("Maine Coon").First).ToBeVisibleAsync();
            await Expect(page.Locator(".purrr-stat:not(.purrr-analysis *)")).ToHaveCountAsync(12); // not the analysis tab's behaviour scores

            // And in "My cats", with its portrait.
            await page.GetByRole(AriaRole.Link, new() { Name = "Cats", Exact = true }).ClickAsync();
            await session.WaitForRouteAsync("**/cats");
            var card = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Pumpkin") });
            await Expect(card).ToBeVisibleAsync();
            await Expect(card.GetByRole(AriaRole.Img)).ToBeVisibleAsync();
            await card.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pumpkin", Level = 1 })).ToBeVisibleAsync();

            Assert.Empty(session.Errors);
        });
    }

    [Fact]
    public async Task Feeding_a_cat_raises_its_satiety_and_starts_the_cooldown()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;

        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(Names.Unique("feed"));
            await session.AdoptAsync("Nibbles", "Bengal");
            await Expect(page.Stat("Satiety")).ToHaveTextAsync("70");

            await page.GetByRole(AriaRole.Button, new() { Name = "Feed", Exact = true }).ClickAsync();
            await page.GetByText(new Regex("^Basic food \\(5 left\\)")).ClickAsync();

            await Expect(page.Stat("Satiety")).ToHaveTextAsync("95");
            await Expect(page.GetByText("Nibbles ate the basic food. +5 XP")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Feed · [0-9]+:[0-9]{2}$") })).ToBeDisabledAsync();
            await Expect(page.GetByText(new Regex("Basic food.*× 4"))).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task The_theme_choice_is_remembered_for_the_player()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;

        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(Names.Unique("dark"));
            var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");

            await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark theme" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
            var dark = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
            Assert.NotEqual(background, dark);

            await page.ReloadAsync();
            await session.WaitForCircuitAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" })).ToBeVisibleAsync();
            Assert.Equal(dark, await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        });
    }

    [Fact]
    public async Task A_visitor_who_opens_my_cats_is_asked_to_sign_in_and_comes_back_after()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        var userName = Names.Unique("back");

        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(userName);
            await page.Context.ClearCookiesAsync();

            await page.GotoAsync("cats/adopt");
            await session.WaitForRouteAsync("**/Account/Login?ReturnUrl=%2Fcats%2Fadopt");
            await page.SubmitSignInAsync(userName, BrowserSteps.Password);
            await session.WaitForRouteAsync("**/cats/adopt");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adopt a cat" })).ToBeVisibleAsync();
        });
    }
}

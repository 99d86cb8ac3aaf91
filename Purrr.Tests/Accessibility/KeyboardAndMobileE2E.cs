using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Data;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Accessibility;

/// <summary>The skip link, reduced motion and the main pages on a 360×740 phone, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class KeyboardAndMobileE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task The_first_tab_shows_a_skip_link_that_moves_focus_to_the_page_content()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            await session.SignInAsync("milo", DemoWorld.PlayerPassword);
            await session.GotoAsync("shop");
            var page = session.Page;
            var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
            Assert.True((await skip.BoundingBoxAsync())!.Y < 0); // out of sight until focused

            // The page focuses its heading on arrival; the skip link comes just before the app bar's first button.
            await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).FocusAsync();
            await page.Keyboard.PressAsync("Shift+Tab");
            await Expect(skip).ToBeFocusedAsync();
            Assert.True((await skip.BoundingBoxAsync())!.Y >= 0);

            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("main#main")).ToBeFocusedAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/shop$"));
        });
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_new_page_focuses_its_heading_but_never_takes_focus_from_a_field_being_typed_in()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            await session.SignInAsync("milo", DemoWorld.PlayerPassword);
            await session.GotoAsync("shop");
            var page = session.Page;
            await page.GetByRole(AriaRole.Link, new() { Name = "Community" }).First.ClickAsync(); // in-circuit navigation
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeFocusedAsync();

            // On a slow connection the heading's focus call can land after the player started typing: it must not steal focus.
            var search = page.GetByRole(AriaRole.Searchbox).Or(page.GetByRole(AriaRole.Textbox)).First;
            await search.FocusAsync();
            await search.PressSequentiallyAsync("pur");
            await page.EvaluateAsync("window.purrrFocusHeading()");
            await Expect(search).ToBeFocusedAsync();
            await page.Keyboard.TypeAsync("r");
            await Expect(search).ToHaveValueAsync("purr");
        });
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Players_who_ask_for_less_motion_get_no_transitions()
    {
        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            await session.Page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
            await session.GotoAsync("");
            var duration = await session.Page.EvaluateAsync<string>(
                "getComputedStyle(document.querySelector('.mud-button-root')).transitionDuration");
            Assert.All(duration.Split(','), d => Assert.True(double.Parse(d.Trim().TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture) < 0.001, duration));
        });
    }

    [Fact]
    public async Task The_main_pages_fit_a_360_pixel_phone_without_sideways_scrolling()
    {
        var (cat, post) = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PurrrDbContext>();
            var milo = await db.Players.Where(p => p.UserName == "milo").Select(p => p.Id).FirstAsync();
            return (await db.Cats.Where(c => c.OwnerId == milo).Select(c => c.Id).FirstAsync(), await db.Posts.Select(p => p.Slug).FirstAsync());
        });
        string[] pages =
        [
            "", "cats", $"cats/{cat}", "cats/adopt", "breeding", "shop", "quests", "games/paw-match", "night-watch", "rooms",
            "rooms/social-lounge-1", "community", "community/write", $"community/posts/{post}", "notifications", "lost-and-found",
            "players/nova", "settings/privacy",
        ];

        await using var session = await BrowserSession.OpenAsync(browser, server);
        var tooWide = new List<string>();
        await session.RunAsync(async () =>
        {
            await session.Page.SetViewportSizeAsync(360, 740);
            await session.SignInAsync("milo", DemoWorld.PlayerPassword);
            foreach (var page in pages)
            {
                await session.GotoAsync(page);
                await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                var width = await session.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                if (width > 360)
                {
                    tooWide.Add($"/{page}: {width}px");
                    await session.SaveScreenshotAsync($"too-wide-{page.Replace('/', '-')}");
                }
            }
        });
        Assert.True(tooWide.Count == 0, "Pages wider than the phone:\n" + string.Join("\n", tooWide));
    }
}

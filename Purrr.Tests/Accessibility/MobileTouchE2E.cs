using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Data;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Accessibility;

/// <summary>
/// Phones: on a 360×740 touch screen every main control is at least 44×44 CSS pixels, the pages are photographed for
/// review (TestResults/screenshots/phone-*.png), and a new player gets through the whole game by tapping alone.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class MobileTouchE2E(PurrrServer server, BrowserFixture browser)
{
    private const int MinTarget = 44;

    /// <summary>
    /// The visible controls a finger aims at, with their size. Exempt: links inside a sentence (WCAG 2.5.5 "inline"
    /// exception: the text's line height decides their size), things hidden or off screen (the skip link until focused),
    /// controls inside the map's and 3D view's own canvases (the list views and buttons around them offer the same
    /// actions), and form fields' inner parts (the field around them is the target).
    /// </summary>
    private const string MeasureTargets = """
        () => {
            const selector = 'a[href], button, [role=button], [role=tab], [role=link], [role=menuitem], [role=option], [role=checkbox], [role=radio], [role=switch], .mud-chip';
            // A link in a line of text (a sentence, a byline "luna · 2 May · 3 min read"): past the wrappers that hold only
            // the link, the nearest ancestor with more text is a line or a paragraph around an inline link. A heading's
            // link (a post title) is not in a sentence.
            const inSentence = el => {
                if (el.tagName !== 'A') return false;
                const own = (el.textContent || '').trim().length;
                const height = el.getBoundingClientRect().height;
                for (let up = el.parentElement, level = 0; up && level < 4; up = up.parentElement, level++) {
                    if (/^H[1-6]$/.test(up.tagName)) return false;
                    if ((up.textContent || '').trim().length > own + 2)
                        return getComputedStyle(el).display === 'inline' || up.getBoundingClientRect().height <= 2.5 * height;
                }
                return false;
            };
            const seen = new Set();
            const out = [];
            for (const el of document.querySelectorAll(selector)) {
                // A Mud button's inner parts are measured as the button itself.
                const target = el.closest('.mud-chip, .mud-button-root, .mud-tab') ?? el;
                if (seen.has(target)) continue;
                seen.add(target);
                const box = target.getBoundingClientRect();
                if (box.width === 0 || box.height === 0) continue;
                const style = getComputedStyle(target);
                if (style.visibility === 'hidden' || style.display === 'none' || target.closest('[aria-hidden=true], .purrr-sr-only, [inert], .purrr-skip-link')) continue;
                if (box.bottom < 0 || box.right < 0 || box.left >= innerWidth) continue;
                if (target.closest('.leaflet-pane, .leaflet-control-attribution, canvas')) continue;
                if (inSentence(target)) continue;
                if (box.width >= 44 - 0.5 && box.height >= 44 - 0.5) continue;
                const name = (target.getAttribute('aria-label') || target.textContent || target.getAttribute('title') || '').trim().replace(/\s+/g, ' ').slice(0, 40);
                out.push(`${target.tagName.toLowerCase()}.${[...target.classList].slice(0, 3).join('.')} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
            }
            return out;
        }
        """;

    private async Task<(Guid Cat, string Post)> DemoIdsAsync() => await server.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PurrrDbContext>();
        var milo = await db.Players.Where(p => p.UserName == "milo").Select(p => p.Id).FirstAsync();
        return (await db.Cats.Where(c => c.OwnerId == milo).Select(c => c.Id.Value).FirstAsync(), await db.Posts.Select(p => p.Slug).FirstAsync());
    });

    [Fact]
    public async Task Every_main_control_is_at_least_44_pixels_square_on_a_touch_phone()
    {
        var (cat, post) = await DemoIdsAsync();
        var shotNames = new Dictionary<string, string> { [""] = "home", [$"cats/{cat}"] = "cat", [$"community/posts/{post}"] = "post" };
        string[] pages =
        [
            "", "cats", $"cats/{cat}", "cats/adopt", "breeding", "shop", "quests", "games/paw-match", "night-watch", "rooms",
            "rooms/social-lounge-1", "community", "community/write", $"community/posts/{post}", "notifications", "lost-and-found",
            "players/nova", "settings/privacy",
        ];

        await using var session = await BrowserSession.OpenPhoneAsync(browser, server);
        var tooSmall = new List<string>();
        await session.RunAsync(async () =>
        {
            var page = session.Page;
            await session.SignInAsync("milo", DemoWorld.PlayerPassword);
            foreach (var path in pages)
            {
                await session.GotoAsync(path);
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await session.SaveScreenshotAsync($"phone-{shotNames.GetValueOrDefault(path) ?? Regex.Replace(path, "[^a-z0-9]+", "-")}");
                tooSmall.AddRange((await page.EvaluateAsync<string[]>(MeasureTargets)).Select(t => $"/{path}: {t}"));
            }

            // The app bar as a phone shows it (every control on screen, nothing overlapping).
            await session.GotoAsync("");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "phone-app-bar.png"), Clip = new() { X = 0, Y = 0, Width = 360, Height = 120 } });
            var bar = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('.mud-appbar button, .mud-appbar a')].map(e => e.getBoundingClientRect().right)");
            Assert.All(bar, right => Assert.True(right <= 360, $"an app bar control ends at {right}px, off the screen"));

            // The navigation drawer opens over the page on a phone: its links are targets too.
            await session.GotoAsync("shop");
            var drawer = page.Locator(".mud-drawer");
            if (!await OnScreenAsync(drawer.GetByRole(AriaRole.Link, new() { Name = "Community" }).First))
                await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).TapAsync();
            await Expect(drawer.GetByRole(AriaRole.Link, new() { Name = "Community" }).First).ToBeVisibleAsync();
            await session.SaveScreenshotAsync("phone-drawer-open");
            tooSmall.AddRange((await page.EvaluateAsync<string[]>(MeasureTargets)).Select(t => $"/shop (drawer open): {t}"));
        });
        Assert.True(tooSmall.Count == 0, $"{tooSmall.Count} touch targets under {MinTarget}×{MinTarget} px:\n" + string.Join("\n", tooSmall.Distinct()));
        Assert.Empty(session.Errors);
    }

    /// <summary>Whether the element is there and on the screen (a closed drawer is either not rendered or slid off).</summary>
    private static async Task<bool> OnScreenAsync(ILocator locator) =>
        await locator.CountAsync() > 0
        && await locator.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > 0 && r.left < innerWidth; }");

    private static async Task WaitUntilOffScreenAsync(ILocator locator)
    {
        for (var tries = 0; tries < 100 && await OnScreenAsync(locator); tries++)
            await Task.Delay(100);
        Assert.False(await OnScreenAsync(locator), "the drawer is still open");
    }

    [Fact]
    public async Task The_drawer_navigation_works_by_tapping_on_a_phone()
    {
        await using var session = await BrowserSession.OpenPhoneAsync(browser, server);
        await session.RunAsync(async () =>
        {
            var page = session.Page;
            await session.SignInAsync("milo", DemoWorld.PlayerPassword);
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" });
            var community = page.Locator(".mud-drawer").GetByRole(AriaRole.Link, new() { Name = "Community" }).First;
            if (await OnScreenAsync(community)) // a phone starts with the drawer closed; close it if it is not
                await toggle.TapAsync();
            await WaitUntilOffScreenAsync(community);
            await toggle.TapAsync();
            await Expect(community).ToBeInViewportAsync();
            await community.TapAsync();
            await session.WaitForRouteAsync("**/community");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await WaitUntilOffScreenAsync(community); // the drawer closes after picking a page
        });
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_night_watch_map_stays_readable_in_the_dark_theme_on_a_phone()
    {
        await using var session = await BrowserSession.OpenPhoneAsync(browser, server, ColorScheme.Dark);
        await session.RunAsync(async () =>
        {
            var page = session.Page;
            await session.SignInAsync("milo", DemoWorld.PlayerPassword);
            await session.GotoAsync("night-watch");
            await page.GetByRole(AriaRole.Button, new() { Name = "Switch to light theme" }).WaitForAsync();
            var map = page.Locator(".leaflet-container").First;
            await map.WaitForAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await session.SaveScreenshotAsync("phone-night-watch-dark");

            // The map's own text (zoom buttons, attribution, labels) is light on dark, not dark on dark.
            var contrasts = await page.EvaluateAsync<double[]>("""
                () => [...document.querySelectorAll('.leaflet-control-zoom a, .leaflet-control-attribution, .leaflet-tooltip')]
                    .filter(el => el.getBoundingClientRect().width > 0)
                    .map(el => {
                        const rgb = s => s.match(/[\d.]+/g).slice(0, 3).map(Number);
                        const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                        const fg = lum(rgb(getComputedStyle(el).color));
                        let bgEl = el, bg = getComputedStyle(bgEl).backgroundColor;
                        while (bgEl && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) { bgEl = bgEl.parentElement; bg = bgEl ? getComputedStyle(bgEl).backgroundColor : 'rgb(0,0,0)'; }
                        const b = lum(rgb(bg));
                        return (Math.max(fg, b) + 0.05) / (Math.min(fg, b) + 0.05);
                    })
                """);
            Assert.NotEmpty(contrasts);
            Assert.All(contrasts, c => Assert.True(c >= 4.5, $"map text contrast {c:0.0}:1 is under 4.5:1"));
        });
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_new_player_signs_up_adopts_feeds_walks_chats_and_posts_by_touch_alone()
    {
        var name = Names.Unique("thumb");
        var catName = $"Tap{name[^4..]}";
        await using var session = await BrowserSession.OpenPhoneAsync(browser, server);
        await session.RunAsync(async () =>
        {
            var page = session.Page;

            // Sign up: the keyboard types, the thumb taps.
            await session.GotoAsync("Account/Register", interactive: false);
            await page.GetByLabel("Username").FillAsync(name);
            await page.GetByLabel("Email").FillAsync($"{name}@example.test");
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(BrowserSteps.Password);
            await page.GetByLabel("Confirm password").FillAsync(BrowserSteps.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).TapAsync();
            await session.WaitForRouteAsync("**/cats");
            await session.WaitForCircuitAsync();

            // Adopt.
            await session.GotoAsync("cats/adopt");
            await page.GetByLabel("Name").FillAsync(catName);
            await page.GetByLabel("Breed").TapAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Bengal", Exact = true }).TapAsync();
            await Expect(page.GetByText(Purrr.Core.Cats.Breeds.All.Single(b => b.Name == "Bengal").Description, new() { Exact = true })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Adopt", Exact = true }).TapAsync();
            await session.WaitForRouteAsync(new Regex("/cats/[0-9a-f-]{36}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = catName, Level = 1 })).ToBeVisibleAsync();

            // Feed.
            await Expect(page.Stat("Satiety")).ToHaveTextAsync("70");
            await page.GetByRole(AriaRole.Button, new() { Name = "Feed", Exact = true }).TapAsync();
            await page.GetByText(new Regex("^Basic food \\(5 left\\)")).TapAsync();
            await Expect(page.Stat("Satiety")).ToHaveTextAsync("95");

            // Join a room and walk by tapping the floor, in 2D and in 3D.
            await session.GotoAsync("rooms");
            await page.GetByRole(AriaRole.Button, new() { Name = "Join party room" }).TapAsync();
            await session.WaitForRouteAsync(new Regex("/rooms/party-room-\\d+$"));
            var myCat = page.Locator($"g.cat[data-cat='{catName}']");
            await Expect(myCat).ToHaveCountAsync(1);
            var floor = page.GetByRole(AriaRole.Application);
            await floor.ScrollIntoViewIfNeededAsync();
            var box = (await floor.BoundingBoxAsync())!;
            var before = await myCat.GetAttributeAsync("data-x");
            await floor.TapAsync(new() { Position = new() { X = box.Width * 0.8f, Y = box.Height * 0.3f } });
            await Expect(myCat).Not.ToHaveAttributeAsync("data-x", before!);
            await session.SaveScreenshotAsync("phone-touch-room-2d");

            await page.GetByRole(AriaRole.Button, new() { Name = "3D", Exact = true }).TapAsync();
            await page.Locator(".purrr-room-scene[data-ready='true']").WaitForAsync();
            var where = page.GetByRole(AriaRole.List, new() { Name = "Where the cats are" }).GetByText(new Regex($"^{catName} at "));
            var spot = await where.TextContentAsync();
            var canvas = page.Locator(".purrr-room-scene canvas");
            await canvas.ScrollIntoViewIfNeededAsync();
            var sceneBox = (await canvas.BoundingBoxAsync())!;
            await canvas.TapAsync(new() { Position = new() { X = sceneBox.Width * 0.3f, Y = sceneBox.Height * 0.7f } });
            await Expect(where).Not.ToHaveTextAsync(spot!); // the tap walked the cat (a drag would turn the camera instead)
            await session.SaveScreenshotAsync("phone-touch-room-3d");

            // Chat.
            var message = page.GetByRole(AriaRole.Textbox, new() { Name = "Message" });
            await message.TapAsync();
            await message.FillAsync("Hello from my phone!");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).TapAsync();
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Chat messages" })).ToContainTextAsync("Hello from my phone!");
            await Expect(message).ToHaveValueAsync("");

            // Post.
            await session.GotoAsync("community/write");
            await page.GetByLabel("Title").FillAsync($"{catName} on the go");
            await page.GetByLabel("Body").FillAsync("Written with one thumb on the bus.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).TapAsync();
            await session.WaitForRouteAsync(new Regex("/community/posts/[a-z0-9-]+$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{catName} on the go", Level = 1 })).ToBeVisibleAsync();
            await session.SaveScreenshotAsync("phone-touch-post");

            // The map takes a tap as a click too: tapping it picks the spot for the player's home.
            await session.GotoAsync("night-watch");
            var map = page.Locator(".leaflet-container").First;
            await map.ScrollIntoViewIfNeededAsync();
            await map.TapAsync(new() { Position = new() { X = 120, Y = 120 } });
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Make this my home" })).ToBeVisibleAsync();
        });
        Assert.Empty(session.Errors);
    }
}

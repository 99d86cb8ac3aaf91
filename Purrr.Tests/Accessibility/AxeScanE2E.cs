using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Common;
using Purrr.Core.Crypto;
using Purrr.Core.Admin;
using Purrr.Data;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Accessibility;

/// <summary>
/// axe-core scans every routable page (<see cref="AxeScanPages"/>) and the states behind clicks (dialogs, menus, the
/// phone drawer) in Chromium, in the light and the dark theme, as a visitor, a player and an admin: no violation of
/// serious or critical impact anywhere. Before each scan it checks that the page really is the one asked for (its URL,
/// a visible h1 that is not the sign-in page, access-denied or not-found notice), so a redirect cannot pass unscanned.
/// One browser context per theme and role; interactive pages are reached by in-circuit navigation (no reload).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class AxeScanE2E(PurrrServer server, BrowserFixture browser, ITestOutputHelper output)
{
    private const string Player = "milo";

    /// <summary>axe gathers only violations (no passes or inapplicable nodes to collect): the same rules, less work.</summary>
    private static readonly AxeRunOptions ViolationsOnly = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>Headings that mean "not the page you asked for" unless that page is the one asked for.</summary>
    private static readonly string[] WrongPageHeadings = ["Sign in", "Access denied", "Nothing here", "Something went wrong on our side."];

    [Fact]
    public async Task Every_page_and_its_main_states_have_no_serious_or_critical_accessibility_violation_in_either_theme()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var flags = server.Services.GetRequiredService<FeatureFlags>();
        var cryptoWasOn = await flags.IsOnAsync(Feature.Crypto);
        var admin = await server.InScopeAsync(async sp =>
            await sp.GetRequiredService<PurrrDbContext>().Players.Where(p => p.UserName == DemoWorld.AdminUserName).Select(p => p.Id).FirstAsync());
        if (!cryptoWasOn)
            await flags.SetAsync(Feature.Crypto, true, admin);
        try
        {
            var fixture = await server.InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<PurrrDbContext>();
                var milo = await db.Players.Where(p => p.UserName == Player).Select(p => p.Id).FirstAsync();
                var charge = (await sp.GetRequiredService<CryptoService>().DepositAsync(milo, "ETH", "0.001")).Value;
                var challenge = await db.TerritoryChallenges.Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
                var posts = await db.Posts.Where(p => p.Status == Purrr.Core.Community.PostStatus.Published).Select(p => new { p.Slug, p.AuthorId }).ToListAsync();
                var tag = await db.PostTags.Select(t => t.Tag).FirstAsync();
                return new Dictionary<string, string>
                {
                    ["{cat}"] = (await db.Cats.Where(c => c.OwnerId == milo).Select(c => c.Id).FirstAsync()).ToString(),
                    ["{pet}"] = (await db.LostPets.Select(p => p.Id).FirstAsync()).ToString(),
                    ["{post}"] = posts.First(p => p.AuthorId != milo).Slug,
                    ["{ownPost}"] = posts.First(p => p.AuthorId == milo).Slug,
                    ["{tag}"] = tag,
                    ["{charge}"] = charge.ProviderChargeId,
                    // A challenge of the demo world if there is one; otherwise the page's "no such challenge" state.
                    ["{challenge}"] = (challenge ?? Guid.Parse("00000000-0000-0000-0000-000000000001")).ToString(),
                };
            });
            string Fill(string address) => fixture.Aggregate(address, (a, kv) => a.Replace(kv.Key, kv.Value));

            var violations = new List<string>();
            var scanned = 0;
            var inAxe = new System.Diagnostics.Stopwatch();
            foreach (var theme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                await using (var visitor = await OpenAsync(theme))
                    await visitor.RunAsync(async () =>
                    {
                        foreach (var visit in AxeScanPages.Visits.Where(v => v.As == AxeRole.Visitor))
                            await VisitAndScanAsync(visitor, visit, theme);
                    });

                await using (var player = await OpenAsync(theme))
                    await player.RunAsync(async () =>
                    {
                        await player.SignInAsync(Player, DemoWorld.PlayerPassword);
                        foreach (var visit in AxeScanPages.Visits.Where(v => v.As == AxeRole.Player))
                            await VisitAndScanAsync(player, visit, theme);
                        await ScanPlayerStatesAsync(player, theme);
                        // The same session on a phone: no second sign-in.
                        await player.Page.SetViewportSizeAsync(360, 740);
                        await ScanPhoneStatesAsync(player, theme);
                    });

                await using (var adminSession = await OpenAsync(theme))
                    await adminSession.RunAsync(async () =>
                    {
                        await adminSession.SignInAsync(DemoWorld.AdminUserName, DemoWorld.AdminPassword);
                        foreach (var visit in AxeScanPages.Visits.Where(v => v.As == AxeRole.Admin))
                            await VisitAndScanAsync(adminSession, visit, theme);
                        await ScanAdminStatesAsync(adminSession, theme);
                    });
            }

            output.WriteLine($"{scanned} page states scanned in {started.Elapsed.TotalSeconds:0} s ({inAxe.Elapsed.TotalSeconds:0} s of it in axe).");
            Assert.True(violations.Count == 0, $"{violations.Count} serious or critical accessibility violations:\n" + string.Join("\n", violations));

            async Task VisitAndScanAsync(BrowserSession session, AxeVisit visit, ColorScheme theme)
            {
                var address = Fill(visit.Address);
                await GoAsync(session, address, visit.Interactive, theme);
                await AssertOnPageAsync(session, address, visit.Route);
                await CollectAsync(session, address, theme);
            }

            // Dialogs, menus and tabs a player opens with a click.
            async Task ScanPlayerStatesAsync(BrowserSession session, ColorScheme theme)
            {
                var page = session.Page;
                var cat = Fill("cats/{cat}");
                await GoAsync(session, cat, interactive: true, theme);
                foreach (var tab in new[] { "Territories", "Chat", "Health" })
                {
                    await page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
                    if (tab == "Chat") // scanned once the history is in and Send is live (a disabled button is exempt from contrast)
                        await page.Locator(".purrr-companion[data-ready='true']").WaitForAsync();
                    await CollectAsync(session, $"{cat} ({tab} tab)", theme);
                }
                foreach (var panel in await page.Locator(".mud-expand-panel").AllAsync())
                    if (!(await panel.GetAttributeAsync("class") ?? "").Contains("mud-panel-expanded"))
                        await panel.Locator(".mud-expand-panel-header").First.ClickAsync();
                await CollectAsync(session, $"{cat} (all panels open)", theme);

                // The report dialog on someone else's post.
                var post = Fill("community/posts/{post}");
                await GoAsync(session, post, interactive: true, theme);
                await page.Locator(".purrr-report-button").First.ClickAsync();
                await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
                await CollectAsync(session, $"{post} (report dialog open)", theme);
                await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();

                // The delete confirmation on one's own posts.
                await GoAsync(session, "community/mine?show=published", interactive: true, theme);
                await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Delete") }).First.ClickAsync();
                await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
                await CollectAsync(session, "community/mine (delete confirmation open)", theme);
                await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();

                // The user menu in the app bar (last: the session ends with it open).
                await page.GetByRole(AriaRole.Button, new() { Name = Player, Exact = true }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "My profile" })).ToBeVisibleAsync();
                await CollectAsync(session, "community/mine (user menu open)", theme);
            }

            // The admin's confirmation before a sanction.
            async Task ScanAdminStatesAsync(BrowserSession session, ColorScheme theme)
            {
                var page = session.Page;
                await GoAsync(session, "admin/users/luna", interactive: true, theme);
                await page.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).First.ClickAsync();
                await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
                await CollectAsync(session, "admin/users/luna (suspend confirmation open)", theme);
                await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
            }

            // A phone: the home and cat pages, and the navigation drawer opened from the app bar.
            async Task ScanPhoneStatesAsync(BrowserSession session, ColorScheme theme)
            {
                await session.GotoAsync(""); // a page load: the user menu left open before is gone
                var other = theme == ColorScheme.Dark ? "Switch to light theme" : "Switch to dark theme";
                await session.Page.GetByRole(AriaRole.Button, new() { Name = other }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
                await CollectAsync(session, "/ (360 px)", theme);
                await session.Page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
                await Expect(session.Page.Locator(".mud-drawer--open")).ToBeVisibleAsync();
                await CollectAsync(session, "/ (360 px, drawer open)", theme);
            }

            async Task CollectAsync(BrowserSession session, string page, ColorScheme theme)
            {
                await SettleAsync(session.Page);
                inAxe.Start();
                var result = await session.Page.RunAxe(ViolationsOnly);
                inAxe.Stop();
                scanned++;
                foreach (var rule in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                    foreach (var node in rule.Nodes)
                    {
                        var violation = $"[{theme}] /{page}: {rule.Id} ({rule.Impact}) at {node.Target} — {rule.Help}: "
                                        + string.Join("; ", (node.Any ?? []).Select(c => c.Message));
                        output.WriteLine(violation); // as found, so a later failure to open a state does not hide it
                        violations.Add(violation);
                    }
            }
        }
        finally
        {
            if (!cryptoWasOn)
                await flags.SetAsync(Feature.Crypto, false, admin);
        }
    }

    /// <summary>
    /// Reaches a page: an interactive one inside the live circuit (Blazor.navigateTo, no reload, no new sign-in) once a
    /// circuit is up, a static one (the account forms) or the first one with a page load.
    /// </summary>
    private static async Task GoAsync(BrowserSession session, string address, bool interactive, ColorScheme theme)
    {
        var page = session.Page;
        var live = interactive && await page.Locator("[data-interactive='true']").CountAsync() > 0;
        if (live)
        {
            // Marks the current headings, so the wait below sees the new page's, not the old one's.
            await page.EvaluateAsync("() => document.querySelectorAll('h1').forEach(h => h.setAttribute('data-axe-left', ''))");
            await page.EvaluateAsync("path => Blazor.navigateTo(path)", "/" + address);
            await page.Locator("h1:not([data-axe-left])").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
            return;
        }
        await session.GotoAsync(address, interactive);
        if (interactive)
        {
            // The layout follows the system theme once live: wait until the toggle offers the other one.
            var other = theme == ColorScheme.Dark ? "Switch to light theme" : "Switch to dark theme";
            await page.GetByRole(AriaRole.Button, new() { Name = other }).WaitForAsync();
        }
    }

    /// <summary>The browser shows the page asked for: its URL, and a visible h1 that is not a sign-in or refusal.</summary>
    private static async Task AssertOnPageAsync(BrowserSession session, string address, string route)
    {
        var page = session.Page;
        var path = "/" + address.Split('?')[0];
        await Expect(page).ToHaveURLAsync(new Regex("^[^?#]*?" + Regex.Escape(path.TrimEnd('/')) + "/?([?#].*)?$"));
        var heading = page.Locator("h1:visible").First;
        await Expect(heading).ToBeVisibleAsync();
        var text = (await heading.InnerTextAsync()).Trim();
        var expectedRefusal = route is "/Account/Login" or "/Account/AccessDenied" or "/not-found" or "/Error";
        Assert.False(!expectedRefusal && WrongPageHeadings.Any(h => text.Equals(h, StringComparison.OrdinalIgnoreCase)),
            $"/{address} showed “{text}” instead of its page: it would be scanned as the wrong page.");
    }

    /// <summary>Waits until the page stops changing (100 ms without a DOM mutation, at most 2 s): the first query is in.</summary>
    private static Task SettleAsync(IPage page) => page.EvaluateAsync("""
        () => new Promise(resolve => {
            let timer;
            const done = () => { observer.disconnect(); resolve(); };
            const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 100); });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            timer = setTimeout(done, 100);
            setTimeout(done, 2000);
        })
        """);

    private async Task<BrowserSession> OpenAsync(ColorScheme theme)
    {
        var session = await BrowserSession.OpenAsync(browser, server);
        // Reduced motion: no page is scanned halfway through a fade (a tab switching in) with colours axe cannot trust.
        await session.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = theme, ReducedMotion = ReducedMotion.Reduce });
        return session;
    }
}

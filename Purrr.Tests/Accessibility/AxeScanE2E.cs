using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Data;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Purrr.Tests.Accessibility;

/// <summary>
/// axe-core scans the main pages in Chromium, in the light and the dark theme, as a player and as an admin:
/// no violation of serious or critical impact anywhere.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class AxeScanE2E(PurrrServer server, BrowserFixture browser, ITestOutputHelper output)
{
    private const string Player = "milo";

    [Fact]
    public async Task The_main_pages_have_no_serious_or_critical_accessibility_violation_in_either_theme()
    {
        var (cat, pet, post) = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PurrrDbContext>();
            var milo = await db.Players.Where(p => p.UserName == Player).Select(p => p.Id).FirstAsync();
            return (await db.Cats.Where(c => c.OwnerId == milo).Select(c => c.Id).FirstAsync(),
                    await db.LostPets.Select(p => p.Id).FirstAsync(),
                    await db.Posts.Select(p => p.Slug).FirstAsync());
        });
        string[] visitorPages = ["Account/Login", "Account/Register"];
        string[] playerPages =
        [
            "", "cats", $"cats/{cat}", "cats/adopt", "breeding", "shop", "quests", "games/paw-match", "night-watch",
            "rooms", "rooms/social-lounge-1", "community", "community/write", $"community/posts/{post}", "notifications",
            "lost-and-found", $"lost-and-found/{pet}", "players/nova", "settings/privacy", "settings/wallet",
            "settings/api-keys", "settings/webhooks",
        ];
        string[] staticPlayerPages = ["Account/Manage"];
        string[] adminPages = ["admin", "admin/users", "admin/moderation"];

        var violations = new List<string>();
        foreach (var theme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using (var visitor = await OpenAsync(theme))
                await visitor.RunAsync(async () =>
                {
                    foreach (var page in visitorPages)
                        await ScanAsync(visitor, page, theme, interactive: false);
                });

            await using (var player = await OpenAsync(theme))
                await player.RunAsync(async () =>
                {
                    await player.SignInAsync(Player, DemoWorld.PlayerPassword);
                    foreach (var page in playerPages)
                        await ScanAsync(player, page, theme);
                    foreach (var page in staticPlayerPages)
                        await ScanAsync(player, page, theme, interactive: false);
                    await ScanCatTabsAsync(player, $"cats/{cat}", theme);
                });

            await using (var admin = await OpenAsync(theme))
                await admin.RunAsync(async () =>
                {
                    await admin.SignInAsync(DemoWorld.AdminUserName, DemoWorld.AdminPassword);
                    foreach (var page in adminPages)
                        await ScanAsync(admin, page, theme);
                });
        }

        foreach (var violation in violations)
            output.WriteLine(violation);
        Assert.True(violations.Count == 0, $"{violations.Count} serious or critical accessibility violations:\n" + string.Join("\n", violations));

        async Task ScanAsync(BrowserSession session, string page, ColorScheme theme, bool interactive = true)
        {
            await session.GotoAsync(page, interactive);
            if (interactive)
            {
                // The layout follows the system theme once live: wait until the toggle offers the other one.
                var other = theme == ColorScheme.Dark ? "Switch to light theme" : "Switch to dark theme";
                await session.Page.GetByRole(AriaRole.Button, new() { Name = other }).WaitForAsync();
            }
            await CollectAsync(session, page, theme);
        }

        // The cat page's tabs (the owner's chat and health too) and its folded panels, each scanned once open.
        async Task ScanCatTabsAsync(BrowserSession session, string page, ColorScheme theme)
        {
            await ScanAsync(session, page, theme);
            foreach (var tab in new[] { "Territories", "Chat", "Health" })
            {
                await session.Page.GetByRole(AriaRole.Tab, new() { Name = tab, Exact = true }).ClickAsync();
                if (tab == "Chat") // scanned once the history is in and Send is live (a disabled button is exempt from contrast)
                    await session.Page.Locator(".purrr-companion[data-ready='true']").WaitForAsync();
                await CollectAsync(session, $"{page} ({tab} tab)", theme);
            }
            foreach (var panel in await session.Page.Locator(".mud-expand-panel").AllAsync())
                if (!(await panel.GetAttributeAsync("class") ?? "").Contains("mud-panel-expanded"))
                    await panel.Locator(".mud-expand-panel-header").First.ClickAsync();
            await CollectAsync(session, $"{page} (all panels open)", theme);
        }

        async Task CollectAsync(BrowserSession session, string page, ColorScheme theme)
        {
            await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var result = await session.Page.RunAxe();
            foreach (var rule in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                foreach (var node in rule.Nodes)
                    violations.Add($"[{theme}] /{page}: {rule.Id} ({rule.Impact}) at {node.Target} — {rule.Help}: "
                                   + string.Join("; ", (node.Any ?? []).Select(c => c.Message)));
        }
    }

    private async Task<BrowserSession> OpenAsync(ColorScheme theme)
    {
        var session = await BrowserSession.OpenAsync(browser, server);
        // Reduced motion: no page is scanned halfway through a fade (a tab switching in) with colours axe cannot trust.
        await session.Page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = theme, ReducedMotion = ReducedMotion.Reduce });
        return session;
    }
}

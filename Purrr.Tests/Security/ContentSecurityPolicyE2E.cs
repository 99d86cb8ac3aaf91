using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Data;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

/// <summary>The main pages load in Chromium under the app's real Content-Security-Policy without a single violation.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class ContentSecurityPolicyE2E(PurrrServer server, BrowserFixture browser)
{
    // Seen by the page itself: every violation fires this event, whether or not the console reports it.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile || location.pathname}:${e.lineNumber}`));
        """;

    [Fact]
    public async Task The_main_pages_load_with_no_content_security_policy_violation()
    {
        var (cat, pet, post) = await server.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PurrrDbContext>();
            return (await db.Cats.Select(c => c.Id).FirstAsync(), await db.LostPets.Select(p => p.Id).FirstAsync(), await db.Posts.Select(p => p.Slug).FirstAsync());
        });
        string[] pages =
        [
            "", "cats", $"cats/{cat}", "cats/adopt", "night-watch", "territories", "lost-and-found", $"lost-and-found/{pet}", "lost-and-found/report",
            "community", $"community/posts/{post}", "community/write", "rooms", "rooms/social-lounge-1", "games/paw-match", "breeding",
            "shop", "wallet", "quests", "leaderboards", "notifications", "search?q=cat", "settings/webhooks", "settings/api-keys", "settings/wallet", "settings/privacy", "admin", "admin/security", "admin/users",
            "admin/users/milo", "admin/flags", "crypto", "admin/withdrawals",
        ];

        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.Page.Context.AddInitScriptAsync(RecordViolations);
        var violations = new List<string>();
        await session.RunAsync(async () =>
        {
            var login = await session.Page.GotoAsync("Account/Login");
            var policy = await login!.HeaderValueAsync("content-security-policy");
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Contains("script-src 'self' 'nonce-", policy);
            Assert.Equal("nosniff", await login.HeaderValueAsync("x-content-type-options"));
            Assert.Equal("strict-origin-when-cross-origin", await login.HeaderValueAsync("referrer-policy"));
            await CollectAsync("Account/Login");
            await session.SignInAsync(DemoWorld.AdminUserName, DemoWorld.AdminPassword);
            foreach (var page in pages)
            {
                await session.GotoAsync(page);
                await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await CollectAsync(page);
            }
            await session.GotoAsync("Account/Manage", interactive: false);
            await CollectAsync("Account/Manage");
            await session.GotoAsync("Account/Manage/TwoFactor", interactive: false);
            await CollectAsync("Account/Manage/TwoFactor");
            await session.GotoAsync("Account/LoginWithCode", interactive: false);
            await CollectAsync("Account/LoginWithCode");
        });

        Assert.Empty(violations);
        Assert.Empty(session.Errors);

        async Task CollectAsync(string page) =>
            violations.AddRange((await session.Page.EvaluateAsync<string[]>("window.__cspViolations ?? []")).Select(v => $"{page}: {v}"));
    }
}

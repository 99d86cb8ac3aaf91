using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Api;

/// <summary>A player makes a key in Chromium, a script uses it over real HTTP, and revoking it in the page locks the script out.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class ApiKeysE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_player_creates_a_key_a_script_uses_it_and_revoking_it_stops_the_script()
    {
        var name = Names.Unique("scripter");
        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            await session.SignUpAsync(name);
            var page = session.Page;

            // From the account menu to the keys page.
            await page.GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
            await page.GetByRole(AriaRole.Menuitem, new() { Name = "API keys" }).ClickAsync();
            await session.WaitForRouteAsync("**/settings/api-keys");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "API keys", Level = 1 })).ToBeVisibleAsync();

            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Feeding script");
            await page.GetByLabel("write — care, breed, play, patrol and report, as you").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
            var shown = page.GetByTestId("key-value");
            await Expect(shown).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^pk_[A-Za-z0-9_-]{43}$"));
            var key = await shown.TextContentAsync() ?? "";
            await session.SaveScreenshotAsync("api-keys-created");

            using var script = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
            script.DefaultRequestHeaders.Add("X-API-Key", key);
            var me = JsonNode.Parse(await script.GetStringAsync("api/v1/me"))!;
            Assert.True(me["success"]!.GetValue<bool>());
            Assert.Equal(name, me["data"]!["userName"]!.GetValue<string>());
            Assert.Equal(["read", "write"], me["data"]!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));

            // The list shows the key by its first characters and when it was last used.
            await page.ReloadAsync();
            await session.WaitForCircuitAsync();
            var row = page.GetByTestId("key-list").Locator("tbody tr").Filter(new() { HasText = "Feeding script" });
            await Expect(row).ToContainTextAsync(key[..10] + "…");
            await Expect(row).ToContainTextAsync("Active");
            await Expect(row).ToContainTextAsync("from 127.0.0.1"); // last used: by the script, just now
            await Expect(page.GetByTestId("new-key")).ToHaveCountAsync(0); // shown once: gone after a reload

            await row.GetByRole(AriaRole.Button, new() { Name = "Revoke Feeding script" }).ClickAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "Confirm revoking Feeding script" }).ClickAsync();
            await Expect(row).ToContainTextAsync("Revoked");

            var refused = await script.GetAsync("api/v1/me");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("The API key has been revoked.", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
            Assert.Empty(session.Errors);
        });
    }
}

using Microsoft.Playwright;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Admin;

/// <summary>The admin's users page in Chromium, with the player on the receiving end in a second browser.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class UsersE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task The_admin_finds_a_player_suspends_them_and_signs_them_out_and_the_players_browser_follows_at_once()
    {
        await using var admin = await BrowserSession.OpenAsync(browser, server);
        await using var player = await BrowserSession.OpenAsync(browser, server);
        await admin.RunAsync(async () =>
        {
            var name = Names.Unique("sus");
            await player.SignUpAsync(name);
            await player.GotoAsync("cats");

            await admin.SignInAsync(DemoWorld.AdminUserName, DemoWorld.AdminPassword);
            await admin.GotoAsync("admin/users");
            await admin.Page.GetByLabel("Search users").FillAsync(name);
            var row = admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = $"@{name}" });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(admin.Page.GetByText("1-1 of 1")).ToBeVisibleAsync(); // only this player matches
            await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await admin.WaitForRouteAsync($"**/admin/users/{name}");

            await admin.Page.GetByLabel("Reason").FillAsync("Spamming the rooms.");
            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Suspend", Exact = true }).ClickAsync();
            await admin.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Suspend" }).ClickAsync();
            await Expect(admin.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"@{name} is suspended until" })).ToBeVisibleAsync();

            // The player's open tab says so without a reload.
            await Expect(player.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "You are suspended until" })).ToContainTextAsync("Spamming the rooms.");

            await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
            await admin.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await Expect(admin.Page.GetByText($"@{name} is signed out everywhere.")).ToBeVisibleAsync();

            await player.WaitForRouteAsync("**/Account/Login?ended=true");
            await Expect(player.Page.GetByText("An admin ended your session")).ToBeVisibleAsync();
            await player.Page.GotoAsync($"{player.BaseUrl}cats");
            await player.WaitForRouteAsync("**/Account/Login?ReturnUrl=*");

            await admin.Page.GetByRole(AriaRole.Tab, new() { Name = "Moderation history" }).ClickAsync();
            await Expect(admin.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Signed a user out everywhere" })).ToHaveCountAsync(1);
            await admin.SaveScreenshotAsync("admin-user");
            Assert.Empty(admin.Errors);
        });
    }
}

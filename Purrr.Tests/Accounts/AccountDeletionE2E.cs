using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Accounts;

/// <summary>A player downloads their data, then deletes their account in Chromium; their other device is signed out live.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class AccountDeletionE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_player_downloads_their_data_then_deletes_the_account_and_both_their_devices_are_signed_out()
    {
        var name = Names.Unique("leaving");
        var me = await server.InScopeAsync(async sp =>
        {
            var player = (await sp.GetRequiredService<AccountService>().RegisterAsync(
                new RegistrationRequest(name, $"{name}@example.test", BrowserSteps.Password, "Europe/Paris"))).Value;
            await sp.GetRequiredService<CatService>().AdoptAsync(player.Id, new AdoptCatRequest("Saffron", "maine_coon"));
            return player.Id;
        });

        await using var laptop = await BrowserSession.OpenAsync(browser, server);
        await using var phone = await BrowserSession.OpenAsync(browser, server);
        await laptop.RunAsync(async () =>
        {
            await phone.SignInAsync(name); // left open on "My cats"
            await laptop.SignInAsync(name);
            await laptop.GotoAsync("settings/privacy");
            var page = laptop.Page;

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data" }).ClickAsync());
            var json = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!)).RootElement;
            Assert.Equal(name, json.GetProperty("profile").GetProperty("userName").GetString());
            Assert.Equal("Saffron", json.GetProperty("cats")[0].GetProperty("name").GetString());

            var confirm = page.GetByLabel(new Regex("Type your user name"));
            await confirm.FillAsync("not-me");
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
            await Expect(page.GetByText($"Type your user name, {name}, to confirm.")).ToBeVisibleAsync();

            await confirm.FillAsync(name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account is deleted" })).ToBeVisibleAsync();
            await laptop.SaveScreenshotAsync("account-deleted");

            // The other device's open tab leaves for the same page without anyone touching it.
            await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Your account is deleted" })).ToBeVisibleAsync();
            foreach (var device in new[] { laptop, phone })
            {
                await device.Page.GotoAsync("cats");
                await device.WaitForRouteAsync(new Regex("/Account/Login"));
            }
            await laptop.Page.SubmitSignInAsync(name);
            await Expect(laptop.Page.GetByText(new Regex("Invalid credentials"))).ToBeVisibleAsync();
        });
        Assert.Empty(laptop.Errors);
        Assert.Empty(phone.Errors);

        var cats = await server.Services.GetRequiredService<CatService>().ListOwnedAsync(Shelter.Id);
        Assert.Contains(cats, c => c.Name == "Saffron");
        Assert.True((await server.Services.GetRequiredService<PlayerService>().FindAsync(me))!.IsClosed);
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Accounts;

/// <summary>A player turns on an authenticator app in Chromium, saves the recovery codes, and the next sign-in asks for a code.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class TwoFactorSignInE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task After_turning_on_the_authenticator_signing_in_asks_for_its_code()
    {
        var name = Names.Unique("guarded");
        await server.RegisterPlayerWithCatsAsync(name);

        await using (var laptop = await BrowserSession.OpenAsync(browser, server))
        {
            await laptop.RunAsync(async () =>
            {
                await laptop.SignInAsync(name);
                await laptop.GotoAsync("Account/Manage/TwoFactor", interactive: false);
                var page = laptop.Page;
                var key = (await page.GetByTestId("authenticator-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
                await page.GetByLabel("Code", new() { Exact = true }).FillAsync(TotpAuthenticator.CodeAt(key, server.ShiftedClock.GetUtcNow()));
                await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();

                await Expect(page.GetByTestId("recovery-codes").Locator("code")).ToHaveCountAsync(10);
                await laptop.SaveScreenshotAsync("two-factor-recovery-codes");
                await page.GetByRole(AriaRole.Link, new() { Name = "I saved them" }).ClickAsync();
                await Expect(page.GetByText("Signing in and crypto withdrawals ask for a code")).ToBeVisibleAsync();

                // Another device: the password alone is not enough any more.
                await using var phone = await BrowserSession.OpenAsync(browser, server);
                await phone.GotoAsync("Account/Login", interactive: false);
                await phone.Page.SubmitSignInAsync(name);
                await phone.WaitForRouteAsync(new Regex("/Account/LoginWithCode"));
                await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Enter your code" })).ToBeVisibleAsync();
                await phone.SaveScreenshotAsync("two-factor-sign-in");

                var current = TotpAuthenticator.CodeAt(key, DateTimeOffset.UtcNow); // Identity checks codes against the real clock
                await phone.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(current == "000000" ? "111111" : "000000");
                await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                await Expect(phone.Page.GetByText("That code is not right")).ToBeVisibleAsync();

                await phone.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(TotpAuthenticator.CodeAt(key, DateTimeOffset.UtcNow));
                await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
                await phone.WaitForRouteAsync("**/cats");
                await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "My cats" })).ToBeVisibleAsync();
            });
        }
    }
}

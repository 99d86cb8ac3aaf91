using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Admin;
using Purrr.Data.Accounts;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Crypto;

/// <summary>
/// In Chromium: an admin switches crypto on, a player deposits 0.001 ETH through the sandbox's payment page (whose Pay
/// button calls the app's webhook over HTTP, signed), sets up two-factor from the account page and withdraws with a
/// code the test computes from the shared key, as an authenticator app would.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class CryptoE2E(PurrrServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_player_deposits_through_the_sandbox_sets_up_two_factor_and_withdraws()
    {
        var flags = server.Services.GetRequiredService<FeatureFlags>();
        var clock = server.Services.GetRequiredService<TimeProvider>();
        await using var admin = await BrowserSession.OpenAsync(browser, server);
        await using var player = await BrowserSession.OpenAsync(browser, server);
        try
        {
            await player.RunAsync(async () =>
            {
                // The admin switches crypto on in the console.
                await admin.SignInAsync(DemoWorld.AdminUserName, DemoWorld.AdminPassword);
                await admin.GotoAsync("admin/flags");
                var crypto = admin.Page.GetByRole(AriaRole.Switch, new() { Name = "Crypto" });
                await Expect(crypto).Not.ToBeCheckedAsync();
                await crypto.ClickAsync();
                await Expect(admin.Page.GetByText("Crypto is now on for everyone.")).ToBeVisibleAsync();

                // A player deposits 0.001 ETH and pays it on the sandbox page.
                await player.SignUpAsync(Names.Unique("hodl"));
                var page = player.Page;
                await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Crypto" }).ClickAsync();
                await player.WaitForRouteAsync("**/crypto");
                await Expect(page.GetByTestId("available-ETH")).ToHaveTextAsync("0");
                await page.GetByTestId("deposit-amount").FillAsync("0.000000001");
                await page.GetByTestId("deposit").ClickAsync();
                await Expect(page.GetByText("Amounts have at most 8 decimal places.")).ToBeVisibleAsync();
                await page.GetByTestId("deposit-amount").FillAsync("0.001");
                await page.GetByTestId("deposit").ClickAsync();
                await player.WaitForRouteAsync(new System.Text.RegularExpressions.Regex("/crypto/sandbox/SBX[A-Z0-9]+$"));
                await Expect(page.GetByTestId("charge-amount")).ToHaveTextAsync("0.001 ETH");
                await page.GetByTestId("sandbox-pay").ClickAsync();
                await Expect(page.GetByTestId("charge-status")).ToHaveTextAsync("Confirmed");
                await page.GetByTestId("back-to-crypto").ClickAsync();
                await player.WaitForRouteAsync("**/crypto");
                await Expect(page.GetByTestId("available-ETH")).ToHaveTextAsync("0.001");
                await Expect(page.GetByTestId("needs-2fa")).ToBeVisibleAsync();

                // Two-factor from the account page: the key under the QR code goes into "the app" (the test).
                await player.GotoAsync("Account/Manage/TwoFactor", interactive: false);
                await Expect(page.GetByTestId("two-factor-qr")).ToBeVisibleAsync();
                var key = (await page.GetByTestId("authenticator-key").TextContentAsync())!.Replace(" ", "");
                await page.GetByLabel("Code", new() { Exact = true }).FillAsync(TotpAuthenticator.CodeAt(key, clock.GetUtcNow()));
                await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
                await Expect(page.GetByTestId("two-factor-on")).ToBeVisibleAsync();
                await Expect(page.GetByText("Two-factor authentication is on.")).ToBeVisibleAsync();

                // A withdrawal with the app's next code: amount and fee locked, handed to the sandbox.
                await player.GotoAsync("crypto");
                await page.GetByTestId("withdraw-amount").FillAsync("0.0001");
                await page.GetByTestId("withdraw-address").FillAsync(CryptoFixtures.EthAddress.ToLowerInvariant());
                var code = TotpAuthenticator.CodeAt(key, clock.GetUtcNow().AddSeconds(30));
                await page.GetByTestId("withdraw-code").FillAsync(code);
                await page.GetByTestId("withdraw").ClickAsync();
                await Expect(page.GetByTestId("withdrawn")).ToContainTextAsync("Withdrawal of 0.0001 ETH (+ 0.0005 fee) requested: sending.");
                await Expect(page.GetByTestId("locked-ETH")).ToHaveTextAsync("0.0006");
                await Expect(page.GetByTestId("available-ETH")).ToHaveTextAsync("0.0004");
                await Expect(page.GetByTestId("withdrawals")).ToContainTextAsync(CryptoFixtures.EthAddress);
                await player.SaveScreenshotAsync("crypto-withdrawal-sending");

                // The same code again is refused: nothing more is locked.
                await page.GetByTestId("withdraw-amount").FillAsync("0.0001");
                await page.GetByTestId("withdraw-code").FillAsync(code);
                await page.GetByTestId("withdraw").ClickAsync();
                await Expect(page.GetByText("That code was already used. Wait for the next code from your app.")).ToBeVisibleAsync();
                await Expect(page.GetByTestId("locked-ETH")).ToHaveTextAsync("0.0006");
            });
        }
        finally
        {
            // The browser tests share one server: leave crypto off for the others whatever happened.
            if (await flags.IsOnAsync(Feature.Crypto))
                await flags.SetAsync(Feature.Crypto, false, Purrr.Core.Common.UserId.New());
        }
    }
}

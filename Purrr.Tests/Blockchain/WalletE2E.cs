using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Admin;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Blockchain;

/// <summary>
/// A player links a wallet in Chromium. The browser wallet is a stub injected before the page loads: it shares one
/// account and signs through a function the test exposes, which signs in .NET with the account's test key (Nethereum),
/// so the server verifies a real signature over the nonce it just made.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class WalletE2E(PurrrServer server, BrowserFixture browser)
{
    private const string StubWallet = $$"""
        window.ethereum = {
            isPurrrTestWallet: true,
            async request({ method, params }) {
                if (method === "eth_requestAccounts") return ["{{TestWallets.AliceAddressLower}}"];
                if (method === "personal_sign") return await window.purrrTestSign(params[0], params[1]);
                throw { code: 4200, message: "Unsupported method " + method };
            },
        };
        """;

    [Fact]
    public async Task A_player_connects_the_browser_wallet_and_sees_the_address_linked()
    {
        var flags = server.Services.GetRequiredService<FeatureFlags>();
        await flags.SetAsync(Feature.Blockchain, true, Purrr.Core.Common.UserId.New());
        try
        {
            var name = Names.Unique("holder");
            await using var session = await BrowserSession.OpenAsync(browser, server);
            var signed = new List<string>();
            await session.Page.ExposeFunctionAsync("purrrTestSign", (string hexMessage, string address) =>
            {
                Assert.Equal(TestWallets.AliceAddressLower, address);
                var message = Encoding.UTF8.GetString(Convert.FromHexString(hexMessage[2..]));
                signed.Add(message);
                return TestWallets.Sign(TestWallets.AliceKey, message);
            });
            await session.Page.AddInitScriptAsync(StubWallet);
            await session.RunAsync(async () =>
            {
                await session.SignUpAsync(name);
                var page = session.Page;

                // From the account menu to the wallet page.
                await page.GetByRole(AriaRole.Button, new() { Name = name }).ClickAsync();
                await page.GetByRole(AriaRole.Menuitem, new() { Name = "Wallet link" }).ClickAsync();
                await session.WaitForRouteAsync("**/settings/wallet");
                await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wallet link", Level = 1 })).ToBeVisibleAsync();
                await Expect(page.GetByTestId("wallet")).ToHaveAttributeAsync("data-ready", "true");

                await page.GetByRole(AriaRole.Button, new() { Name = "Connect wallet" }).ClickAsync();

                await Expect(page.GetByTestId("wallet-address")).ToHaveTextAsync(TestWallets.AliceAddress);
                Assert.Matches("^Link wallet to Purrr: nonce [0-9a-f]{32}$", Assert.Single(signed));
                await session.SaveScreenshotAsync("wallet-linked");

                // Linked for good: a reload reads it back from the server.
                await page.ReloadAsync();
                await session.WaitForCircuitAsync();
                await Expect(page.GetByTestId("wallet-address")).ToHaveTextAsync(TestWallets.AliceAddress);

                await page.GetByRole(AriaRole.Button, new() { Name = "Unlink wallet" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Unlink now" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Connect wallet" })).ToBeVisibleAsync();
                await Expect(page.GetByTestId("wallet-address")).ToHaveCountAsync(0);
            });
        }
        finally
        {
            // The browser tests share one server: leave the blockchain off for the others whatever happened.
            await flags.SetAsync(Feature.Blockchain, false, Purrr.Core.Common.UserId.New());
        }
    }
}

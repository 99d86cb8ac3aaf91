using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Admin;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Settings;

namespace Purrr.Tests.Blockchain;

[Trait("Category", "Component")]
public sealed class WalletPageTests : ServiceTestBase
{
    private async Task<(UserId Player, BunitContext Context)> PageContextAsync(bool blockchainOn = true)
    {
        var player = await NewPlayerAsync("luna");
        var context = ComponentTestContext.Create(Database, (player, "luna"), clock: Clock);
        if (blockchainOn)
        {
            var admin = await NewPlayerAsync("admin");
            Assert.True((await context.Services.GetRequiredService<FeatureFlags>().SetAsync(Feature.Blockchain, true, admin)).Succeeded);
        }
        context.Render<MudPopoverProvider>();
        return (player, context);
    }

    [Fact]
    public async Task Connect_wallet_asks_the_wallet_for_an_account_and_a_signature_and_shows_the_linked_address()
    {
        var (player, context) = await PageContextAsync();
        await using var _ = context;
        var module = context.JSInterop.SetupModule(WalletPage.ModulePath);
        module.Setup<bool>("hasWallet").SetResult(true);
        module.Setup<WalletPage.WalletReply>("requestAccount").SetResult(new(true, TestWallets.AliceAddress.ToLowerInvariant(), null));
        var sign = module.Setup<WalletPage.WalletReply>("sign", _ => true);
        var page = context.Render<WalletPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=wallet]").GetAttribute("data-ready")));

        page.Find("[data-testid=connect-wallet]").Click();

        page.WaitForAssertion(() => Assert.Single(sign.Invocations));
        Assert.Contains("Sign the message in your wallet", page.Markup);
        var invocation = sign.Invocations.Single();
        Assert.Equal(TestWallets.AliceAddress.ToLowerInvariant(), invocation.Arguments[0]);
        var message = (string)invocation.Arguments[1]!;
        Assert.StartsWith("Link wallet to Purrr: nonce ", message);
        sign.SetResult(new(true, TestWallets.Sign(TestWallets.AliceKey, message), null));

        page.WaitForAssertion(() => Assert.Equal(TestWallets.AliceAddress, page.Find("[data-testid=wallet-address]").TextContent));
        Assert.Equal(TestWallets.AliceAddress, (await context.Services.GetRequiredService<WalletLinkService>().GetAsync(player))?.Address);
    }

    [Fact]
    public async Task A_signature_by_another_account_is_refused_with_a_message_and_nothing_is_linked()
    {
        var (player, context) = await PageContextAsync();
        await using var _ = context;
        var module = context.JSInterop.SetupModule(WalletPage.ModulePath);
        module.Setup<bool>("hasWallet").SetResult(true);
        module.Setup<WalletPage.WalletReply>("requestAccount").SetResult(new(true, TestWallets.AliceAddress, null));
        var sign = module.Setup<WalletPage.WalletReply>("sign", _ => true);
        var page = context.Render<WalletPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=wallet]").GetAttribute("data-ready")));

        page.Find("[data-testid=connect-wallet]").Click();
        page.WaitForAssertion(() => Assert.Single(sign.Invocations));
        sign.SetResult(new(true, TestWallets.Sign(TestWallets.BobKey, (string)sign.Invocations.Single().Arguments[1]!), null));

        page.WaitForAssertion(() => Assert.Equal(WalletLinkService.WrongSigner, page.Find("[data-testid=wallet-problem]").TextContent.Trim()));
        Assert.Null(await context.Services.GetRequiredService<WalletLinkService>().GetAsync(player));
        Assert.Empty(page.FindAll("[data-testid=wallet-address]"));
    }

    [Fact]
    public async Task Without_a_browser_wallet_the_button_explains_what_is_needed()
    {
        var (_, context) = await PageContextAsync();
        await using var __ = context;
        var module = context.JSInterop.SetupModule(WalletPage.ModulePath);
        module.Setup<bool>("hasWallet").SetResult(false);
        var page = context.Render<WalletPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=wallet]").GetAttribute("data-ready")));
        Assert.Empty(page.FindAll("[data-testid=no-wallet]"));

        page.Find("[data-testid=connect-wallet]").Click();

        Assert.Contains("This browser has no Ethereum wallet. Install a wallet extension", page.Find("[data-testid=no-wallet]").TextContent);
        Assert.DoesNotContain(module.Invocations, i => i.Identifier is "requestAccount" or "sign");
    }

    [Fact]
    public async Task A_declined_request_shows_the_wallets_answer()
    {
        var (_, context) = await PageContextAsync();
        await using var __ = context;
        var module = context.JSInterop.SetupModule(WalletPage.ModulePath);
        module.Setup<bool>("hasWallet").SetResult(true);
        module.Setup<WalletPage.WalletReply>("requestAccount").SetResult(new(false, null, "You declined the request in your wallet."));
        var page = context.Render<WalletPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=wallet]").GetAttribute("data-ready")));

        page.Find("[data-testid=connect-wallet]").Click();

        page.WaitForAssertion(() => Assert.Equal("You declined the request in your wallet.", page.Find("[data-testid=wallet-problem]").TextContent.Trim()));
    }

    [Fact]
    public async Task A_linked_wallet_can_be_unlinked_after_confirming()
    {
        var (player, context) = await PageContextAsync();
        await using var _ = context;
        var wallets = context.Services.GetRequiredService<WalletLinkService>();
        var challenge = (await wallets.ChallengeAsync(player)).Value;
        Assert.True((await wallets.LinkAsync(player, TestWallets.AliceAddress, challenge.Message, TestWallets.Sign(TestWallets.AliceKey, challenge.Message))).Succeeded);
        context.JSInterop.SetupModule(WalletPage.ModulePath).Setup<bool>("hasWallet").SetResult(true);
        var page = context.Render<WalletPage>();
        page.WaitForAssertion(() => Assert.Equal(TestWallets.AliceAddress, page.Find("[data-testid=wallet-address]").TextContent));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Unlink wallet").Click();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Unlink now").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=connect-wallet]")));
        Assert.Null(await wallets.GetAsync(player));
    }

    [Fact]
    public async Task With_the_blockchain_switched_off_there_is_nothing_to_connect()
    {
        var (_, context) = await PageContextAsync(blockchainOn: false);
        await using var __ = context;
        context.JSInterop.SetupModule(WalletPage.ModulePath).Setup<bool>("hasWallet").SetResult(true);

        var page = context.Render<WalletPage>();

        page.WaitForAssertion(() => Assert.Contains("Blockchain is switched off for now.", page.Find("[data-testid=wallet-off]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=connect-wallet]"));
    }
}

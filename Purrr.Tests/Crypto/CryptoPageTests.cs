using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Crypto;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Crypto;
using static Purrr.Tests.Crypto.CryptoFixtures;

namespace Purrr.Tests.Crypto;

[Trait("Category", "Component")]
public sealed class CryptoPageTests : ServiceTestBase
{
    private readonly TestPaymentProvider provider = new();

    private async Task<(UserId Player, BunitContext Context)> PageContextAsync(bool cryptoOn = true)
    {
        var player = await NewPlayerAsync("luna");
        var context = ComponentTestContext.Create(Database, (player, "luna"), clock: Clock, services: s =>
        {
            s.AddSingleton<IPaymentProvider>(provider);
            s.AddSingleton<IAuthenticator>(new TotpAuthenticator(Database.Factory, Clock));
            s.Configure<CryptoOptions>(o => o.WebhookSecret = Secret);
        });
        if (cryptoOn)
            Assert.True((await context.Services.GetRequiredService<FeatureFlags>().SetAsync(Feature.Crypto, true, player)).Succeeded);
        context.Render<MudPopoverProvider>();
        return (player, context);
    }

    private static async Task ConfirmAsync(BunitContext context, CryptoCharge charge)
    {
        var (body, signature) = Callback("charge:confirmed", charge.ProviderChargeId);
        Assert.True((await context.Services.GetRequiredService<CryptoService>().HandleWebhookAsync(body, signature)).Succeeded);
    }

    [Fact]
    public async Task While_crypto_is_off_the_page_says_so()
    {
        var (_, context) = await PageContextAsync(cryptoOn: false);
        await using var _ = context;
        var page = context.Render<CryptoPage>();
        page.WaitForAssertion(() => Assert.Contains("Crypto is switched off for now", page.Find("[data-testid=crypto-off]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=crypto-balances]"));
    }

    [Fact]
    public async Task An_over_precise_deposit_is_refused_under_the_field_and_a_good_one_goes_to_the_payment_page()
    {
        var (player, context) = await PageContextAsync();
        await using var _ = context;
        var page = context.Render<CryptoPage>();
        page.WaitForAssertion(() => Assert.Equal("0", page.Find("[data-testid=available-ETH]").TextContent));

        page.Find("input[data-testid=deposit-amount]").Input("0.000000001");
        page.Find("[data-testid=deposit]").Click();
        page.WaitForAssertion(() => Assert.Contains("Amounts have at most 8 decimal places.", page.Markup));
        Assert.Equal("0.000000001", page.Find("input[data-testid=deposit-amount]").GetAttribute("value")); // what was typed stays
        Assert.Empty((await context.Services.GetRequiredService<CryptoService>().OverviewAsync(player)).Value.Charges);

        page.FindAll("button").First(b => b.TextContent.Trim() == "SOL").Click();
        page.Find("input[data-testid=deposit-amount]").Input("0.001");
        page.Find("[data-testid=deposit]").Click();
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Contains("/crypto/sandbox/SBX", navigation.Uri));
        var charge = Assert.Single((await context.Services.GetRequiredService<CryptoService>().OverviewAsync(player)).Value.Charges);
        Assert.Equal((CryptoCurrency.SOL, 100_000L), (charge.Currency, charge.Amount));
    }

    [Fact]
    public async Task A_confirmed_deposit_shows_up_live_and_withdrawing_needs_two_factor()
    {
        var (player, context) = await PageContextAsync();
        await using var _ = context;
        var page = context.Render<CryptoPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=needs-2fa]")));
        Assert.Contains("Account/Manage/TwoFactor", page.Find("[data-testid=needs-2fa] a").GetAttribute("href"));

        var charge = (await context.Services.GetRequiredService<CryptoService>().DepositAsync(player, "ETH", "0.5")).Value;
        await ConfirmAsync(context, charge);
        page.WaitForAssertion(() => Assert.Equal("0.5", page.Find("[data-testid=available-ETH]").TextContent));
        Assert.Contains("Deposit", page.Find("[data-testid=crypto-ledger]").TextContent);
    }

    [Fact]
    public async Task A_withdrawal_with_a_wrong_code_says_so_and_a_right_one_locks_the_amount()
    {
        var (player, context) = await PageContextAsync();
        await using var _ = context;
        await ConfirmAsync(context, (await context.Services.GetRequiredService<CryptoService>().DepositAsync(player, "ETH", "0.5")).Value);
        var key = await TurnOnTwoFactorAsync(Database.Factory, Clock, player);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var page = context.Render<CryptoPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("input[data-testid=withdraw-code]")));

        page.Find("input[data-testid=withdraw-amount]").Input("0.1");
        page.Find("input[data-testid=withdraw-address]").Input(EthAddress);
        var right = TotpAuthenticator.CodeAt(key, Clock.GetUtcNow());
        page.Find("input[data-testid=withdraw-code]").Input(right == "000000" ? "111111" : "000000");
        page.Find("[data-testid=withdraw]").Click();
        page.WaitForAssertion(() => Assert.Contains("That code is not right", page.Markup));
        Assert.Equal("0", page.Find("[data-testid=locked-ETH]").TextContent);
        Assert.Equal(EthAddress, page.Find("input[data-testid=withdraw-address]").GetAttribute("value"));

        page.Find("input[data-testid=withdraw-code]").Input(right);
        page.Find("[data-testid=withdraw]").Click();
        page.WaitForAssertion(() => Assert.Contains("Withdrawal of 0.1 ETH (+ 0.0005 fee) requested: sending.", page.Find("[data-testid=withdrawn]").TextContent));
        Assert.Equal("0.1005", page.Find("[data-testid=locked-ETH]").TextContent);
        Assert.Equal("0.3995", page.Find("[data-testid=available-ETH]").TextContent);
        Assert.Contains("Sending", page.Find("[data-testid=withdrawal-status]").TextContent);
        Assert.Contains("sandbox: complete or fail", page.Find("[data-testid=withdrawal-status]").TextContent);
    }
}

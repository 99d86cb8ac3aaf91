using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Crypto;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Purrr.Tests.Crypto.CryptoFixtures;

namespace Purrr.Tests.Crypto;

/// <summary>
/// Crypto through the whole app: provider callbacks arrive over HTTP at the webhook endpoint, two-factor is set up on the
/// account page, and withdrawals go through the app's own services.
/// </summary>
public sealed class CryptoIntegrationTests : IAsyncLifetime
{
    private readonly PurrrAppFactory app = new()
    {
        OverrideServices = s => s.PostConfigure<CryptoOptions>(o => o.WebhookSecret = Secret),
    };

    private CryptoService Crypto => app.Services.GetRequiredService<CryptoService>();
    private TimeProvider Clock => app.Services.GetRequiredService<TimeProvider>();

    public async Task InitializeAsync() => await app.Services.GetRequiredService<FeatureFlags>().SetAsync(Feature.Crypto, true, UserId.New());

    public async Task DisposeAsync() => await app.DisposeAsync();

    private async Task<(AppClient Client, UserId Id)> SignedUpAsync(string prefix)
    {
        var name = Names.Unique(prefix);
        var client = AppClient.For(app);
        await client.RegisterAsync(name);
        var id = await app.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().Players.Where(p => p.UserName == name).Select(p => p.Id).FirstAsync());
        return (client, id);
    }

    private async Task<HttpResponseMessage> CallBackAsync(HttpClient http, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
            request.Headers.Add(PaymentWebhooks.SignatureHeader, signature);
        return await http.SendAsync(request);
    }

    private async Task<long> AvailableAsync(UserId player, CryptoCurrency currency = CryptoCurrency.ETH) =>
        (await Crypto.OverviewAsync(player)).Value.Balances.Single(b => b.Currency == currency).Available;

    [Fact]
    public async Task A_sandbox_deposit_is_credited_once_even_when_the_callback_arrives_twice()
    {
        var (client, luna) = await SignedUpAsync("dep");
        var charge = (await Crypto.DepositAsync(luna, "ETH", "0.001")).Value;
        var (body, signature) = Callback("charge:confirmed", charge.ProviderChargeId);
        using var provider = app.CreateClient(); // the provider has no cookie

        var first = await CallBackAsync(provider, body, signature);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("\"Applied\"", await first.Content.ReadAsStringAsync());
        var second = await CallBackAsync(provider, body, signature);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode); // a provider retrying must hear "done", not an error
        Assert.Contains("\"AlreadySeen\"", await second.Content.ReadAsStringAsync());

        Assert.Equal(100_000, await AvailableAsync(luna));
        Assert.Single((await Crypto.OverviewAsync(luna)).Value.Ledger);
        client.Dispose();
    }

    [Fact]
    public async Task A_callback_with_a_bad_signature_is_refused_and_credits_nothing()
    {
        var (client, luna) = await SignedUpAsync("sig");
        var charge = (await Crypto.DepositAsync(luna, "BTC", "0.5")).Value;
        var (body, signature) = Callback("charge:confirmed", charge.ProviderChargeId);
        using var provider = app.CreateClient();

        var tampered = await CallBackAsync(provider, body.Replace("charge:confirmed", "charge:confirmed "), signature);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("The webhook signature is not valid.", await tampered.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await CallBackAsync(provider, body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CallBackAsync(provider, body, Callback("charge:confirmed", charge.ProviderChargeId, "wrong").Signature)).StatusCode);

        var garbage = await CallBackAsync(provider, "{\"event\":42}", PaymentWebhooks.Sign("{\"event\":42}", Secret)); // signed, but not an event
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
        Assert.Contains("The webhook body is not an event.", await garbage.Content.ReadAsStringAsync());

        Assert.Equal(0, await AvailableAsync(luna, CryptoCurrency.BTC));
        Assert.Equal(ChargeStatus.Pending, (await Crypto.FindChargeAsync(luna, charge.ProviderChargeId))!.Status);
        client.Dispose();
    }

    [Fact]
    public async Task Two_factor_set_up_on_the_account_page_guards_withdrawals_and_an_admin_rejection_unlocks_them()
    {
        var (client, luna) = await SignedUpAsync("wd");
        var charge = (await Crypto.DepositAsync(luna, "ETH", "1")).Value;
        var (body, signature) = Callback("charge:confirmed", charge.ProviderChargeId);
        using (var provider = app.CreateClient())
            Assert.Equal(HttpStatusCode.OK, (await CallBackAsync(provider, body, signature)).StatusCode);

        // Without 2FA: refused, nothing locked.
        var refused = await Crypto.WithdrawAsync(luna, new("ETH", "0.1", EthAddress, "123456"), "w0");
        Assert.StartsWith("Withdrawals need two-factor authentication", refused.FirstMessage);
        Assert.Equal(100_000_000, await AvailableAsync(luna));

        // The account page shows a QR code (a data URI: no script under the CSP) and the key; a wrong code does not turn it on.
        var page = new HtmlParser().ParseDocument(await client.Http.GetStringAsync("/Account/Manage/TwoFactor"));
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("[data-testid=two-factor-qr]")!.GetAttribute("src"));
        var key = page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "");
        var wrong = await client.SubmitFormAsync("/Account/Manage/TwoFactor", "confirm-two-factor", new Dictionary<string, string> { ["Input.Code"] = "12345" });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());
        var on = await client.SubmitFormAsync("/Account/Manage/TwoFactor", "confirm-two-factor",
            new Dictionary<string, string> { ["Input.Code"] = TotpAuthenticator.CodeAt(key, Clock.GetUtcNow()) });
        Assert.Contains("data-testid=\"recovery-codes\"", await on.Content.ReadAsStringAsync()); // shown once, to save
        Assert.Contains("data-testid=\"two-factor-on\"", await client.Http.GetStringAsync("/Account/Manage/TwoFactor"));

        // Over the daily limit (1 ETH by default): refused. Above the approval threshold (0.25 ETH): waits for an admin.
        var code = TotpAuthenticator.CodeAt(key, Clock.GetUtcNow().AddSeconds(30)); // the app's next code (one step of drift is accepted)
        Assert.Equal("That is over your daily limit of 1 ETH: you can withdraw 1 ETH more today.",
            (await Crypto.WithdrawAsync(luna, new("ETH", "1.5", EthAddress, code), "w1")).FirstMessage);
        var withdrawal = (await Crypto.WithdrawAsync(luna, new("ETH", "0.5", EthAddress, code), "w2")).Value;
        Assert.Equal(WithdrawalStatus.AwaitingApproval, withdrawal.Status);
        Assert.Equal(49_950_000, await AvailableAsync(luna));

        var (_, admin) = await SignedUpAsync("adm");
        await app.InScopeAsync(async sp => { await sp.GetRequiredService<IAccountAdmin>().SetRoleAsync(admin, Roles.Admin); return true; });
        Assert.True((await Crypto.RejectAsync(admin, withdrawal.Id, "Please verify your address first.")).Succeeded);
        Assert.Equal(100_000_000, await AvailableAsync(luna));
        Assert.Equal(0, (await Crypto.OverviewAsync(luna)).Value.Balances.Single(b => b.Currency == CryptoCurrency.ETH).Locked);
        client.Dispose();
    }
}

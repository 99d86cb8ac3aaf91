using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Crypto;
using Purrr.Core.Moderation;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Purrr.Tests.Crypto.CryptoFixtures;

namespace Purrr.Tests.Crypto;

public sealed class CryptoServiceTests : ServiceTestBase
{
    private readonly TestPaymentProvider provider = new();
    private readonly CryptoOptions options = CryptoFixtures.Options();

    private CryptoService Crypto => Service(Database.Factory, Clock, Bus, Flags, provider, options);

    private async Task<UserId> PlayerWithCryptoOnAsync(string name = "luna", string timeZone = "UTC")
    {
        var player = await Database.AddPlayerAsync(name, timeZone);
        await Flags.SetAsync(Feature.Crypto, true, player);
        return player;
    }

    private async Task<CryptoBalanceView> BalanceAsync(UserId player, CryptoCurrency currency = CryptoCurrency.ETH) =>
        (await Crypto.OverviewAsync(player)).Value.Balances.Single(b => b.Currency == currency);

    /// <summary>A deposit paid through the sandbox and confirmed by its callback.</summary>
    private async Task DepositAsync(UserId player, string amount, CryptoCurrency currency = CryptoCurrency.ETH)
    {
        var charge = (await Crypto.DepositAsync(player, currency.ToString(), amount)).Value;
        var (body, signature) = Callback("charge:confirmed", charge.ProviderChargeId);
        Assert.Equal(WebhookOutcome.Applied, (await Crypto.HandleWebhookAsync(body, signature)).Value);
    }

    private async Task<int> LedgerCountAsync(UserId player)
    {
        await using var db = Database.NewContext();
        return await db.CryptoLedger.CountAsync(e => e.PlayerId == player);
    }

    [Fact]
    public async Task Everything_is_refused_while_crypto_is_off()
    {
        var luna = await Database.AddPlayerAsync("luna");
        const string off = "Crypto is switched off for now. Everything you have is kept; check back later.";
        Assert.Equal(off, (await Crypto.OverviewAsync(luna)).FirstMessage);
        Assert.Equal(off, (await Crypto.DepositAsync(luna, "ETH", "1")).FirstMessage);
        Assert.Equal(off, (await Crypto.WithdrawAsync(luna, new("ETH", "1", EthAddress, "000000"), "k")).FirstMessage);
        await using var db = Database.NewContext();
        Assert.Empty(await db.CryptoCharges.ToListAsync());
    }

    [Fact]
    public async Task A_deposit_opens_a_sandbox_charge_that_expires_after_an_hour()
    {
        var luna = await PlayerWithCryptoOnAsync();
        var charge = (await Crypto.DepositAsync(luna, "eth", "0.001")).Value;
        Assert.Equal((CryptoCurrency.ETH, 100_000L, ChargeStatus.Pending), (charge.Currency, charge.Amount, charge.Status));
        Assert.Equal($"/crypto/sandbox/{charge.ProviderChargeId}", charge.PaymentUrl);
        Assert.Equal(Clock.GetUtcNow().AddMinutes(60), charge.ExpiresAt);

        Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await Crypto.ExpireChargesAsync());
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Crypto.ExpireChargesAsync());
        Assert.Equal(0, await Crypto.ExpireChargesAsync()); // idempotent
        Assert.Equal(ChargeStatus.Expired, (await Crypto.FindChargeAsync(luna, charge.ProviderChargeId))!.Status);

        // Paying it now changes nothing: the charge is over.
        var (body, signature) = Callback("charge:confirmed", charge.ProviderChargeId);
        Assert.Equal(WebhookOutcome.AlreadySeen, (await Crypto.HandleWebhookAsync(body, signature)).Value);
        Assert.Equal(0, (await BalanceAsync(luna)).Available);
    }

    [Fact]
    public async Task A_confirmed_charge_is_credited_once_however_often_the_callback_comes()
    {
        var luna = await PlayerWithCryptoOnAsync();
        var charge = (await Crypto.DepositAsync(luna, "ETH", "0.001")).Value;
        var (body, signature) = Callback("charge:confirmed", charge.ProviderChargeId);

        Assert.Equal(WebhookOutcome.Applied, (await Crypto.HandleWebhookAsync(body, signature)).Value);
        Assert.Equal(WebhookOutcome.AlreadySeen, (await Crypto.HandleWebhookAsync(body, signature)).Value); // the same call replayed
        var (again, againSigned) = Callback("charge:confirmed", charge.ProviderChargeId); // a new event about the same charge
        Assert.Equal(WebhookOutcome.AlreadySeen, (await Crypto.HandleWebhookAsync(again, againSigned)).Value);

        Assert.Equal(100_000, (await BalanceAsync(luna)).Available);
        Assert.Equal(1, await LedgerCountAsync(luna));
        Assert.Contains(Bus.Published, e => e is CryptoChanged c && c.Player == luna);
    }

    [Fact]
    public async Task Racing_callbacks_for_one_charge_credit_it_once()
    {
        var luna = await PlayerWithCryptoOnAsync();
        var charge = (await Crypto.DepositAsync(luna, "SOL", "2.5")).Value;
        var calls = Enumerable.Range(0, 4).Select(_ => Callback("charge:confirmed", charge.ProviderChargeId)).ToList();
        var outcomes = await Task.WhenAll(calls.Select(c => Task.Run(() => Crypto.HandleWebhookAsync(c.Body, c.Signature))));
        Assert.Single(outcomes, o => o.Value == WebhookOutcome.Applied);
        Assert.Equal(250_000_000, (await BalanceAsync(luna, CryptoCurrency.SOL)).Available);
        Assert.Equal(1, await LedgerCountAsync(luna));
    }

    [Fact]
    public async Task A_callback_with_a_bad_signature_changes_nothing()
    {
        var luna = await PlayerWithCryptoOnAsync();
        var charge = (await Crypto.DepositAsync(luna, "ETH", "1")).Value;
        var (body, _) = Callback("charge:confirmed", charge.ProviderChargeId);
        var forged = Callback("charge:confirmed", charge.ProviderChargeId, secret: "guessed");

        Assert.Equal("The webhook signature is not valid.", (await Crypto.HandleWebhookAsync(forged.Body, forged.Signature)).FirstMessage);
        Assert.Equal("The webhook signature is not valid.", (await Crypto.HandleWebhookAsync(body, null)).FirstMessage);
        Assert.Equal(ChargeStatus.Pending, (await Crypto.FindChargeAsync(luna, charge.ProviderChargeId))!.Status);
        Assert.Equal(0, (await BalanceAsync(luna)).Available);
        Assert.Equal(0, await LedgerCountAsync(luna));
    }

    [Theory]
    [InlineData("DOGE", "1", "Choose one of BTC, ETH, USDC, SOL, XRP.")]
    [InlineData("ETH", "-1", "The amount must be more than zero.")]
    [InlineData("ETH", "0.000000001", "Amounts have at most 8 decimal places.")]
    public async Task A_bad_deposit_is_refused_and_opens_no_charge(string currency, string amount, string message)
    {
        var luna = await PlayerWithCryptoOnAsync();
        Assert.Equal(message, (await Crypto.DepositAsync(luna, currency, amount)).FirstMessage);
        Assert.Empty((await Crypto.OverviewAsync(luna)).Value.Charges);
    }

    [Fact]
    public async Task A_failed_charge_credits_nothing()
    {
        var luna = await PlayerWithCryptoOnAsync();
        var charge = (await Crypto.DepositAsync(luna, "BTC", "0.01")).Value;
        var (body, signature) = Callback("charge:failed", charge.ProviderChargeId);
        Assert.Equal(WebhookOutcome.Applied, (await Crypto.HandleWebhookAsync(body, signature)).Value);
        var (paid, paidSigned) = Callback("charge:confirmed", charge.ProviderChargeId);
        Assert.Equal(WebhookOutcome.AlreadySeen, (await Crypto.HandleWebhookAsync(paid, paidSigned)).Value);
        Assert.Equal(0, (await BalanceAsync(luna, CryptoCurrency.BTC)).Available);
    }

    [Fact]
    public async Task A_withdrawal_without_two_factor_is_refused()
    {
        var luna = await PlayerWithCryptoOnAsync();
        await DepositAsync(luna, "1");
        var refused = await Crypto.WithdrawAsync(luna, new("ETH", "0.1", EthAddress, "123456"), "w1");
        Assert.Equal("Withdrawals need two-factor authentication: set up an authenticator app on your account page first.", refused.FirstMessage);
        Assert.Equal("code", refused.Problems[0].Field);
        Assert.False((await Crypto.OverviewAsync(luna)).Value.TwoFactorOn);
        Assert.Equal((100_000_000L, 0L), ((await BalanceAsync(luna)).Available, (await BalanceAsync(luna)).Locked));
    }

    [Fact]
    public async Task A_withdrawal_locks_amount_and_fee_and_the_sandbox_completes_it()
    {
        var luna = await PlayerWithCryptoOnAsync();
        await DepositAsync(luna, "1");
        var key = await TurnOnTwoFactorAsync(Database.Factory, Clock, luna);
        Clock.Advance(TimeSpan.FromSeconds(30)); // the next code: the one that turned 2FA on is not reused

        var withdrawal = (await Crypto.WithdrawAsync(luna, new("ETH", "0.1", EthAddress.ToLowerInvariant(), TotpAuthenticator.CodeAt(key, Clock.GetUtcNow())), "w1")).Value;
        Assert.Equal(WithdrawalStatus.Sending, withdrawal.Status);
        Assert.Equal(EthAddress, withdrawal.Address); // stored checksummed
        Assert.Equal(50_000, withdrawal.Fee);
        Assert.NotNull(withdrawal.ProviderPayoutId);
        var payout = Assert.Single(provider.Payouts);
        Assert.Equal((10_000_000L, EthAddress), (payout.Amount, payout.Address));
        Assert.Equal((89_950_000L, 10_050_000L), ((await BalanceAsync(luna)).Available, (await BalanceAsync(luna)).Locked));

        var (body, signature) = Callback("payout:completed", withdrawal.ProviderPayoutId!);
        Assert.Equal(WebhookOutcome.Applied, (await Crypto.HandleWebhookAsync(body, signature)).Value);
        Assert.Equal(WebhookOutcome.AlreadySeen, (await Crypto.HandleWebhookAsync(body, signature)).Value);
        var after = await BalanceAsync(luna);
        Assert.Equal((89_950_000L, 0L), (after.Available, after.Locked));
        Assert.Equal(WithdrawalStatus.Completed, (await Crypto.OverviewAsync(luna)).Value.Withdrawals.Single().Status);
        Assert.Equal(3, await LedgerCountAsync(luna)); // deposit, lock, sent
    }

    [Fact]
    public async Task A_wrong_or_reused_code_is_refused_and_nothing_is_locked()
    {
        var luna = await PlayerWithCryptoOnAsync();
        await DepositAsync(luna, "1");
        var key = await TurnOnTwoFactorAsync(Database.Factory, Clock, luna);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var code = TotpAuthenticator.CodeAt(key, Clock.GetUtcNow());
        var wrong = code == "000000" ? "111111" : "000000";

        var refused = await Crypto.WithdrawAsync(luna, new("ETH", "0.1", EthAddress, wrong), "w1");
        Assert.Equal("That code is not right: enter the 6 digits your authenticator app shows now.", refused.FirstMessage);
        Assert.Equal("That code is not right: enter the 6 digits your authenticator app shows now.",
            (await Crypto.WithdrawAsync(luna, new("ETH", "0.1", EthAddress, "abc"), "w1")).FirstMessage);

        Assert.True((await Crypto.WithdrawAsync(luna, new("ETH", "0.1", EthAddress, code), "w2")).Succeeded);
        Clock.Advance(TimeSpan.FromSeconds(10)); // still within the code's window
        var reused = await Crypto.WithdrawAsync(luna, new("ETH", "0.1", EthAddress, code), "w3");
        Assert.Equal("That code was already used. Wait for the next code from your app.", reused.FirstMessage);
        Assert.Single((await Crypto.OverviewAsync(luna)).Value.Withdrawals);

        Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await Crypto.WithdrawAsync(luna, new("ETH", "0.1", EthAddress, TotpAuthenticator.CodeAt(key, Clock.GetUtcNow())), "w4")).Succeeded);
    }

    [Fact]
    public async Task The_same_click_twice_asks_once()
    {
        var luna = await PlayerWithCryptoOnAsync();
        await DepositAsync(luna, "1");
        var key = await TurnOnTwoFactorAsync(Database.Factory, Clock, luna);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var form = new WithdrawalForm("ETH", "0.1", EthAddress, TotpAuthenticator.CodeAt(key, Clock.GetUtcNow()));
        var first = (await Crypto.WithdrawAsync(luna, form, "click-1")).Value;
        var second = (await Crypto.WithdrawAsync(luna, form, "click-1")).Value;
        Assert.Equal(first.Id, second.Id);
        Assert.Single(provider.Payouts);
        Assert.Equal(10_050_000, (await BalanceAsync(luna)).Locked);
    }

    [Theory]
    [InlineData("ETH", "0.1", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "address", "That ETH address's checksum does not match: check it for typos.")]
    [InlineData("ETH", "0.100000001", EthAddress, "amount", "Amounts have at most 8 decimal places.")]
    [InlineData("ETH", "-0.1", EthAddress, "amount", "The amount must be more than zero.")]
    [InlineData("XYZ", "0.1", EthAddress, "currency", "Choose one of BTC, ETH, USDC, SOL, XRP.")]
    [InlineData("ETH", "0.99", EthAddress, "amount", "Not enough ETH: this needs 0.9905 (0.99 + 0.0005 fee) and you have 0.5 available.")]
    public async Task Bad_withdrawals_are_refused_with_their_field_and_change_nothing(string currency, string amount, string address, string field, string message)
    {
        var luna = await PlayerWithCryptoOnAsync();
        await DepositAsync(luna, "0.5");
        var key = await TurnOnTwoFactorAsync(Database.Factory, Clock, luna);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var refused = await Crypto.WithdrawAsync(luna, new(currency, amount, address, TotpAuthenticator.CodeAt(key, Clock.GetUtcNow())), "w1");
        Assert.Equal(message, refused.FirstMessage);
        Assert.Equal(field, refused.Problems[0].Field);
        Assert.Equal((50_000_000L, 0L), ((await BalanceAsync(luna)).Available, (await BalanceAsync(luna)).Locked));
        Assert.Empty(provider.Payouts);
        Assert.Equal(1, await LedgerCountAsync(luna));
    }

    [Fact]
    public async Task Over_the_daily_limit_is_refused_until_the_players_local_midnight()
    {
        // Tokyo is UTC+9: the fake clock's noon UTC is 21:00 there, so local midnight comes in 3 hours.
        var luna = await PlayerWithCryptoOnAsync(timeZone: "Asia/Tokyo");
        options.Currencies[CryptoCurrency.ETH] = new() { Fee = 0.001m, DailyLimit = 1m, ApprovalAbove = 5m };
        await DepositAsync(luna, "3");
        var key = await TurnOnTwoFactorAsync(Database.Factory, Clock, luna);
        async Task<Core.Common.Result<CryptoWithdrawal>> WithdrawAsync(string amount)
        {
            Clock.Advance(TimeSpan.FromSeconds(30));
            return await Crypto.WithdrawAsync(luna, new("ETH", amount, EthAddress, TotpAuthenticator.CodeAt(key, Clock.GetUtcNow())), Guid.NewGuid().ToString());
        }

        Assert.True((await WithdrawAsync("0.6")).Succeeded);
        var over = await WithdrawAsync("0.5");
        Assert.Equal("That is over your daily limit of 1 ETH: you can withdraw 0.4 ETH more today.", over.FirstMessage);
        Assert.Equal("amount", over.Problems[0].Field);
        Assert.Equal(40_000_000, (await BalanceAsync(luna)).RemainingToday);
        Assert.True((await WithdrawAsync("0.4")).Succeeded); // up to the limit exactly

        // Each attempt first moves the clock 30 s on (a fresh code).
        Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 14, 59, 0, TimeSpan.Zero));
        Assert.StartsWith("That is over your daily limit", (await WithdrawAsync("0.00000001")).FirstMessage); // 23:59:30 in Tokyo: still today
        Assert.True((await WithdrawAsync("1")).Succeeded); // 00:00:00 in Tokyo: a new day, a new limit
    }

    [Fact]
    public async Task Rejected_and_failed_withdrawals_do_not_count_against_the_limit()
    {
        var luna = await PlayerWithCryptoOnAsync();
        options.Currencies[CryptoCurrency.ETH] = new() { Fee = 0m, DailyLimit = 1m, ApprovalAbove = 5m };
        await DepositAsync(luna, "3");
        var key = await TurnOnTwoFactorAsync(Database.Factory, Clock, luna);
        provider.RefusePayouts = true;
        Clock.Advance(TimeSpan.FromSeconds(30));
        var failed = (await Crypto.WithdrawAsync(luna, new("ETH", "1", EthAddress, TotpAuthenticator.CodeAt(key, Clock.GetUtcNow())), "w1")).Value;
        Assert.Equal(WithdrawalStatus.Failed, failed.Status);
        Assert.Equal("The payment provider refused it (the sandbox was told to refuse); the amount and fee are back in your balance.", failed.Note);
        Assert.Equal((300_000_000L, 0L, 100_000_000L), ((await BalanceAsync(luna)).Available, (await BalanceAsync(luna)).Locked, (await BalanceAsync(luna)).RemainingToday));
    }

    [Fact]
    public async Task Above_the_threshold_an_admin_rejects_and_the_amount_is_unlocked_with_an_audit_entry()
    {
        var luna = await PlayerWithCryptoOnAsync();
        var admin = await Database.AddPlayerAsync("boss");
        await Database.SetRoleAsync(admin, Roles.Admin);
        await DepositAsync(luna, "1");
        var key = await TurnOnTwoFactorAsync(Database.Factory, Clock, luna);
        Clock.Advance(TimeSpan.FromSeconds(30));

        var withdrawal = (await Crypto.WithdrawAsync(luna, new("ETH", "0.5", EthAddress, TotpAuthenticator.CodeAt(key, Clock.GetUtcNow())), "w1")).Value;
        Assert.Equal(WithdrawalStatus.AwaitingApproval, withdrawal.Status);
        Assert.Empty(provider.Payouts);
        Assert.Equal(50_050_000, (await BalanceAsync(luna)).Locked);
        Assert.Equal(withdrawal.Id, Assert.Single(await Crypto.AwaitingApprovalAsync()).Withdrawal.Id);

        Assert.Equal("Only admins review withdrawals.", (await Crypto.RejectAsync(luna, withdrawal.Id, "no")).FirstMessage);
        Assert.Equal("Give the player a reason (up to 300 characters).", (await Crypto.RejectAsync(admin, withdrawal.Id, "  ")).FirstMessage);
        var rejected = (await Crypto.RejectAsync(admin, withdrawal.Id, "This address is on a sanctions list.")).Value;
        Assert.Equal(WithdrawalStatus.Rejected, rejected.Status);
        Assert.Equal((100_000_000L, 0L), ((await BalanceAsync(luna)).Available, (await BalanceAsync(luna)).Locked));
        Assert.Empty(await Crypto.AwaitingApprovalAsync());
        Assert.Equal("This withdrawal was already decided.", (await Crypto.ApproveAsync(admin, withdrawal.Id)).FirstMessage);

        await using var db = Database.NewContext();
        var audit = await db.AuditLog.SingleAsync(a => a.Action == CryptoService.RejectAction);
        Assert.Equal((admin, withdrawal.Id.ToString()), (audit.ActorId, audit.TargetId));
        Assert.Contains("sanctions list", audit.Details);
        Assert.Contains("was not approved: This address is on a sanctions list.", (await db.Notifications.SingleAsync(n => n.RecipientId == luna)).Text);
    }

    [Fact]
    public async Task An_approved_withdrawal_goes_to_the_provider_and_a_failed_payout_unlocks()
    {
        var luna = await PlayerWithCryptoOnAsync();
        var admin = await Database.AddPlayerAsync("boss");
        await Database.SetRoleAsync(admin, Roles.Admin);
        await DepositAsync(luna, "1");
        var key = await TurnOnTwoFactorAsync(Database.Factory, Clock, luna);
        Clock.Advance(TimeSpan.FromSeconds(30));
        var withdrawal = (await Crypto.WithdrawAsync(luna, new("ETH", "0.5", EthAddress, TotpAuthenticator.CodeAt(key, Clock.GetUtcNow())), "w1")).Value;

        var approved = (await Crypto.ApproveAsync(admin, withdrawal.Id)).Value;
        Assert.Equal((WithdrawalStatus.Sending, admin), (approved.Status, approved.ReviewedById));
        Assert.Single(provider.Payouts);
        await using (var db = Database.NewContext())
            Assert.True(await db.AuditLog.AnyAsync(a => a.Action == CryptoService.ApproveAction && a.ActorId == admin));

        var (body, signature) = Callback("payout:failed", approved.ProviderPayoutId!);
        Assert.Equal(WebhookOutcome.Applied, (await Crypto.HandleWebhookAsync(body, signature)).Value);
        Assert.Equal((100_000_000L, 0L), ((await BalanceAsync(luna)).Available, (await BalanceAsync(luna)).Locked));
        Assert.Equal(WithdrawalStatus.Failed, (await Crypto.OverviewAsync(luna)).Value.Withdrawals.Single().Status);
    }

    [Fact]
    public async Task Paw_match_takes_a_crypto_fee_and_pays_the_prize_in_the_same_currency()
    {
        var luna = await PlayerWithCryptoOnAsync();
        var mochi = (await Database.AddCatsAsync(ACat.Playful().OwnedBy(luna).Build()))[0];
        await DepositAsync(luna, "0.001");

        var game = (await PawMatch.StartWithCryptoAsync(luna, mochi.Id, 10, CryptoCurrency.ETH, "game-1")).Value;
        Assert.Equal(CryptoCurrency.ETH, game.FeeCurrency);
        Assert.Equal(100_000 - 1_000, (await BalanceAsync(luna)).Available); // 10 coins = 0.00001 ETH
        Assert.Equal(game.Id, (await PawMatch.StartWithCryptoAsync(luna, mochi.Id, 10, CryptoCurrency.ETH, "game-1")).Value.Id); // a retried click
        Assert.Equal(99_000, (await BalanceAsync(luna)).Available);
        Assert.Equal("Not enough BTC: this needs 0.000001 and you have 0 available.",
            (await PawMatch.StartWithCryptoAsync(luna, mochi.Id, 10, CryptoCurrency.BTC, "game-2")).FirstMessage);

        await Flags.SetAsync(Feature.Crypto, false, luna);
        Assert.Equal("Crypto is switched off for now. Everything you have is kept; check back later.",
            (await PawMatch.StartWithCryptoAsync(luna, mochi.Id, 10, CryptoCurrency.ETH, "game-3")).FirstMessage);
    }

    [Fact]
    public async Task The_export_holds_the_players_crypto_rows()
    {
        var luna = await PlayerWithCryptoOnAsync();
        await DepositAsync(luna, "0.25");
        var accounts = new AccountData(Database.Factory, new IdentityAccountStore(null!), Clock, Bus);

        var export = (await accounts.ExportAsync(luna)).Value.Crypto!;
        Assert.Equal(25_000_000, Assert.Single(export.Balances).Available);
        Assert.Equal(CryptoLedgerKind.Deposit, Assert.Single(export.Ledger).Kind);
        Assert.Single(export.Deposits);
        Assert.Contains("\"crypto\"", AccountData.ToJson((await accounts.ExportAsync(luna)).Value));
    }
}

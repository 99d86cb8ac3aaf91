using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Accounts;
using Purrr.Core.Admin;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Crypto;

/// <summary>What a withdrawal form sends: text as typed, checked here.</summary>
public sealed record WithdrawalForm(string? Currency, string? Amount, string? Address, string? Code);

public enum WebhookOutcome { Applied, AlreadySeen, Ignored }

/// <summary>
/// Crypto balances (spec §5), all refused while <see cref="Feature.Crypto"/> is off: deposits through the payment
/// provider, the provider's signed callbacks, charge expiry, and withdrawals (2FA, address, daily limit, fee, lock).
/// Every balance change is a <see cref="CryptoLedgerEntry"/> in the same save, inside <see cref="Conflicts.RetryAsync"/>.
/// </summary>
public sealed class CryptoService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus, FeatureFlags flags, IPaymentProvider provider,
    IAuthenticator authenticator, IWalletCrypto walletCrypto, IOptions<CryptoOptions> options)
{
    public const int RecentCount = 20;

    private CryptoOptions Options => options.Value;

    public async Task<Result<CryptoOverview>> OverviewAsync(UserId player, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.Crypto, ct) is { } off)
            return Result<CryptoOverview>.Failure(off.Message);
        await using var db = await dbFactory.CreateAsync(ct);
        var stored = await db.CryptoBalances.AsNoTracking().Where(b => b.PlayerId == player).ToDictionaryAsync(b => b.Currency, ct);
        var today = await WithdrawnTodayAsync(db, player, clock.GetUtcNow(), ct);
        var balances = CryptoCurrencies.All.Select(currency =>
        {
            var rules = Options.RulesFor(currency);
            var balance = stored.GetValueOrDefault(currency);
            return new CryptoBalanceView(currency, balance?.Available ?? 0, balance?.Locked ?? 0, rules.FeeUnits, rules.DailyLimitUnits,
                WithdrawalLimits.Remaining(rules.DailyLimitUnits, today.GetValueOrDefault(currency)), rules.ApprovalAboveUnits);
        }).ToList();
        return new CryptoOverview(balances,
            await db.CryptoCharges.AsNoTracking().Where(c => c.PlayerId == player).OrderByDescending(c => c.CreatedAt).Take(RecentCount).ToListAsync(ct),
            await db.CryptoWithdrawals.AsNoTracking().Where(w => w.PlayerId == player).OrderByDescending(w => w.RequestedAt).Take(RecentCount).ToListAsync(ct),
            await db.CryptoLedger.AsNoTracking().Where(e => e.PlayerId == player).OrderByDescending(e => e.Id).Take(RecentCount).ToListAsync(ct),
            await authenticator.IsOnAsync(player, ct));
    }

    /// <summary>The player's charge by the provider's id (the sandbox payment page), or null.</summary>
    public async Task<CryptoCharge?> FindChargeAsync(UserId player, string providerChargeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.CryptoCharges.AsNoTracking().FirstOrDefaultAsync(c => c.ProviderChargeId == providerChargeId && c.PlayerId == player, ct);
    }

    /// <summary>The player's withdrawal by the provider's payout id (the sandbox payout page), or null.</summary>
    public async Task<CryptoWithdrawal?> FindPayoutAsync(UserId player, string providerPayoutId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.CryptoWithdrawals.AsNoTracking().FirstOrDefaultAsync(w => w.ProviderPayoutId == providerPayoutId && w.PlayerId == player, ct);
    }

    /// <summary>Opens a charge at the provider for the amount; the player pays it on <see cref="CryptoCharge.PaymentUrl"/>.</summary>
    public async Task<Result<CryptoCharge>> DepositAsync(UserId player, string? currencyCode, string? amountText, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.Crypto, ct) is { } off)
            return Result<CryptoCharge>.Failure(off.Message);
        var currency = CryptoCurrencies.Parse(currencyCode);
        var amount = CryptoAmount.Parse(amountText);
        if (!currency.Succeeded || !amount.Succeeded)
            return Result<CryptoCharge>.Failure([.. currency.Problems, .. amount.Problems]);

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        ProviderCharge opened;
        try
        {
            opened = await provider.CreateChargeAsync(new ChargeRequest(id, currency.Value, amount.Value, now + Options.ChargeLifetime), ct);
        }
        catch (PaymentProviderException e)
        {
            return Result<CryptoCharge>.Failure($"The payment provider did not answer ({e.Message}). Nothing was charged; try again later.");
        }
        var charge = CryptoCharge.Open(id, player, currency.Value, amount.Value, provider.Name, opened, now, Options.ChargeLifetime);
        await using var db = await dbFactory.CreateAsync(ct);
        db.CryptoCharges.Add(charge);
        await db.SaveChangesAsync(ct);
        bus.Publish(new CryptoChanged(player));
        return charge;
    }

    /// <summary>
    /// A provider callback: checked against the shared secret on the raw body, then applied once. A confirmed charge
    /// credits its amount to the player (the ledger entry's key is the charge id, unique, so a repeated or racing callback
    /// changes nothing); a payout's outcome sends or returns the locked amount. Callbacks apply while crypto is off too:
    /// money already paid is never lost.
    /// </summary>
    public async Task<Result<WebhookOutcome>> HandleWebhookAsync(string body, string? signature, CancellationToken ct = default)
    {
        var read = PaymentWebhooks.Read(body, signature, Options.WebhookSecret);
        if (!read.Succeeded)
            return Result<WebhookOutcome>.Failure(read.Problems);
        var e = read.Value;
        return e.Kind switch
        {
            PaymentEventKind.ChargeConfirmed => await SettleChargeAsync(e.ProviderId, ChargeStatus.Confirmed, ct),
            PaymentEventKind.ChargeFailed => await SettleChargeAsync(e.ProviderId, ChargeStatus.Failed, ct),
            PaymentEventKind.ChargeExpired => await SettleChargeAsync(e.ProviderId, ChargeStatus.Expired, ct),
            PaymentEventKind.PayoutCompleted => await FinishPayoutAsync(w => w.ProviderPayoutId == e.ProviderId, WithdrawalStatus.Completed, null, ct),
            PaymentEventKind.PayoutFailed => await FinishPayoutAsync(w => w.ProviderPayoutId == e.ProviderId, WithdrawalStatus.Failed,
                "The payment provider could not send it; the amount and fee are back in your balance.", ct),
            _ => WebhookOutcome.Ignored,
        };
    }

    private async Task<Result<WebhookOutcome>> SettleChargeAsync(string providerChargeId, ChargeStatus status, CancellationToken ct)
    {
        UserId? player = null;
        var result = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var charge = await db.CryptoCharges.FirstOrDefaultAsync(c => c.ProviderChargeId == providerChargeId, ct);
            if (charge is null)
                return Result<WebhookOutcome>.Failure("No such charge.");
            if (charge.Status != ChargeStatus.Pending)
                return WebhookOutcome.AlreadySeen;
            var now = clock.GetUtcNow();
            charge.Settle(status, now);
            if (status == ChargeStatus.Confirmed)
            {
                var balance = await BalanceAsync(db, charge.PlayerId, charge.Currency, ct);
                db.CryptoLedger.Add(balance.Credit(charge.Amount, CryptoLedgerKind.Deposit, $"charge:{charge.ProviderChargeId}",
                    $"deposit:{charge.ProviderChargeId}", now));
            }
            await db.SaveChangesAsync(ct);
            player = charge.PlayerId;
            return WebhookOutcome.Applied;
        });
        if (player is { } owner)
            bus.Publish(new CryptoChanged(owner));
        return result;
    }

    /// <summary>One tick of the expiry worker: pending charges past their time become expired. Idempotent.</summary>
    public async Task<int> ExpireChargesAsync(CancellationToken ct = default)
    {
        var expired = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var now = clock.GetUtcNow();
            var overdue = await db.CryptoCharges.Where(c => c.Status == ChargeStatus.Pending && c.ExpiresAt <= now).Take(500).ToListAsync(ct);
            foreach (var charge in overdue)
                charge.Settle(ChargeStatus.Expired, now);
            await db.SaveChangesAsync(ct);
            return Result<IReadOnlyList<UserId>>.Success([.. overdue.Select(c => c.PlayerId).Distinct()]);
        });
        foreach (var player in expired.Value)
            bus.Publish(new CryptoChanged(player));
        return expired.Value.Count;
    }

    /// <summary>
    /// Asks to send crypto out: valid currency, amount and address, a fresh code from the player's authenticator, within
    /// today's limit, with the fee on top. Amount and fee are locked; above the approval threshold an admin decides,
    /// otherwise it goes to the provider at once. The same <paramref name="idempotencyKey"/> twice asks once.
    /// </summary>
    public async Task<Result<CryptoWithdrawal>> WithdrawAsync(UserId player, WithdrawalForm form, string idempotencyKey, CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.Crypto, ct) is { } off)
            return Result<CryptoWithdrawal>.Failure(off.Message);
        if (idempotencyKey is not { Length: > 0 and <= CryptoLedgerEntry.IdempotencyKeyMaxLength })
            return Result<CryptoWithdrawal>.Failure("This request cannot be sent: refresh the page and try again.");
        var currency = CryptoCurrencies.Parse(form.Currency);
        var amount = CryptoAmount.Parse(form.Amount);
        var address = currency.Succeeded ? CryptoAddresses.Check(currency.Value, form.Address, walletCrypto) : null;
        Problem[] problems = [.. currency.Problems, .. amount.Problems, .. address?.Problems ?? []];
        if (problems.Length > 0)
            return Result<CryptoWithdrawal>.Failure(problems);
        if (!await authenticator.IsOnAsync(player, ct))
            return Result<CryptoWithdrawal>.Failure("Withdrawals need two-factor authentication: set up an authenticator app on your account page first.", "code");
        if (await authenticator.MatchAsync(player, form.Code, clock.GetUtcNow(), ct) is not { } step)
            return Result<CryptoWithdrawal>.Failure("That code is not right: enter the 6 digits your authenticator app shows now.", "code");

        var rules = Options.RulesFor(currency.Value);
        var requested = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            if (await db.CryptoWithdrawals.AsNoTracking().FirstOrDefaultAsync(w => w.PlayerId == player && w.IdempotencyKey == idempotencyKey, ct) is { } earlier)
                return Result<CryptoWithdrawal>.Success(earlier);
            if (await db.CryptoWithdrawals.AnyAsync(w => w.PlayerId == player && w.TotpStep >= step, ct))
                return Result<CryptoWithdrawal>.Failure("That code was already used. Wait for the next code from your app.", "code");
            var now = clock.GetUtcNow();
            var today = (await WithdrawnTodayAsync(db, player, now, ct)).GetValueOrDefault(currency.Value);
            if (today + amount.Value > rules.DailyLimitUnits)
                return Result<CryptoWithdrawal>.Failure(
                    $"That is over your daily limit of {CryptoAmount.Format(rules.DailyLimitUnits, currency.Value)}: you can withdraw "
                    + $"{CryptoAmount.Format(WithdrawalLimits.Remaining(rules.DailyLimitUnits, today), currency.Value)} more today.", "amount");
            var balance = await BalanceAsync(db, player, currency.Value, ct);
            var total = amount.Value + rules.FeeUnits;
            if (balance.Available < total)
                return Result<CryptoWithdrawal>.Failure(
                    $"Not enough {currency.Value}: this needs {CryptoAmount.Format(total)} ({CryptoAmount.Format(amount.Value)} + "
                    + $"{CryptoAmount.Format(rules.FeeUnits)} fee) and you have {CryptoAmount.Format(balance.Available)} available.", "amount");
            var withdrawal = CryptoWithdrawal.Request(player, currency.Value, amount.Value, rules.FeeUnits, address!.Value, step, idempotencyKey,
                needsApproval: amount.Value > rules.ApprovalAboveUnits, now);
            db.CryptoLedger.Add(balance.Lock(total, $"withdrawal:{withdrawal.Id}", idempotencyKey, now).Value);
            db.CryptoWithdrawals.Add(withdrawal);
            await db.SaveChangesAsync(ct);
            return withdrawal;
        });
        if (!requested.Succeeded)
            return requested;
        bus.Publish(new CryptoChanged(player));
        if (requested.Value.Status == WithdrawalStatus.AwaitingApproval)
            bus.Publish(new WithdrawalQueueChanged());
        else if (requested.Value.Status == WithdrawalStatus.Sending && requested.Value.ProviderPayoutId is null)
            await SendAsync(requested.Value.Id, ct);
        return await FindWithdrawalAsync(requested.Value.Id, ct);
    }

    /// <summary>Withdrawals waiting for an admin, oldest first.</summary>
    public async Task<IReadOnlyList<WithdrawalReview>> AwaitingApprovalAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.CryptoWithdrawals.AsNoTracking().Where(w => w.Status == WithdrawalStatus.AwaitingApproval)
            .OrderBy(w => w.RequestedAt).Take(200)
            .Join(db.Players, w => w.PlayerId, p => p.Id, (w, p) => new WithdrawalReview(w, p.DisplayName, p.UserName))
            .ToListAsync(ct);
    }

    public const string ApproveAction = "crypto.withdrawal.approve";
    public const string RejectAction = "crypto.withdrawal.reject";

    /// <summary>An admin lets a withdrawal go (audited); it is handed to the provider at once.</summary>
    public async Task<Result<CryptoWithdrawal>> ApproveAsync(UserId admin, Guid withdrawalId, CancellationToken ct = default)
    {
        var decided = await DecideAsync(admin, withdrawalId, (db, w, now) =>
        {
            w.Approve(admin, now);
            db.AuditLog.Add(Moderation.AuditEntry.Of(admin, ApproveAction, nameof(CryptoWithdrawal), w.Id.ToString(),
                $"Approved {CryptoAmount.Format(w.Amount, w.Currency)} to {w.Address}", now));
            return Task.CompletedTask;
        }, ct);
        if (decided.Succeeded)
            await SendAsync(withdrawalId, ct);
        return decided.Succeeded ? await FindWithdrawalAsync(withdrawalId, ct) : decided;
    }

    /// <summary>An admin refuses a withdrawal with a reason the player reads (audited); the amount and fee are unlocked.</summary>
    public async Task<Result<CryptoWithdrawal>> RejectAsync(UserId admin, Guid withdrawalId, string? reason, CancellationToken ct = default)
    {
        var why = reason?.Trim() ?? "";
        if (why.Length is 0 or > CryptoWithdrawal.NoteMaxLength)
            return Result<CryptoWithdrawal>.Failure($"Give the player a reason (up to {CryptoWithdrawal.NoteMaxLength} characters).", "reason");
        var decided = await DecideAsync(admin, withdrawalId, async (db, w, now) =>
        {
            var balance = await BalanceAsync(db, w.PlayerId, w.Currency, ct);
            db.CryptoLedger.Add(balance.Unlock(w.Total, $"withdrawal:{w.Id}", now));
            w.Reject(admin, why, now);
            db.AuditLog.Add(Moderation.AuditEntry.Of(admin, RejectAction, nameof(CryptoWithdrawal), w.Id.ToString(),
                $"Rejected {CryptoAmount.Format(w.Amount, w.Currency)} to {w.Address}: {why}", now));
            await Notifications.Notify.AddAsync(db, w.PlayerId, Notifications.NotificationType.System,
                $"Your withdrawal of {CryptoAmount.Format(w.Amount, w.Currency)} was not approved: {why} The amount and fee are back in your balance.",
                "/crypto", admin, now, ct);
        }, ct);
        if (decided.Succeeded)
            Notifications.Notify.Announce(bus, [decided.Value.PlayerId]);
        return decided;
    }

    private async Task<Result<CryptoWithdrawal>> DecideAsync(UserId admin, Guid withdrawalId, Func<IPurrrDb, CryptoWithdrawal, DateTimeOffset, Task> decide,
        CancellationToken ct)
    {
        var decided = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            if (!await db.Accounts.AnyAsync(a => a.Id == admin && a.IsAdmin, ct))
                return Result<CryptoWithdrawal>.Failure("Only admins review withdrawals.");
            var withdrawal = await db.CryptoWithdrawals.FirstOrDefaultAsync(w => w.Id == withdrawalId, ct);
            if (withdrawal is null)
                return Result<CryptoWithdrawal>.Failure("There is no such withdrawal.");
            if (withdrawal.Status != WithdrawalStatus.AwaitingApproval)
                return Result<CryptoWithdrawal>.Failure("This withdrawal was already decided.");
            await decide(db, withdrawal, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return withdrawal;
        });
        if (decided.Succeeded)
        {
            bus.Publish(new CryptoChanged(decided.Value.PlayerId));
            bus.Publish(new WithdrawalQueueChanged());
        }
        return decided;
    }

    /// <summary>Hands a withdrawal that is due to the provider; if the provider refuses, it fails and the amount comes back.</summary>
    private async Task SendAsync(Guid withdrawalId, CancellationToken ct)
    {
        var withdrawal = await FindWithdrawalAsync(withdrawalId, ct);
        if (withdrawal is not { Status: WithdrawalStatus.Sending, ProviderPayoutId: null })
            return;
        string payoutId;
        try
        {
            payoutId = await provider.SendPayoutAsync(new PayoutRequest(withdrawal.Id, withdrawal.Currency, withdrawal.Amount, withdrawal.Address), ct);
        }
        catch (PaymentProviderException e)
        {
            await FinishPayoutAsync(w => w.Id == withdrawalId, WithdrawalStatus.Failed, $"The payment provider refused it ({e.Message}); the amount and fee are back in your balance.", ct);
            return;
        }
        await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var current = await db.CryptoWithdrawals.FirstAsync(w => w.Id == withdrawalId, ct);
            if (current.ProviderPayoutId is null)
            {
                current.Sent(payoutId);
                await db.SaveChangesAsync(ct);
            }
            return Result<bool>.Success(true);
        });
        bus.Publish(new CryptoChanged(withdrawal.PlayerId));
    }

    /// <summary>A withdrawal's end: completed (the locked amount leaves) or failed (it comes back). Once only.</summary>
    private async Task<Result<WebhookOutcome>> FinishPayoutAsync(System.Linq.Expressions.Expression<Func<CryptoWithdrawal, bool>> which,
        WithdrawalStatus status, string? note, CancellationToken ct)
    {
        UserId? player = null;
        var result = await Conflicts.RetryAsync(async () =>
        {
            await using var db = await dbFactory.CreateAsync(ct);
            var withdrawal = await db.CryptoWithdrawals.FirstOrDefaultAsync(which, ct);
            if (withdrawal is null)
                return Result<WebhookOutcome>.Failure("No such payout.");
            if (withdrawal.Status != WithdrawalStatus.Sending)
                return WebhookOutcome.AlreadySeen;
            var now = clock.GetUtcNow();
            var balance = await BalanceAsync(db, withdrawal.PlayerId, withdrawal.Currency, ct);
            var reference = $"withdrawal:{withdrawal.Id}";
            db.CryptoLedger.Add(status == WithdrawalStatus.Completed ? balance.Release(withdrawal.Total, reference, now) : balance.Unlock(withdrawal.Total, reference, now));
            withdrawal.Finish(status, note, now);
            await db.SaveChangesAsync(ct);
            player = withdrawal.PlayerId;
            return WebhookOutcome.Applied;
        });
        if (player is { } owner)
            bus.Publish(new CryptoChanged(owner));
        return result;
    }

    private async Task<CryptoWithdrawal> FindWithdrawalAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.CryptoWithdrawals.AsNoTracking().FirstAsync(w => w.Id == id, ct);
    }

    /// <summary>The player's tracked balance row of a currency, added empty to the pending save when there is none yet.</summary>
    internal static async Task<CryptoBalance> BalanceAsync(IPurrrDb db, UserId player, CryptoCurrency currency, CancellationToken ct)
    {
        var balance = await db.CryptoBalances.FirstOrDefaultAsync(b => b.PlayerId == player && b.Currency == currency, ct);
        if (balance is null)
        {
            balance = CryptoBalance.Empty(player, currency);
            db.CryptoBalances.Add(balance);
        }
        return balance;
    }

    /// <summary>What the player asked to withdraw during their local day, per currency (rejected and failed ones do not count).</summary>
    private static async Task<Dictionary<CryptoCurrency, long>> WithdrawnTodayAsync(IPurrrDb db, UserId player, DateTimeOffset now, CancellationToken ct)
    {
        var zone = Player.ZoneOf(await db.Players.Where(p => p.Id == player).Select(p => p.TimeZoneId).FirstOrDefaultAsync(ct));
        var (start, end) = WithdrawalLimits.DayOf(now, zone);
        return await db.CryptoWithdrawals.AsNoTracking()
            .Where(w => w.PlayerId == player && w.RequestedAt >= start && w.RequestedAt < end
                && w.Status != WithdrawalStatus.Rejected && w.Status != WithdrawalStatus.Failed)
            .GroupBy(w => w.Currency)
            .Select(g => new { g.Key, Total = g.Sum(w => w.Amount) })
            .ToDictionaryAsync(g => g.Key, g => g.Total, ct);
    }
}

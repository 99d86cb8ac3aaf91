using Purrr.Core.Common;
using Purrr.Core.Events;

namespace Purrr.Core.Crypto;

/// <summary>What the /crypto page shows: balances of every currency, the recent deposits, withdrawals and ledger.</summary>
public sealed record CryptoOverview(
    IReadOnlyList<CryptoBalanceView> Balances,
    IReadOnlyList<CryptoCharge> Charges,
    IReadOnlyList<CryptoWithdrawal> Withdrawals,
    IReadOnlyList<CryptoLedgerEntry> Ledger,
    bool TwoFactorOn);

/// <summary>One currency's balance with today's withdrawal allowance (in the player's time zone) and its fee.</summary>
public sealed record CryptoBalanceView(CryptoCurrency Currency, long Available, long Locked, long Fee, long DailyLimit, long RemainingToday, long ApprovalAbove);

/// <summary>A withdrawal waiting for an admin, with who asked.</summary>
public sealed record WithdrawalReview(CryptoWithdrawal Withdrawal, string PlayerName, string UserName);

/// <summary>A player's crypto balances, deposits or withdrawals changed; their /crypto tabs reload.</summary>
public sealed record CryptoChanged(UserId Player) : ITopicEvent
{
    public string Topic => $"crypto:{Player}";
}

/// <summary>The list of withdrawals awaiting approval changed (the admin page reloads).</summary>
public sealed record WithdrawalQueueChanged;

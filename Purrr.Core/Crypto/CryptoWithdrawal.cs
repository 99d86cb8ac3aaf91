using Purrr.Core.Common;

namespace Purrr.Core.Crypto;

public enum WithdrawalStatus { AwaitingApproval, Sending, Completed, Failed, Rejected }

/// <summary>
/// A player's request to send crypto out. <see cref="Amount"/> + <see cref="Fee"/> stay locked on the balance until the
/// provider completes it (then they leave) or it is rejected or fails (then they come back).
/// </summary>
public sealed class CryptoWithdrawal
{
    public const int NoteMaxLength = 300;

    private CryptoWithdrawal() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId PlayerId { get; private set; }
    public CryptoCurrency Currency { get; private set; }
    public long Amount { get; private set; }
    public long Fee { get; private set; }
    public string Address { get; private set; } = "";
    public WithdrawalStatus Status { get; private set; }

    /// <summary>The TOTP time step of the code that authorised it: a code is good for one withdrawal only.</summary>
    public long TotpStep { get; private set; }

    public string IdempotencyKey { get; private set; } = "";
    public DateTimeOffset RequestedAt { get; private set; }
    public string? ProviderPayoutId { get; private set; }
    public UserId? ReviewedById { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why it was rejected or failed, for the player.</summary>
    public string? Note { get; private set; }

    public int Version { get; private set; }

    public long Total => Amount + Fee;

    public bool IsOpen => Status is WithdrawalStatus.AwaitingApproval or WithdrawalStatus.Sending;

    internal static CryptoWithdrawal Request(UserId player, CryptoCurrency currency, long amount, long fee, string address, long totpStep,
        string idempotencyKey, bool needsApproval, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), PlayerId = player, Currency = currency, Amount = amount, Fee = fee, Address = address,
        TotpStep = totpStep, IdempotencyKey = idempotencyKey, RequestedAt = now,
        Status = needsApproval ? WithdrawalStatus.AwaitingApproval : WithdrawalStatus.Sending,
    };

    internal void Approve(UserId admin, DateTimeOffset now)
    {
        Status = WithdrawalStatus.Sending;
        ReviewedById = admin;
        ReviewedAt = now;
        Version++;
    }

    internal void Reject(UserId admin, string note, DateTimeOffset now)
    {
        ReviewedById = admin;
        ReviewedAt = now;
        Finish(WithdrawalStatus.Rejected, note, now);
    }

    internal void Sent(string providerPayoutId)
    {
        ProviderPayoutId = providerPayoutId;
        Version++;
    }

    internal void Finish(WithdrawalStatus status, string? note, DateTimeOffset now)
    {
        Status = status;
        Note = note is { Length: > NoteMaxLength } ? note[..NoteMaxLength] : note;
        FinishedAt = now;
        Version++;
    }
}

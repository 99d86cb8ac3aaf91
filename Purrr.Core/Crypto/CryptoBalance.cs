using Purrr.Core.Common;

namespace Purrr.Core.Crypto;

/// <summary>
/// A player's holding of one currency, in minor units: <see cref="Available"/> to spend or withdraw, <see cref="Locked"/>
/// while a withdrawal is pending. Neither ever goes negative; every change returns the <see cref="CryptoLedgerEntry"/>
/// the caller saves in the same transaction.
/// </summary>
public sealed class CryptoBalance
{
    private CryptoBalance() { } // for EF Core

    public UserId PlayerId { get; private set; }
    public CryptoCurrency Currency { get; private set; }
    public long Available { get; private set; }
    public long Locked { get; private set; }
    public int Version { get; private set; }

    public static CryptoBalance Empty(UserId player, CryptoCurrency currency) => new() { PlayerId = player, Currency = currency };

    /// <summary>Money in (a deposit, a prize).</summary>
    public CryptoLedgerEntry Credit(long amount, CryptoLedgerKind kind, string reference, string? idempotencyKey, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        return Change(amount, 0, kind, reference, idempotencyKey, now);
    }

    /// <summary>Money out of the available amount (an entry fee).</summary>
    public Result<CryptoLedgerEntry> Spend(long amount, CryptoLedgerKind kind, string reference, string? idempotencyKey, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (Available < amount)
            return Result<CryptoLedgerEntry>.Failure(NotEnough(amount));
        return Change(-amount, 0, kind, reference, idempotencyKey, now);
    }

    /// <summary>Moves an amount from available to locked (a withdrawal waiting to be sent).</summary>
    public Result<CryptoLedgerEntry> Lock(long amount, string reference, string? idempotencyKey, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (Available < amount)
            return Result<CryptoLedgerEntry>.Failure(NotEnough(amount), "amount");
        return Change(-amount, amount, CryptoLedgerKind.WithdrawalLocked, reference, idempotencyKey, now);
    }

    /// <summary>Gives a locked amount back (a withdrawal rejected or failed).</summary>
    public CryptoLedgerEntry Unlock(long amount, string reference, DateTimeOffset now)
    {
        if (amount <= 0 || Locked < amount)
            throw new InvalidOperationException($"Cannot unlock {amount} of {Locked} locked {Currency}.");
        return Change(amount, -amount, CryptoLedgerKind.WithdrawalReturned, reference, null, now);
    }

    /// <summary>A locked amount leaves for good (a withdrawal sent).</summary>
    public CryptoLedgerEntry Release(long amount, string reference, DateTimeOffset now)
    {
        if (amount <= 0 || Locked < amount)
            throw new InvalidOperationException($"Cannot send {amount} of {Locked} locked {Currency}.");
        return Change(0, -amount, CryptoLedgerKind.WithdrawalSent, reference, null, now);
    }

    private string NotEnough(long amount) =>
        $"Not enough {Currency}: this needs {CryptoAmount.Format(amount)} and you have {CryptoAmount.Format(Available)} available.";

    private CryptoLedgerEntry Change(long available, long locked, CryptoLedgerKind kind, string reference, string? idempotencyKey, DateTimeOffset now)
    {
        Available += available;
        Locked += locked;
        Version++;
        return CryptoLedgerEntry.Create(PlayerId, Currency, kind, available, locked, Available, Locked, reference, idempotencyKey, now);
    }
}

public enum CryptoLedgerKind { Deposit, WithdrawalLocked, WithdrawalSent, WithdrawalReturned, PawMatchFee, PawMatchPrize }

/// <summary>One crypto movement, append-only, written in the same transaction as its cause; kept when an account closes.</summary>
public sealed class CryptoLedgerEntry
{
    public const int ReferenceMaxLength = 100;
    public const int IdempotencyKeyMaxLength = 100;

    private CryptoLedgerEntry() { } // for EF Core

    public long Id { get; private set; }
    public UserId PlayerId { get; private set; }
    public CryptoCurrency Currency { get; private set; }
    public CryptoLedgerKind Kind { get; private set; }

    /// <summary>Change of the available amount, minor units: positive in, negative out.</summary>
    public long AvailableChange { get; private set; }

    /// <summary>Change of the locked amount, minor units.</summary>
    public long LockedChange { get; private set; }

    public long AvailableAfter { get; private set; }
    public long LockedAfter { get; private set; }

    /// <summary>What caused it: <c>charge:{code}</c>, <c>withdrawal:{id}</c>, <c>pawmatch:{id}</c>.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>The same key twice applies once (unique per player): a deposit's charge, a click's key.</summary>
    public string? IdempotencyKey { get; private set; }

    public DateTimeOffset At { get; private set; }

    internal static CryptoLedgerEntry Create(UserId player, CryptoCurrency currency, CryptoLedgerKind kind, long availableChange, long lockedChange,
        long availableAfter, long lockedAfter, string reference, string? idempotencyKey, DateTimeOffset at) => new()
    {
        PlayerId = player, Currency = currency, Kind = kind, AvailableChange = availableChange, LockedChange = lockedChange,
        AvailableAfter = availableAfter, LockedAfter = lockedAfter,
        Reference = reference.Length > ReferenceMaxLength ? reference[..ReferenceMaxLength] : reference,
        IdempotencyKey = idempotencyKey, At = at,
    };
}

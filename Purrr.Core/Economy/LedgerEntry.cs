using Purrr.Core.Common;

namespace Purrr.Core.Economy;

public enum LedgerReason { WelcomeGift, Purchase, BreedingFee, QuestReward, PawMatchFee, PawMatchPrize, ZonePurchase }

/// <summary>
/// One coin movement, append-only, written in the same transaction as its cause. The player's balance is the
/// sum of their entries; <see cref="BalanceAfter"/> keeps the running balance readable.
/// </summary>
public sealed class LedgerEntry
{
    public const int ReferenceMaxLength = 100;
    public const int IdempotencyKeyMaxLength = 64;

    private LedgerEntry() { } // for EF Core

    public long Id { get; private set; }
    public UserId PlayerId { get; private set; }

    /// <summary>Positive for income, negative for spending.</summary>
    public long Amount { get; private set; }

    public long BalanceAfter { get; private set; }
    public LedgerReason Reason { get; private set; }

    /// <summary>What caused it, e.g. <c>item:basic_food×2</c> or <c>breeding:{id}</c>.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>Set by spending operations: the same key twice applies once.</summary>
    public string? IdempotencyKey { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The id in a reference such as <c>zone:{id}</c>, when the reference has that prefix.</summary>
    public Guid? ReferencedId(string prefix) =>
        Reference.StartsWith(prefix + ":", StringComparison.Ordinal) && Guid.TryParse(Reference.AsSpan(prefix.Length + 1), out var id) ? id : null;

    internal static LedgerEntry Create(UserId player, long amount, long balanceAfter, LedgerReason reason, string reference, string? idempotencyKey, DateTimeOffset at) => new()
    {
        PlayerId = player,
        Amount = amount,
        BalanceAfter = balanceAfter,
        Reason = reason,
        Reference = reference.Length > ReferenceMaxLength ? reference[..ReferenceMaxLength] : reference,
        IdempotencyKey = idempotencyKey,
        At = at,
    };
}

using Purrr.Core.Common;

namespace Purrr.Core.Crypto;

public enum ChargeStatus { Pending, Confirmed, Failed, Expired }

/// <summary>
/// A deposit the player asked for: the provider's charge (<see cref="ProviderChargeId"/>, unique), the amount it pays
/// and where to pay it. Confirmed once at most; until then it expires after <see cref="CryptoOptions.ChargeLifetime"/>.
/// </summary>
public sealed class CryptoCharge
{
    public const int ProviderIdMaxLength = 100;
    public const int PaymentUrlMaxLength = 500;

    private CryptoCharge() { } // for EF Core

    public Guid Id { get; private set; }
    public UserId PlayerId { get; private set; }
    public CryptoCurrency Currency { get; private set; }
    public long Amount { get; private set; }
    public string Provider { get; private set; } = "";
    public string ProviderChargeId { get; private set; } = "";
    public string PaymentUrl { get; private set; } = "";
    public ChargeStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen(DateTimeOffset now) => Status == ChargeStatus.Pending && now < ExpiresAt;

    internal static CryptoCharge Open(Guid id, UserId player, CryptoCurrency currency, long amount, string provider, ProviderCharge charge,
        DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = id, PlayerId = player, Currency = currency, Amount = amount, Provider = provider,
        ProviderChargeId = charge.ProviderChargeId, PaymentUrl = charge.PaymentUrl,
        Status = ChargeStatus.Pending, CreatedAt = now, ExpiresAt = now + lifetime,
    };

    internal void Settle(ChargeStatus status, DateTimeOffset now)
    {
        Status = status;
        SettledAt = now;
        Version++;
    }
}

namespace Purrr.Core.Crypto;

/// <summary>
/// A crypto payment provider (spec §5): it creates charges a player pays on its page, sends payouts, and reports both
/// back by signed webhook (<see cref="PaymentWebhooks"/>). The sandbox provider is the default; a Coinbase Commerce
/// adapter talks to the real one. Failures to reach it are <see cref="PaymentProviderException"/>.
/// </summary>
public interface IPaymentProvider
{
    /// <summary>Shown to admins and stored on each charge.</summary>
    string Name { get; }

    Task<ProviderCharge> CreateChargeAsync(ChargeRequest request, CancellationToken ct = default);

    /// <summary>Hands a withdrawal to the provider; its outcome comes back later as a webhook.</summary>
    Task<string> SendPayoutAsync(PayoutRequest request, CancellationToken ct = default);
}

public sealed record ChargeRequest(Guid ChargeId, CryptoCurrency Currency, long Amount, DateTimeOffset ExpiresAt);

/// <summary>The provider's id for a charge and the page where the player pays it.</summary>
public sealed record ProviderCharge(string ProviderChargeId, string PaymentUrl);

public sealed record PayoutRequest(Guid WithdrawalId, CryptoCurrency Currency, long Amount, string Address);

/// <summary>The provider could not be reached or refused the request; the message is for admins' logs and players alike.</summary>
public sealed class PaymentProviderException(string message, Exception? inner = null) : Exception(message, inner);

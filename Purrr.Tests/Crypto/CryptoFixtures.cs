using Microsoft.Extensions.Options;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Crypto;
using Purrr.Core.Events;
using Purrr.Core.Persistence;
using Purrr.Data.Accounts;
using Purrr.Data.Blockchain;
using Purrr.Data.Payments;

namespace Purrr.Tests.Crypto;

/// <summary>The sandbox provider, with payouts that can be made to fail as a real provider's would.</summary>
public sealed class TestPaymentProvider : IPaymentProvider
{
    private readonly SandboxPaymentProvider sandbox = new();

    public bool RefusePayouts { get; set; }
    public List<PayoutRequest> Payouts { get; } = [];

    public string Name => sandbox.Name;

    public Task<ProviderCharge> CreateChargeAsync(ChargeRequest request, CancellationToken ct = default) => sandbox.CreateChargeAsync(request, ct);

    public Task<string> SendPayoutAsync(PayoutRequest request, CancellationToken ct = default)
    {
        if (RefusePayouts)
            throw new PaymentProviderException("the sandbox was told to refuse");
        Payouts.Add(request);
        return sandbox.SendPayoutAsync(request, ct);
    }
}

/// <summary>Builds a crypto service over a test's database and clock, and plays the provider and the authenticator app.</summary>
public static class CryptoFixtures
{
    public const string Secret = "test-webhook-secret";
    public const string EthAddress = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    public static CryptoOptions Options() => new() { WebhookSecret = Secret };

    public static CryptoService Service(IPurrrDbFactory db, TimeProvider clock, IEventBus bus, FeatureFlags flags, IPaymentProvider provider, CryptoOptions? options = null) =>
        new(db, clock, bus, flags, provider, new TotpAuthenticator(db, clock), new NethereumWalletCrypto(), Microsoft.Extensions.Options.Options.Create(options ?? Options()));

    /// <summary>The provider's signed callback, as it arrives at the endpoint.</summary>
    public static (string Body, string Signature) Callback(string type, string providerId, string secret = Secret)
    {
        var body = PaymentWebhooks.Body(Guid.NewGuid().ToString(), type, providerId, DateTimeOffset.UnixEpoch);
        return (body, PaymentWebhooks.Sign(body, secret));
    }

    /// <summary>Sets up the player's authenticator as the account page does and returns its key.</summary>
    public static async Task<string> TurnOnTwoFactorAsync(IPurrrDbFactory db, TimeProvider clock, UserId player)
    {
        var authenticator = new TotpAuthenticator(db, clock);
        var key = (await authenticator.SetupAsync(player)).Key;
        Assert.True((await authenticator.ConfirmAsync(player, TotpAuthenticator.CodeAt(key, clock.GetUtcNow()))).Succeeded);
        return key;
    }
}

using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Purrr.Core.Common;
using Purrr.Core.Crypto;

namespace Purrr.Data.Payments;

/// <summary>
/// The default provider: no money moves. A charge is paid on the app's own sandbox page (<see cref="PaymentPagePath"/>),
/// whose buttons make <see cref="SandboxCallbacks"/> call the webhook endpoint exactly as a real provider would (signed
/// HTTP POST); payouts wait for the sandbox payout page's "complete" or "fail".
/// </summary>
public sealed class SandboxPaymentProvider : IPaymentProvider
{
    public const string ProviderName = "Sandbox";
    public const string PaymentPagePath = "crypto/sandbox/";
    public const string PayoutPagePath = "crypto/sandbox/payout/";

    public string Name => ProviderName;

    public Task<ProviderCharge> CreateChargeAsync(ChargeRequest request, CancellationToken ct = default)
    {
        var code = "SBX" + NewCode();
        return Task.FromResult(new ProviderCharge(code, "/" + PaymentPagePath + code));
    }

    public Task<string> SendPayoutAsync(PayoutRequest request, CancellationToken ct = default) => Task.FromResult("SBXP" + NewCode());

    // Like a provider's charge codes: short, unguessable, readable.
    private static string NewCode() => RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12);
}

/// <summary>The sandbox's side of a callback: a signed event POSTed over HTTP to the app's webhook endpoint.</summary>
public sealed class SandboxCallbacks(HttpClient http, IOptions<CryptoOptions> options, TimeProvider clock)
{
    public const string WebhookPath = "payments/webhook";

    /// <summary>Sends <paramref name="type"/> (<c>charge:confirmed</c>, <c>payout:failed</c>…) for the provider id to the app at <paramref name="appBase"/>.</summary>
    public async Task<Result<bool>> SendAsync(Uri appBase, string type, string providerId, CancellationToken ct = default)
    {
        var body = PaymentWebhooks.Body(Guid.NewGuid().ToString(), type, providerId, clock.GetUtcNow());
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(appBase, WebhookPath))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(PaymentWebhooks.SignatureHeader, PaymentWebhooks.Sign(body, options.Value.WebhookSecret));
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode
                ? true
                : Result<bool>.Failure($"The app answered the sandbox's callback with {(int)response.StatusCode}.");
        }
        catch (HttpRequestException e)
        {
            return Result<bool>.Failure($"The sandbox could not reach the app's webhook ({e.Message}).");
        }
    }
}

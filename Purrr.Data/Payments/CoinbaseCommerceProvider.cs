using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Purrr.Core.Crypto;

namespace Purrr.Data.Payments;

/// <summary>Settings of the Coinbase Commerce adapter (section <c>Crypto:CoinbaseCommerce</c>); its webhooks use <c>Crypto:WebhookSecret</c>.</summary>
public sealed class CoinbaseCommerceOptions
{
    public const string Section = "Crypto:CoinbaseCommerce";

    public string ApiKey { get; set; } = "";
    public string ApiUrl { get; set; } = "https://api.commerce.coinbase.com/";
}

/// <summary>
/// Coinbase Commerce: charges are created over its REST API and paid on its hosted page; it reports them to the webhook
/// endpoint signed with the shared secret (<see cref="PaymentWebhooks"/>). Commerce does not send payouts, so
/// withdrawals through it fail cleanly and unlock (send them with another provider).
/// </summary>
public sealed class CoinbaseCommerceProvider(HttpClient http, IOptions<CoinbaseCommerceOptions> options) : IPaymentProvider
{
    public const string ProviderName = "CoinbaseCommerce";

    public string Name => ProviderName;

    public async Task<ProviderCharge> CreateChargeAsync(ChargeRequest request, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(options.Value.ApiKey))
            throw new PaymentProviderException("Crypto:CoinbaseCommerce:ApiKey is not set");
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(options.Value.ApiUrl), "charges"))
        {
            Content = JsonContent.Create(new
            {
                name = "Purrr deposit",
                description = $"{CryptoAmount.Format(request.Amount, request.Currency)} to your Purrr balance",
                pricing_type = "fixed_price",
                local_price = new { amount = CryptoAmount.Format(request.Amount), currency = request.Currency.ToString() },
                metadata = new { purrr_charge = request.ChargeId },
            }),
        };
        message.Headers.Add("X-CC-Api-Key", options.Value.ApiKey);
        message.Headers.Add("X-CC-Version", "2018-03-22");
        try
        {
            using var response = await http.SendAsync(message, ct);
            if (!response.IsSuccessStatusCode)
                throw new PaymentProviderException($"Coinbase Commerce answered {(int)response.StatusCode}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var data = json.RootElement.GetProperty("data");
            return new ProviderCharge(data.GetProperty("code").GetString()!, data.GetProperty("hosted_url").GetString()!);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PaymentProviderException("Coinbase Commerce could not be reached", e);
        }
    }

    public Task<string> SendPayoutAsync(PayoutRequest request, CancellationToken ct = default) =>
        throw new PaymentProviderException("Coinbase Commerce does not send payouts");
}

/// <summary>Registers the configured payment provider (<c>Crypto:Provider</c>), the sandbox's callbacks and the authenticator.</summary>
public static class PaymentServices
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddPurrrPayments(this Microsoft.Extensions.DependencyInjection.IServiceCollection services,
        Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<CryptoOptions>(configuration.GetSection(CryptoOptions.Section));
        // No secret configured: a random one for this process, which both signs (sandbox) and checks (endpoint).
        var processSecret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        services.PostConfigure<CryptoOptions>(o => o.WebhookSecret = string.IsNullOrEmpty(o.WebhookSecret) ? processSecret : o.WebhookSecret);
        services.Configure<CoinbaseCommerceOptions>(configuration.GetSection(CoinbaseCommerceOptions.Section));
        services.AddSingleton<IAuthenticator, Accounts.TotpAuthenticator>();
        services.AddHttpClient<SandboxCallbacks>(c => c.Timeout = TimeSpan.FromSeconds(10));
        var provider = configuration[$"{CryptoOptions.Section}:Provider"] ?? SandboxPaymentProvider.ProviderName;
        if (string.Equals(provider, CoinbaseCommerceProvider.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            services.AddHttpClient<CoinbaseCommerceProvider>(c => c.Timeout = TimeSpan.FromSeconds(10));
            services.AddSingleton<IPaymentProvider>(sp => sp.GetRequiredService<CoinbaseCommerceProvider>());
        }
        else if (string.Equals(provider, SandboxPaymentProvider.ProviderName, StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IPaymentProvider, SandboxPaymentProvider>();
        else
            throw new InvalidOperationException($"Crypto:Provider must be Sandbox or CoinbaseCommerce, not '{provider}'.");
        return services;
    }
}

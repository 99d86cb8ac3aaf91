namespace Purrr.Core.Crypto;

/// <summary>Crypto settings (section <c>Crypto</c>): the provider, its webhook secret and per-currency fees and limits.</summary>
public sealed class CryptoOptions
{
    public const string Section = "Crypto";

    /// <summary><c>Sandbox</c> (default, in-app payment page) or <c>CoinbaseCommerce</c>.</summary>
    public string Provider { get; set; } = "Sandbox";

    /// <summary>The shared secret webhooks are signed with. Empty: a random one per process (fine for the sandbox on one instance).</summary>
    public string WebhookSecret { get; set; } = "";

    public int ChargeLifetimeMinutes { get; set; } = 60;

    public TimeSpan ChargeLifetime => TimeSpan.FromMinutes(ChargeLifetimeMinutes);

    /// <summary>How often the worker expires overdue charges.</summary>
    public int ExpirySweepSeconds { get; set; } = 60;

    public Dictionary<CryptoCurrency, CurrencyRules> Currencies { get; set; } = new()
    {
        [CryptoCurrency.BTC] = new() { Fee = 0.0001m, DailyLimit = 0.05m, ApprovalAbove = 0.01m },
        [CryptoCurrency.ETH] = new() { Fee = 0.0005m, DailyLimit = 1m, ApprovalAbove = 0.25m },
        [CryptoCurrency.USDC] = new() { Fee = 1m, DailyLimit = 2_000m, ApprovalAbove = 500m },
        [CryptoCurrency.SOL] = new() { Fee = 0.01m, DailyLimit = 50m, ApprovalAbove = 10m },
        [CryptoCurrency.XRP] = new() { Fee = 0.2m, DailyLimit = 5_000m, ApprovalAbove = 1_000m },
    };

    public CurrencyRules RulesFor(CryptoCurrency currency) =>
        Currencies.TryGetValue(currency, out var rules) ? rules : throw new InvalidOperationException($"Crypto:Currencies:{currency} is not configured.");
}

/// <summary>One currency's withdrawal rules, in coins (at most 8 decimals).</summary>
public sealed class CurrencyRules
{
    /// <summary>Charged on top of each withdrawal.</summary>
    public decimal Fee { get; set; }

    /// <summary>The most a player may withdraw per day of their own time zone (fees not counted).</summary>
    public decimal DailyLimit { get; set; }

    /// <summary>Withdrawals above this wait for an admin.</summary>
    public decimal ApprovalAbove { get; set; }

    public long FeeUnits => CryptoAmount.FromDecimal(Fee);
    public long DailyLimitUnits => CryptoAmount.FromDecimal(DailyLimit);
    public long ApprovalAboveUnits => CryptoAmount.FromDecimal(ApprovalAbove);
}

using Purrr.Core.Crypto;
using Purrr.Data.Blockchain;

namespace Purrr.Tests.Crypto;

/// <summary>The pure rules of crypto: amounts in minor units, addresses per currency, the daily window, webhook signatures.</summary>
public sealed class CryptoRulesTests
{
    [Theory]
    [InlineData("0.001", 100_000)]
    [InlineData("1", 100_000_000)]
    [InlineData(" 12.5 ", 1_250_000_000)]
    [InlineData(".5", 50_000_000)]
    [InlineData("0.00000001", 1)]
    [InlineData("0.12345678", 12_345_678)]
    [InlineData("007.10", 710_000_000)]
    public void Amounts_parse_to_exact_minor_units(string text, long units)
    {
        Assert.Equal(units, CryptoAmount.Parse(text).Value);
    }

    [Theory]
    [InlineData("0.000000001", "Amounts have at most 8 decimal places.")]
    [InlineData("1.123456789", "Amounts have at most 8 decimal places.")]
    [InlineData("-1", "The amount must be more than zero.")]
    [InlineData("0", "The amount must be more than zero.")]
    [InlineData("0.00000000", "The amount must be more than zero.")]
    [InlineData("", "Enter an amount, like 0.001.")]
    [InlineData(null, "Enter an amount, like 0.001.")]
    [InlineData("1e-3", "Enter the amount as a plain number, like 0.001.")]
    [InlineData("1,5", "Enter the amount as a plain number, like 0.001.")]
    [InlineData("1.2.3", "Enter the amount as a plain number, like 0.001.")]
    [InlineData("+1", "Enter the amount as a plain number, like 0.001.")]
    [InlineData(".", "Enter the amount as a plain number, like 0.001.")]
    [InlineData("99999999999999", "That amount is far too large.")]
    public void Bad_amounts_are_refused_with_a_clear_message(string? text, string message)
    {
        var parsed = CryptoAmount.Parse(text);
        Assert.False(parsed.Succeeded);
        Assert.Equal(message, parsed.FirstMessage);
        Assert.Equal("amount", parsed.Problems[0].Field);
    }

    [Theory]
    [InlineData(100_000, "0.001")]
    [InlineData(100_000_000, "1")]
    [InlineData(1, "0.00000001")]
    [InlineData(-50_000_000, "-0.5")]
    [InlineData(0, "0")]
    public void Amounts_format_without_trailing_zeros(long units, string text)
    {
        Assert.Equal(text, CryptoAmount.Format(units));
        if (units > 0)
            Assert.Equal(units, CryptoAmount.Parse(text).Value);
    }

    [Fact]
    public void Minor_unit_sums_are_exact_where_floating_point_is_not()
    {
        var tenth = CryptoAmount.Parse("0.1").Value;
        var twoTenths = CryptoAmount.Parse("0.2").Value;
        Assert.Equal(CryptoAmount.Parse("0.3").Value, tenth + twoTenths);
        Assert.Equal("0.3", CryptoAmount.Format(tenth + twoTenths));
        Assert.Equal(50_000, CryptoAmount.FromDecimal(0.0005m));
        Assert.Throws<ArgumentOutOfRangeException>(() => CryptoAmount.FromDecimal(0.000000001m));
    }

    [Theory]
    [InlineData("eth", CryptoCurrency.ETH)]
    [InlineData("USDC", CryptoCurrency.USDC)]
    [InlineData(" xrp ", CryptoCurrency.XRP)]
    public void Currencies_parse_by_code(string code, CryptoCurrency currency) => Assert.Equal(currency, CryptoCurrencies.Parse(code).Value);

    [Theory]
    [InlineData("DOGE")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_currencies_are_refused_with_the_list(string? code) =>
        Assert.Equal("Choose one of BTC, ETH, USDC, SOL, XRP.", CryptoCurrencies.Parse(code).FirstMessage);

    private static readonly NethereumWalletCrypto Wallets = new();

    [Theory]
    [InlineData(CryptoCurrency.ETH, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData(CryptoCurrency.USDC, "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")] // no checksum given: stored checksummed
    [InlineData(CryptoCurrency.BTC, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")]
    [InlineData(CryptoCurrency.BTC, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")]
    [InlineData(CryptoCurrency.BTC, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")]
    [InlineData(CryptoCurrency.SOL, "So11111111111111111111111111111111111111112", "So11111111111111111111111111111111111111112")]
    [InlineData(CryptoCurrency.SOL, "11111111111111111111111111111111", "11111111111111111111111111111111")]
    [InlineData(CryptoCurrency.XRP, "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh")]
    public void Valid_addresses_are_accepted_per_currency(CryptoCurrency currency, string address, string stored) =>
        Assert.Equal(stored, CryptoAddresses.Check(currency, address, Wallets).Value);

    [Theory]
    [InlineData(CryptoCurrency.ETH, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "That ETH address's checksum does not match: check it for typos.")]
    [InlineData(CryptoCurrency.USDC, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "That is not a valid USDC address (0x and 40 hex digits): check it for typos.")]
    [InlineData(CryptoCurrency.ETH, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "That is not a valid ETH address (0x and 40 hex digits): check it for typos.")]
    [InlineData(CryptoCurrency.BTC, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "That is not a valid BTC address (1…, 3… or bc1…): check it for typos.")] // checksum broken
    [InlineData(CryptoCurrency.BTC, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdb", "That is not a valid BTC address (1…, 3… or bc1…): check it for typos.")] // 'b' is not bech32
    [InlineData(CryptoCurrency.BTC, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "That is not a valid BTC address (1…, 3… or bc1…): check it for typos.")]
    [InlineData(CryptoCurrency.SOL, "So1111111111111111111111111111111111111111l", "That is not a valid SOL address (32 to 44 base58 characters): check it for typos.")] // 'l' is not base58
    [InlineData(CryptoCurrency.SOL, "So111111111", "That is not a valid SOL address (32 to 44 base58 characters): check it for typos.")]
    [InlineData(CryptoCurrency.XRP, "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTj", "That is not a valid XRP address (r…): check it for typos.")]
    [InlineData(CryptoCurrency.XRP, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "That is not a valid XRP address (r…): check it for typos.")]
    [InlineData(CryptoCurrency.XRP, "", "Enter the XRP address to send to.")]
    public void Invalid_addresses_are_refused_per_currency(CryptoCurrency currency, string address, string message)
    {
        var checkedAddress = CryptoAddresses.Check(currency, address, Wallets);
        Assert.Equal(message, checkedAddress.FirstMessage);
        Assert.Equal("address", checkedAddress.Problems[0].Field);
    }

    [Fact]
    public void The_withdrawal_day_is_the_players_local_day_across_midnight()
    {
        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"); // UTC+9, no DST
        // 14:59 UTC is 23:59 in Tokyo; one minute later it is the next local day.
        var (start, end) = WithdrawalLimits.DayOf(new DateTimeOffset(2026, 3, 10, 14, 59, 0, TimeSpan.Zero), tokyo);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero), start.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero), end.ToUniversalTime());
        var (nextStart, _) = WithdrawalLimits.DayOf(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero), tokyo);
        Assert.Equal(end, nextStart);
    }

    [Fact]
    public void A_local_day_with_a_clock_change_is_23_or_25_hours()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var (springStart, springEnd) = WithdrawalLimits.DayOf(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero), paris);
        Assert.Equal(TimeSpan.FromHours(23), springEnd - springStart);
        var (autumnStart, autumnEnd) = WithdrawalLimits.DayOf(new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero), paris);
        Assert.Equal(TimeSpan.FromHours(25), autumnEnd - autumnStart);
        Assert.Equal(0, WithdrawalLimits.Remaining(100, 150));
    }

    private const string Secret = "whsec-test";

    [Fact]
    public void A_signed_webhook_is_read()
    {
        var body = PaymentWebhooks.Body("evt-1", "charge:confirmed", "SBXABC", DateTimeOffset.UnixEpoch);
        var read = PaymentWebhooks.Read(body, PaymentWebhooks.Sign(body, Secret), Secret);
        Assert.Equal(new PaymentEvent("evt-1", PaymentEventKind.ChargeConfirmed, "SBXABC"), read.Value);
        Assert.Equal(PaymentEventKind.PayoutFailed, PaymentWebhooks.Read(Signed("payout:failed"), PaymentWebhooks.Sign(Signed("payout:failed"), Secret), Secret).Value.Kind);

        static string Signed(string type) => PaymentWebhooks.Body("evt-2", type, "SBXP1", DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void A_tampered_body_a_wrong_secret_or_a_malformed_signature_is_refused()
    {
        var body = PaymentWebhooks.Body("evt-1", "charge:confirmed", "SBXABC", DateTimeOffset.UnixEpoch);
        var signature = PaymentWebhooks.Sign(body, Secret);
        const string refused = "The webhook signature is not valid.";
        Assert.Equal(refused, PaymentWebhooks.Read(body.Replace("SBXABC", "SBXABD"), signature, Secret).FirstMessage);
        Assert.Equal(refused, PaymentWebhooks.Read(body, PaymentWebhooks.Sign(body, "another"), Secret).FirstMessage);
        Assert.Equal(refused, PaymentWebhooks.Read(body, signature.ToUpperInvariant()[..63], Secret).FirstMessage);
        Assert.Equal(refused, PaymentWebhooks.Read(body, null, Secret).FirstMessage);
        Assert.Equal(refused, PaymentWebhooks.Read(body, signature, "").FirstMessage);
        Assert.True(PaymentWebhooks.Read(body, signature.ToUpperInvariant(), Secret).Succeeded); // hex case does not matter
        Assert.Equal("The webhook body is not an event.", PaymentWebhooks.Read("{}", PaymentWebhooks.Sign("{}", Secret), Secret).FirstMessage);
    }
}

namespace Purrr.Core.Crypto;

/// <summary>
/// Paw Match with a crypto entry fee (spec §5, when crypto is on): the same fee tiers and prize rule as coins, each coin
/// of the tier paid as a fixed small amount of the chosen currency.
/// </summary>
public static class CryptoPawMatch
{
    /// <summary>Minor units one coin of a fee or prize is worth, per currency.</summary>
    public static long UnitsPerCoin(CryptoCurrency currency) => currency switch
    {
        CryptoCurrency.BTC => 10,             // 10 coins = 0.000001 BTC
        CryptoCurrency.ETH => 100,            // 10 coins = 0.00001 ETH
        CryptoCurrency.SOL => 10_000,         // 10 coins = 0.001 SOL
        _ => 1_000_000,                       // USDC, XRP: 10 coins = 0.1
    };

    public static long Units(long coins, CryptoCurrency currency) => coins * UnitsPerCoin(currency);
}

using Purrr.Core.Common;

namespace Purrr.Core.Crypto;

/// <summary>The crypto currencies a player may hold (spec §5).</summary>
public enum CryptoCurrency { BTC, ETH, USDC, SOL, XRP }

public static class CryptoCurrencies
{
    public static readonly IReadOnlyList<CryptoCurrency> All = Enum.GetValues<CryptoCurrency>();

    public static string Name(CryptoCurrency currency) => currency switch
    {
        CryptoCurrency.BTC => "Bitcoin",
        CryptoCurrency.ETH => "Ether",
        CryptoCurrency.USDC => "USD Coin",
        CryptoCurrency.SOL => "Solana",
        _ => "XRP",
    };

    /// <summary>A currency code as typed or sent by a form ("eth", "ETH"); anything else is refused with the list.</summary>
    public static Result<CryptoCurrency> Parse(string? code, string field = "currency") =>
        code is not null && code.Trim() is { Length: > 0 and <= 5 } trimmed && !int.TryParse(trimmed, out _)
            && Enum.TryParse<CryptoCurrency>(trimmed, ignoreCase: true, out var currency) && Enum.IsDefined(currency)
            ? currency
            : Result<CryptoCurrency>.Failure($"Choose one of {string.Join(", ", All)}.", field);
}

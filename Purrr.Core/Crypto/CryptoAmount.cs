using System.Globalization;
using Purrr.Core.Common;

namespace Purrr.Core.Crypto;

/// <summary>
/// Crypto amounts are whole numbers of minor units (10⁻⁸ of a coin, spec §5) on both database providers: no rounding
/// ever happens, and sums are exact. Text in and out goes through <see cref="Parse"/> and <see cref="Format"/>.
/// </summary>
public static class CryptoAmount
{
    public const int Decimals = 8;
    public const long UnitsPerCoin = 100_000_000;

    /// <summary>The most a single amount may be: 10 billion coins keeps every sum of them far inside a long.</summary>
    public const long MaxUnits = 10_000_000_000L * UnitsPerCoin;

    /// <summary>
    /// A positive amount as a player types it ("0.001", "12", "1.5"): digits with at most one decimal point and at most
    /// 8 decimals. Signs, exponents, thousands separators and a 9th decimal are refused, never rounded.
    /// </summary>
    public static Result<long> Parse(string? text, string field = "amount")
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Result<long>.Failure("Enter an amount, like 0.001.", field);
        if (trimmed.StartsWith('-'))
            return Result<long>.Failure("The amount must be more than zero.", field);
        var point = trimmed.IndexOf('.');
        var whole = point < 0 ? trimmed : trimmed[..point];
        var fraction = point < 0 ? "" : trimmed[(point + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
            return Result<long>.Failure("Enter the amount as a plain number, like 0.001.", field);
        if (fraction.Length > Decimals)
            return Result<long>.Failure($"Amounts have at most {Decimals} decimal places.", field);
        whole = whole.TrimStart('0');
        if (whole.Length > 11)
            return Result<long>.Failure("That amount is far too large.", field);
        var units = (whole.Length == 0 ? 0 : long.Parse(whole, CultureInfo.InvariantCulture)) * UnitsPerCoin
            + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(Decimals, '0'), CultureInfo.InvariantCulture));
        if (units == 0)
            return Result<long>.Failure("The amount must be more than zero.", field);
        return units > MaxUnits ? Result<long>.Failure("That amount is far too large.", field) : units;
    }

    /// <summary>Minor units of a configured decimal amount (fees and limits); more than 8 decimals is a configuration error.</summary>
    public static long FromDecimal(decimal amount)
    {
        var units = amount * UnitsPerCoin;
        if (units != decimal.Truncate(units) || units < 0 || units > MaxUnits)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A crypto amount has at most {Decimals} decimals and is not negative.");
        return (long)units;
    }

    /// <summary>An amount without trailing zeros ("0.001", "12", "-0.5"), invariant culture.</summary>
    public static string Format(long units)
    {
        var sign = units < 0 ? "-" : "";
        var magnitude = units == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(units);
        var whole = magnitude / UnitsPerCoin;
        var fraction = (magnitude % UnitsPerCoin).ToString("D8", CultureInfo.InvariantCulture).TrimEnd('0');
        return fraction.Length == 0 ? $"{sign}{whole}" : $"{sign}{whole}.{fraction}";
    }

    /// <summary>An amount with its currency, e.g. "0.001 ETH".</summary>
    public static string Format(long units, CryptoCurrency currency) => $"{Format(units)} {currency}";
}

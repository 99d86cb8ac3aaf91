using System.Numerics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;

namespace Purrr.Core.Crypto;

/// <summary>
/// Whether a withdrawal address can belong to the currency: ETH and USDC (an ERC-20) are EVM addresses whose mixed-case
/// checksum (EIP-55) must hold; BTC legacy and XRP addresses carry a base58check checksum; BTC SegWit (bech32) and SOL
/// are checked by format (charset, length, 32-byte key for SOL).
/// </summary>
public static partial class CryptoAddresses
{
    public const int MaxLength = 100;

    private const string BitcoinAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string RippleAlphabet = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";

    /// <summary>The address as it will be stored (EVM addresses checksummed), or a message naming the currency.</summary>
    public static Result<string> Check(CryptoCurrency currency, string? address, IWalletCrypto crypto, string field = "address")
    {
        var trimmed = address?.Trim() ?? "";
        if (trimmed.Length == 0)
            return Result<string>.Failure($"Enter the {currency} address to send to.", field);
        if (trimmed.Length > MaxLength)
            return Result<string>.Failure($"That is not a {currency} address.", field);
        return currency switch
        {
            CryptoCurrency.ETH or CryptoCurrency.USDC => CheckEvm(currency, trimmed, crypto, field),
            CryptoCurrency.BTC => IsBitcoin(trimmed) ? trimmed : Refuse(currency, "1…, 3… or bc1…", field),
            CryptoCurrency.SOL => Base58(trimmed, BitcoinAlphabet) is { Length: 32 } && trimmed.Length is >= 32 and <= 44
                ? trimmed : Refuse(currency, "32 to 44 base58 characters", field),
            _ => trimmed.StartsWith('r') && IsBase58Check(trimmed, RippleAlphabet, version: 0) ? trimmed : Refuse(currency, "r…", field),
        };
    }

    private static Result<string> Refuse(CryptoCurrency currency, string shape, string field) =>
        Result<string>.Failure($"That is not a valid {currency} address ({shape}): check it for typos.", field);

    private static Result<string> CheckEvm(CryptoCurrency currency, string address, IWalletCrypto crypto, string field)
    {
        if (!WalletRules.IsAddress(address))
            return Refuse(currency, "0x and 40 hex digits", field);
        var checksummed = crypto.Checksummed(address);
        var hex = address[2..];
        var mixedCase = hex.Any(char.IsAsciiLetterUpper) && hex.Any(char.IsAsciiLetterLower);
        // All lower or all upper case carries no checksum; mixed case does, and a typo breaks it.
        if (mixedCase && !string.Equals(checksummed, address, StringComparison.Ordinal))
            return Result<string>.Failure($"That {currency} address's checksum does not match: check it for typos.", field);
        return checksummed;
    }

    private static bool IsBitcoin(string address)
    {
        if (Bech32().IsMatch(address.ToLowerInvariant()) && (address == address.ToLowerInvariant() || address == address.ToUpperInvariant()))
            return true;
        return address[0] is '1' or '3' && address.Length is >= 26 and <= 35
            && IsBase58Check(address, BitcoinAlphabet, version: address[0] == '1' ? (byte)0x00 : (byte)0x05);
    }

    /// <summary>A 25-byte base58check payload: version byte, 20-byte hash, the first 4 bytes of SHA-256(SHA-256(the rest)).</summary>
    private static bool IsBase58Check(string address, string alphabet, byte version)
    {
        if (Base58(address, alphabet) is not { Length: 25 } bytes || bytes[0] != version)
            return false;
        var check = SHA256.HashData(SHA256.HashData(bytes.AsSpan(0, 21)));
        return bytes.AsSpan(21).SequenceEqual(check.AsSpan(0, 4));
    }

    private static byte[]? Base58(string text, string alphabet)
    {
        BigInteger value = 0;
        foreach (var c in text)
        {
            var digit = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
                return null;
            value = value * 58 + digit;
        }
        var leadingZeros = text.TakeWhile(c => c == alphabet[0]).Count();
        var body = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        return [.. new byte[leadingZeros], .. body];
    }

    // bc1 + witness version + program: bech32's 32-character alphabet, 42 (P2WPKH) to 62 (P2TR/P2WSH) characters in all.
    [GeneratedRegex("^bc1[ac-hj-np-z02-9]{39,59}$")]
    private static partial Regex Bech32();
}

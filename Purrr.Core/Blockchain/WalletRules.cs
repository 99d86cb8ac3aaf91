using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Nethereum.Signer;
using Nethereum.Util;

namespace Purrr.Core.Blockchain;

/// <summary>The rules of proving a wallet: the one-time message, the address format and recovering the signer (spec §11).</summary>
public static partial class WalletRules
{
    public const string MessagePrefix = "Link wallet to Purrr: nonce ";
    public const int AddressLength = 42;
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(10);

    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string MessageFor(string nonce) => MessagePrefix + nonce;

    /// <summary>The nonce in a message the server wrote, or null when the message is not one of ours.</summary>
    public static string? NonceOf(string? message) =>
        message is not null && message.StartsWith(MessagePrefix, StringComparison.Ordinal) && NonceFormat().IsMatch(message[MessagePrefix.Length..])
            ? message[MessagePrefix.Length..]
            : null;

    /// <summary>Whether <paramref name="address"/> is a 0x-prefixed 20-byte hex address (checksum not required: wallets differ).</summary>
    public static bool IsAddress(string? address) => address is not null && AddressFormat().IsMatch(address);

    /// <summary>The EIP-55 checksummed form of a well-formed address.</summary>
    public static string Checksummed(string address) => AddressUtil.Current.ConvertToChecksumAddress(address);

    /// <summary>
    /// The address that made <paramref name="signature"/> over <paramref name="message"/> as a wallet's <c>personal_sign</c>
    /// does (EIP-191 prefix, UTF-8), checksummed; null when the signature cannot be read.
    /// </summary>
    public static string? Signer(string message, string? signature)
    {
        if (signature is null || !SignatureFormat().IsMatch(signature))
            return null;
        try
        {
            var recovered = new EthereumMessageSigner().EncodeUTF8AndEcRecover(message, signature);
            return IsAddress(recovered) ? Checksummed(recovered) : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressFormat();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex NonceFormat();

    // r (32 bytes) + s (32 bytes) + v (1 byte), hex.
    [GeneratedRegex("^0x[0-9a-fA-F]{130}$")]
    private static partial Regex SignatureFormat();
}

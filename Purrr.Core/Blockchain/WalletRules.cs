using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Purrr.Core.Blockchain;

/// <summary>
/// The rules of proving a wallet (spec §11): the one-time message and the address and signature formats. The elliptic
/// curve work (checksums, recovering the signer) is <see cref="IWalletCrypto"/>, done by Nethereum in Purrr.Data.
/// </summary>
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

    /// <summary>Whether <paramref name="signature"/> looks like a wallet's: r (32 bytes) + s (32 bytes) + v (1 byte), hex.</summary>
    public static bool IsSignature(string? signature) => signature is not null && SignatureFormat().IsMatch(signature);

    /// <summary>Whether <paramref name="hash"/> is a 0x-prefixed 32-byte hex transaction hash.</summary>
    public static bool IsTransactionHash(string? hash) => hash is not null && TransactionHashFormat().IsMatch(hash);

    [GeneratedRegex("^0x[0-9a-fA-F]{64}$")]
    private static partial Regex TransactionHashFormat();

    [GeneratedRegex("^0x[0-9a-fA-F]{40}$")]
    private static partial Regex AddressFormat();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex NonceFormat();

    [GeneratedRegex("^0x[0-9a-fA-F]{130}$")]
    private static partial Regex SignatureFormat();
}

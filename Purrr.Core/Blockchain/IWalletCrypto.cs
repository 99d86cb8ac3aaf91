namespace Purrr.Core.Blockchain;

/// <summary>Ethereum's address and signature arithmetic (EIP-55, EIP-191), implemented with Nethereum in Purrr.Data.</summary>
public interface IWalletCrypto
{
    /// <summary>The EIP-55 checksummed form of a well-formed address (<see cref="WalletRules.IsAddress"/>).</summary>
    string Checksummed(string address);

    /// <summary>
    /// The address that made <paramref name="signature"/> over <paramref name="message"/> as a wallet's <c>personal_sign</c>
    /// does (EIP-191 prefix, UTF-8), checksummed; null when the signature cannot be read.
    /// </summary>
    string? Signer(string message, string? signature);
}

using Nethereum.Signer;
using Nethereum.Util;
using Purrr.Core.Blockchain;

namespace Purrr.Data.Blockchain;

/// <summary>Wallet addresses and signatures with Nethereum (pure computation, no chain needed).</summary>
public sealed class NethereumWalletCrypto : IWalletCrypto
{
    public string Checksummed(string address) => AddressUtil.Current.ConvertToChecksumAddress(address);

    public string? Signer(string message, string? signature)
    {
        if (!WalletRules.IsSignature(signature))
            return null;
        try
        {
            var recovered = new EthereumMessageSigner().EncodeUTF8AndEcRecover(message, signature);
            return WalletRules.IsAddress(recovered) ? Checksummed(recovered) : null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}

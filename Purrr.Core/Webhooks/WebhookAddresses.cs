using System.Net;
using System.Net.Sockets;

namespace Purrr.Core.Webhooks;

/// <summary>
/// The SSRF guard's rule: which IP addresses a webhook may reach. Checked on the addresses a host name resolves to at
/// send time (so a name that later points inside the network is still refused), and on IP literals at registration.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>Why Purrr will not send to <paramref name="address"/>, or null when it may.</summary>
    public static string? WhyRefused(IPAddress address, WebhookOptions options)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var kind = Classify(address);
        return kind switch
        {
            AddressKind.Public => null,
            AddressKind.Loopback when options.AllowLoopback => null,
            AddressKind.Private or AddressKind.LinkLocal when options.AllowPrivateNetworks => null,
            AddressKind.Loopback => $"{address} is this server itself: Purrr does not send webhooks there.",
            AddressKind.Private => $"{address} is a private network address: Purrr does not send webhooks there.",
            AddressKind.LinkLocal => $"{address} is a link-local address: Purrr does not send webhooks there.",
            _ => $"{address} is not a public address: Purrr does not send webhooks there.",
        };
    }

    public enum AddressKind { Public, Loopback, Private, LinkLocal, Reserved }

    public static AddressKind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return AddressKind.Loopback;
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return (b[0], b[1]) switch
            {
                (10, _) => AddressKind.Private,
                (172, >= 16 and <= 31) => AddressKind.Private,
                (192, 168) => AddressKind.Private,
                (100, >= 64 and <= 127) => AddressKind.Private,      // carrier-grade NAT
                (169, 254) => AddressKind.LinkLocal,                 // includes cloud metadata at 169.254.169.254
                (0, _) => AddressKind.Reserved,                      // "this network"
                (192, 0) when b[2] == 0 => AddressKind.Reserved,     // IETF protocol assignments
                (198, 18 or 19) => AddressKind.Reserved,             // benchmarking
                ( >= 224, _) => AddressKind.Reserved,                // multicast, reserved, broadcast
                _ => AddressKind.Public,
            };
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6Any))
                return AddressKind.Reserved;
            if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
                return AddressKind.LinkLocal;
            if ((b[0] & 0xFE) == 0xFC)                                // unique local fc00::/7
                return AddressKind.Private;
            if (b[0] == 0xFF)                                          // multicast
                return AddressKind.Reserved;
            return AddressKind.Public;
        }
        return AddressKind.Reserved;
    }
}

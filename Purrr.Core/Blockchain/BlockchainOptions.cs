namespace Purrr.Core.Blockchain;

/// <summary>
/// The chain Purrr talks to (configuration section <c>Blockchain</c>, spec §11). Nothing here is used unless the
/// blockchain feature flag is on. <see cref="MinterKey"/> comes from secrets and is never logged or shown.
/// </summary>
public sealed class BlockchainOptions
{
    public const string Section = "Blockchain";

    /// <summary>The JSON-RPC endpoint of the chain (e.g. a local Hardhat node, http://127.0.0.1:8545).</summary>
    public string? RpcUrl { get; set; }

    /// <summary>The chain id the RPC must answer (1337 for the local dev node).</summary>
    public long ChainId { get; set; } = 1337;

    /// <summary>The deployed PurrrCats contract; empty until an admin deploys it.</summary>
    public string? ContractAddress { get; set; }

    /// <summary>The platform account's private key: it deploys, mints and pays gas. A secret.</summary>
    public string? MinterKey { get; set; }

    /// <summary>Blocks that must hold a mint or transfer before Purrr calls it confirmed (the block it is in counts as one).</summary>
    public int Confirmations { get; set; } = 3;

    /// <summary>Seconds between two background passes over pending transactions and token holders.</summary>
    public int SyncSeconds { get; set; } = 5;

    /// <summary>Never prints the key (options objects end up in logs and exception messages).</summary>
    public override string ToString() =>
        $"Blockchain {{ RpcUrl = {RpcUrl}, ChainId = {ChainId}, ContractAddress = {ContractAddress}, MinterKey = {(string.IsNullOrEmpty(MinterKey) ? "(none)" : "(set)")}, Confirmations = {Confirmations} }}";
}

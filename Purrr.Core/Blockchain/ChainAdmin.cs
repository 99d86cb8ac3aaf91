using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Admin;
using Purrr.Core.Common;
using Purrr.Core.Moderation;
using Purrr.Core.Persistence;

namespace Purrr.Core.Blockchain;

/// <summary>What the chain says right now (read over JSON-RPC by an <see cref="IChainGateway"/>).</summary>
public sealed record ChainReading(long ChainId, long LatestBlock, string MinterAddress, decimal MinterBalanceEth, bool ContractHasCode);

/// <summary>A contract deployment mined on the chain.</summary>
public sealed record DeployedContract(string Address, string TransactionHash, long BlockNumber);

/// <summary>The chain could not be reached or refused a request; <see cref="Exception.Message"/> is fit for an admin to read.</summary>
public sealed class ChainUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The one way Purrr talks to the chain (Nethereum in Purrr.Data); tests talk to a real local node through it.</summary>
public interface IChainGateway
{
    /// <summary>Chain id, latest block, the minter's balance and whether <paramref name="contractAddress"/> holds code.</summary>
    Task<ChainReading> ReadAsync(BlockchainOptions options, string? contractAddress, CancellationToken ct = default);

    /// <summary>Deploys PurrrCats owned by the minter and waits for its receipt.</summary>
    Task<DeployedContract> DeployPurrrCatsAsync(BlockchainOptions options, CancellationToken ct = default);
}

/// <summary>The PurrrCats contract an admin deployed from the console, per chain (a configured address wins over it).</summary>
public sealed class ChainContract
{
    private ChainContract() { } // for EF Core

    public long ChainId { get; private set; }
    public string Address { get; private set; } = "";
    public string TransactionHash { get; private set; } = "";
    public DateTimeOffset DeployedAt { get; private set; }
    public UserId DeployedById { get; private set; }

    internal static ChainContract Create(long chainId, DeployedContract deployed, UserId admin, DateTimeOffset now) => new()
    {
        ChainId = chainId, Address = deployed.Address, TransactionHash = deployed.TransactionHash, DeployedAt = now, DeployedById = admin,
    };
}

/// <summary>The chain as the admin console shows it. <see cref="Problem"/> says why some of it could not be read.</summary>
public sealed record ChainStatusView(string? RpcUrl, long ConfiguredChainId, string? ContractAddress, bool ContractFromConfiguration,
    ChainReading? Reading, string? Problem)
{
    public bool CanDeploy => Reading is not null && ContractAddress is null && Problem is null;
}

/// <summary>The admin side of the chain (spec §11): its status, and deploying PurrrCats when no contract is set.</summary>
public sealed class ChainAdminService(IPurrrDbFactory dbFactory, TimeProvider clock, FeatureFlags flags, IChainGateway gateway,
    IOptions<BlockchainOptions> options)
{
    public const string DeployAction = "chain.deploy";

    /// <summary>The contract in use: the configured one, else the one deployed from the console for the configured chain.</summary>
    public async Task<(string? Address, bool FromConfiguration)> ContractAsync(CancellationToken ct = default)
    {
        var current = options.Value;
        if (!string.IsNullOrWhiteSpace(current.ContractAddress))
            return (current.ContractAddress.Trim(), true);
        await using var db = await dbFactory.CreateAsync(ct);
        var deployed = await db.ChainContracts.AsNoTracking().Where(c => c.ChainId == current.ChainId).Select(c => c.Address).FirstOrDefaultAsync(ct);
        return (deployed, false);
    }

    public async Task<Result<ChainStatusView>> StatusAsync(CancellationToken ct = default)
    {
        if (await flags.WhyOffAsync(Feature.Blockchain, ct) is { } off)
            return Result<ChainStatusView>.Failure([off]);
        var current = options.Value;
        var (contract, fromConfiguration) = await ContractAsync(ct);
        if (string.IsNullOrWhiteSpace(current.RpcUrl))
            return new ChainStatusView(null, current.ChainId, contract, fromConfiguration, null, "No chain is configured: set Blockchain:RpcUrl.");
        if (string.IsNullOrWhiteSpace(current.MinterKey))
            return new ChainStatusView(current.RpcUrl, current.ChainId, contract, fromConfiguration, null, "No minter account is configured: set Blockchain:MinterKey (a secret).");
        try
        {
            var reading = await gateway.ReadAsync(current, contract, ct);
            string? problem = null;
            if (reading.ChainId != current.ChainId)
                problem = $"The RPC answers chain {reading.ChainId}, but Purrr is configured for chain {current.ChainId}.";
            else if (contract is not null && !reading.ContractHasCode)
                problem = $"There is no contract at {contract} on this chain.";
            return new ChainStatusView(current.RpcUrl, current.ChainId, contract, fromConfiguration, reading, problem);
        }
        catch (ChainUnavailableException e)
        {
            return new ChainStatusView(current.RpcUrl, current.ChainId, contract, fromConfiguration, null, e.Message);
        }
    }

    /// <summary>Deploys PurrrCats to the configured chain when no contract is set, remembers it for that chain and audits it.</summary>
    public async Task<Result<ChainContractView>> DeployAsync(UserId admin, CancellationToken ct = default)
    {
        var status = await StatusAsync(ct);
        if (!status.Succeeded)
            return Result<ChainContractView>.Failure(status.Problems);
        if (status.Value.ContractAddress is { } existing)
            return Result<ChainContractView>.Failure($"A contract is already set ({existing}). Purrr deploys one only when none is.");
        if (status.Value.Problem is { } problem)
            return Result<ChainContractView>.Failure(problem);

        var current = options.Value;
        DeployedContract deployed;
        try
        {
            deployed = await gateway.DeployPurrrCatsAsync(current, ct);
        }
        catch (ChainUnavailableException e)
        {
            return Result<ChainContractView>.Failure(e.Message);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        db.ChainContracts.Add(ChainContract.Create(current.ChainId, deployed, admin, now));
        db.AuditLog.Add(AuditEntry.Of(admin, DeployAction, nameof(ChainContract), deployed.Address,
            $"PurrrCats deployed on chain {current.ChainId} at {deployed.Address} (transaction {deployed.TransactionHash}, block {deployed.BlockNumber})", now));
        await db.SaveChangesAsync(ct);
        return new ChainContractView(current.ChainId, deployed.Address, deployed.TransactionHash, now);
    }
}

public sealed record ChainContractView(long ChainId, string Address, string TransactionHash, DateTimeOffset DeployedAt);

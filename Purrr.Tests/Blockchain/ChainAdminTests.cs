using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nethereum.Web3;
using Purrr.Core.Admin;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;
using Purrr.Data.Blockchain;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Blockchain;

/// <summary>The admin's chain status and contract deployment against a real local chain (Hardhat, chain 1337).</summary>
[Collection(ChainCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ChainAdminTests(HardhatChain chain) : ServiceTestBase
{
    private ChainAdminService ChainAdmin(BlockchainOptions options) => new(Database.Factory, Clock, Flags, new NethereumChainGateway(), Options.Create(options));

    private BlockchainOptions OnTheDevChain(string? contract = null) =>
        new() { RpcUrl = chain.RpcUrl, ChainId = HardhatChain.ChainId, MinterKey = TestWallets.AliceKey, ContractAddress = contract };

    private async Task<UserId> AdminWithBlockchainOnAsync()
    {
        var admin = await NewPlayerAsync("admin");
        Assert.True((await Flags.SetAsync(Feature.Blockchain, true, admin)).Succeeded);
        return admin;
    }

    [Fact]
    public async Task The_admin_deploys_PurrrCats_once_and_the_status_shows_it_owned_by_the_minter()
    {
        var admin = await AdminWithBlockchainOnAsync();
        var service = ChainAdmin(OnTheDevChain());

        var before = (await service.StatusAsync()).Value;
        Assert.Null(before.Problem);
        Assert.Null(before.ContractAddress);
        Assert.True(before.CanDeploy);
        Assert.Equal((HardhatChain.ChainId, TestWallets.AliceAddress), (before.Reading!.ChainId, before.Reading.MinterAddress));
        Assert.True(before.Reading.MinterBalanceEth > 0);

        var deployed = await service.DeployAsync(admin);

        Assert.True(deployed.Succeeded, deployed.FirstMessage);
        var after = (await service.StatusAsync()).Value;
        Assert.Equal((deployed.Value.Address, false, true, (string?)null), (after.ContractAddress, after.ContractFromConfiguration, after.Reading!.ContractHasCode, after.Problem));
        Assert.True(after.Reading.LatestBlock > before.Reading.LatestBlock);
        var contract = new Web3(chain.RpcUrl).Eth.GetContract(PurrrCatsArtifact.Instance.Abi, deployed.Value.Address);
        Assert.Equal(TestWallets.AliceAddress, await contract.GetFunction("owner").CallAsync<string>(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("PURRR", await contract.GetFunction("symbol").CallAsync<string>());
        await using (var db = Database.NewContext())
        {
            var audit = await db.AuditLog.SingleAsync(a => a.Action == ChainAdminService.DeployAction);
            Assert.Equal((admin, deployed.Value.Address), (audit.ActorId, audit.TargetId));
        }

        var again = await service.DeployAsync(admin);
        Assert.Equal($"A contract is already set ({deployed.Value.Address}). Purrr deploys one only when none is.", again.FirstMessage);
    }

    [Fact]
    public async Task A_configured_address_without_code_and_a_wrong_chain_id_are_reported_and_nothing_is_deployed()
    {
        var admin = await AdminWithBlockchainOnAsync();

        var empty = (await ChainAdmin(OnTheDevChain(TestWallets.BobAddress)).StatusAsync()).Value;
        var options = OnTheDevChain();
        options.ChainId = 1;
        var wrongChain = ChainAdmin(options);

        Assert.Equal($"There is no contract at {TestWallets.BobAddress} on this chain.", empty.Problem);
        Assert.True(empty.ContractFromConfiguration);
        Assert.Equal("The RPC answers chain 1337, but Purrr is configured for chain 1.", (await wrongChain.StatusAsync()).Value.Problem);
        Assert.Equal("The RPC answers chain 1337, but Purrr is configured for chain 1.", (await wrongChain.DeployAsync(admin)).FirstMessage);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.ChainContracts.CountAsync());
    }

    [Fact]
    public async Task An_unreachable_chain_is_said_plainly()
    {
        var admin = await AdminWithBlockchainOnAsync();
        var options = OnTheDevChain();
        options.RpcUrl = "http://127.0.0.1:9"; // discard port: nothing answers
        var service = ChainAdmin(options);

        var status = (await service.StatusAsync()).Value;
        var deploy = await service.DeployAsync(admin);

        Assert.Equal("The chain at http://127.0.0.1:9 does not answer. Check that the node is running.", status.Problem);
        Assert.Null(status.Reading);
        Assert.Equal(status.Problem, deploy.FirstMessage);
    }

    [Fact]
    public async Task With_the_blockchain_switched_off_the_chain_is_not_called()
    {
        await NewPlayerAsync("admin");

        var status = await ChainAdmin(OnTheDevChain()).StatusAsync();

        Assert.Equal("Blockchain is switched off for now. Everything you have is kept; check back later.", status.FirstMessage);
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Purrr.Core.Accounts;
using Purrr.Core.Admin;
using Purrr.Core.Blockchain;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Admin;

namespace Purrr.Tests.Blockchain;

[Trait("Category", "Component")]
public sealed class ChainPageTests : ServiceTestBase
{
    /// <summary>A chain that answers what the test says (the real one is exercised in <see cref="ChainAdminTests"/>).</summary>
    private sealed class ScriptedChain : IChainGateway
    {
        public long LatestBlock { get; set; } = 41;
        public string? Deployed { get; private set; }
        public bool Down { get; set; }

        public Task<ChainReading> ReadAsync(BlockchainOptions options, string? contractAddress, CancellationToken ct = default) =>
            Down ? throw new ChainUnavailableException($"The chain at {options.RpcUrl} does not answer. Check that the node is running.")
                 : Task.FromResult(new ChainReading(1337, LatestBlock, TestWallets.AliceAddress, 9999.5m, contractAddress is not null && contractAddress == Deployed));

        public Task<DeployedContract> DeployPurrrCatsAsync(BlockchainOptions options, CancellationToken ct = default)
        {
            Deployed = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
            LatestBlock++;
            return Task.FromResult(new DeployedContract(Deployed, "0x" + new string('a', 64), LatestBlock));
        }
    }

    private async Task<(BunitContext Context, ScriptedChain Chain)> AdminContextAsync(bool blockchainOn = true)
    {
        var admin = await NewPlayerAsync("admin");
        var chain = new ScriptedChain();
        var context = ComponentTestContext.Create(Database, (admin, "admin"), clock: Clock, services: s =>
        {
            s.AddSingleton<IChainGateway>(chain);
            s.AddSingleton(Options.Create(new BlockchainOptions { RpcUrl = "http://127.0.0.1:8545", ChainId = 1337, MinterKey = TestWallets.AliceKey }));
        }, roles: Roles.Admin);
        if (blockchainOn)
            Assert.True((await context.Services.GetRequiredService<FeatureFlags>().SetAsync(Feature.Blockchain, true, admin)).Succeeded);
        context.Render<MudPopoverProvider>();
        return (context, chain);
    }

    [Fact]
    public async Task The_status_shows_the_chain_and_the_admin_deploys_the_contract_when_none_is_set()
    {
        var (context, _) = await AdminContextAsync();
        await using var __ = context;

        var page = context.Render<ChainPage>();

        page.WaitForAssertion(() => Assert.Contains("1337", page.Find("[data-testid=chain-id]").TextContent));
        Assert.Equal("41", page.Find("[data-testid=latest-block]").TextContent);
        Assert.Equal("9999.5 ETH", page.Find("[data-testid=minter-balance]").TextContent);
        Assert.Contains("None set", page.Find("[data-testid=contract]").TextContent);
        Assert.DoesNotContain(TestWallets.AliceKey[2..], page.Markup); // the minter key is never shown

        page.Find("[data-testid=deploy]").Click();

        page.WaitForAssertion(() => Assert.Contains("PurrrCats deployed at 0x5FbDB2315678afecb367f032d93F642f64180aa3", page.Find("[data-testid=deployed]").TextContent));
        Assert.Matches(@"^\s*0x5FbDB2315678afecb367f032d93F642f64180aa3\s+· deployed from this console\s*$", page.Find("[data-testid=contract]").TextContent);
        Assert.Equal("42", page.Find("[data-testid=latest-block]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=deploy]"));
    }

    [Fact]
    public async Task An_unreachable_chain_is_shown_as_a_warning_without_a_deploy_button()
    {
        var (context, chain) = await AdminContextAsync();
        await using var __ = context;
        chain.Down = true;

        var page = context.Render<ChainPage>();

        page.WaitForAssertion(() => Assert.Equal("The chain at http://127.0.0.1:8545 does not answer. Check that the node is running.",
            page.Find("[data-testid=chain-problem]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=deploy]"));
    }

    [Fact]
    public async Task With_the_blockchain_off_the_page_says_so_and_points_to_the_flags()
    {
        var (context, _) = await AdminContextAsync(blockchainOn: false);
        await using var __ = context;

        var page = context.Render<ChainPage>();

        page.WaitForAssertion(() => Assert.Contains("Blockchain is switched off for now.", page.Find("[data-testid=chain-off]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=chain-status]"));
    }
}

using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using Purrr.Core.Admin;
using Purrr.Core.Blockchain;
using Purrr.Data.Blockchain;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Blockchain;

/// <summary>
/// A player links a wallet, mints their cat and transfers it, in Chromium against the shared Hardhat node. The browser
/// wallet is a stub injected before the page loads: it signs messages and sends transactions through functions the test
/// exposes, which use the account's test key in .NET (Nethereum) — real signatures, real transactions.
/// </summary>
[Collection(ChainCollection.Name)]
[Trait("Category", "E2E")]
public sealed class NftE2E(HardhatChain chain, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string StubWallet = $$"""
        window.ethereum = {
            isPurrrTestWallet: true,
            async request({ method, params }) {
                if (method === "eth_requestAccounts") return ["{{TestWalletBobLower}}"];
                if (method === "personal_sign") return await window.purrrTestSign(params[0], params[1]);
                if (method === "eth_sendTransaction") return await window.purrrTestSend(JSON.stringify(params[0]));
                throw { code: 4200, message: "Unsupported method " + method };
            },
        };
        """;

    private const string TestWalletBobLower = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    [Fact]
    public async Task A_player_links_a_wallet_mints_their_cat_watches_it_confirm_and_transfers_it_and_the_admin_sees_the_gas_paid()
    {
        var options = new BlockchainOptions { RpcUrl = chain.RpcUrl, ChainId = HardhatChain.ChainId, MinterKey = TestWallets.AliceKey, Confirmations = 3, SyncSeconds = 1 };
        options.ContractAddress = (await new NethereumChainGateway().DeployPurrrCatsAsync(options)).Address;
        await using var server = new PurrrServer
        {
            OverrideServices = s => s.Configure<BlockchainOptions>(o =>
            {
                o.RpcUrl = options.RpcUrl; o.ChainId = options.ChainId; o.MinterKey = options.MinterKey; o.ContractAddress = options.ContractAddress;
                o.Confirmations = options.Confirmations; o.SyncSeconds = options.SyncSeconds;
            }),
        };
        await server.Services.GetRequiredService<FeatureFlags>().SetAsync(Feature.Blockchain, true, Core.Common.UserId.New());
        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.Page.ExposeFunctionAsync("purrrTestSign", (string hexMessage, string address) =>
            TestWallets.Sign(TestWallets.BobKey, Encoding.UTF8.GetString(Convert.FromHexString(hexMessage[2..]))));
        await session.Page.ExposeFunctionAsync("purrrTestSend", (string json) => SendAsBob(json).GetAwaiter().GetResult());
        await session.Page.AddInitScriptAsync(StubWallet);
        await session.RunAsync(async () =>
        {
            var page = session.Page;
            await session.SignUpAsync(Names.Unique("minter"));

            await session.GotoAsync("settings/wallet");
            await Expect(page.GetByTestId("wallet")).ToHaveAttributeAsync("data-ready", "true");
            await page.GetByRole(AriaRole.Button, new() { Name = "Connect wallet" }).ClickAsync();
            await Expect(page.GetByTestId("wallet-address")).ToHaveTextAsync(TestWallets.BobAddress);

            await session.AdoptAsync("Biscuit", "Siamese");
            await Expect(page.GetByTestId("cat-nft")).ToHaveAttributeAsync("data-ready", "true");
            await page.GetByRole(AriaRole.Button, new() { Name = "Mint NFT" }).ClickAsync();

            // Hardhat mines at once; the confirmations come with the blocks mined after it.
            var status = page.GetByTestId("nft-status");
            await Expect(status).ToHaveAttributeAsync("data-status", "mined");
            await Expect(status).ToContainTextAsync("Mined: waiting for 3 confirmations");
            await chain.MineAsync(2);
            await Expect(status).ToHaveAttributeAsync("data-status", "confirmed");
            await Expect(status).ToHaveTextAsync("Confirmed: Biscuit is token #1.");
            await Expect(page.GetByTestId("nft-holder")).ToContainTextAsync(TestWallets.BobAddress);
            await Expect(page.GetByTestId("chain-transaction-status")).ToHaveTextAsync("Confirmed");
            await session.SaveScreenshotAsync("nft-confirmed");

            // The holder sends it to an address no player linked, from the wallet; the cat page follows the chain.
            await page.GetByLabel("Send to address").FillAsync(TestWallets.DaveAddress);
            await page.GetByRole(AriaRole.Button, new() { Name = "Transfer" }).ClickAsync();
            await Expect(page.GetByTestId("chain-transaction")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("nft-holder")).ToContainTextAsync(TestWallets.DaveAddress);
            await Expect(page.GetByTestId("nft-holder")).ToContainTextAsync("Held outside Purrr");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Transfer" })).ToHaveCountAsync(0);
            await session.SaveScreenshotAsync("nft-transferred");
        });

        // The admin console lists both transactions and the gas the platform paid for the mint.
        await using var admin = await BrowserSession.OpenAsync(browser, server);
        await admin.RunAsync(async () =>
        {
            await admin.SignInAsync("admin", "purrr-admin-2026");
            await admin.GotoAsync("admin/chain");
            await Expect(admin.Page.GetByTestId("chain-ledger").GetByTestId("chain-transaction")).ToHaveCountAsync(2);
            await Expect(admin.Page.GetByTestId("gas-paid")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^0\.000\d+ ETH$"));
            await Expect(admin.Page.GetByTestId("chain-ledger")).ToContainTextAsync("over 1 mined transaction");
            await admin.SaveScreenshotAsync("nft-admin-chain");
        });
    }

    /// <summary>What the stub wallet's <c>eth_sendTransaction</c> does: Bob's key signs and sends the transaction as given.</summary>
    private async Task<string> SendAsBob(string json)
    {
        using var tx = JsonDocument.Parse(json);
        var web3 = new Web3(new Account(TestWallets.BobKey, HardhatChain.ChainId), chain.RpcUrl);
        var input = new TransactionInput
        {
            From = tx.RootElement.GetProperty("from").GetString(), To = tx.RootElement.GetProperty("to").GetString(),
            Data = tx.RootElement.GetProperty("data").GetString(),
        };
        input.Gas = await web3.Eth.TransactionManager.EstimateGasAsync(input);
        return await web3.Eth.TransactionManager.SendTransactionAsync(input);
    }
}

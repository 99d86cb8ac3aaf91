using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Cats;

namespace Purrr.Tests.Blockchain;

/// <summary>The cat page's NFT part over a scripted chain: minting, the live progress, failures in words.</summary>
[Trait("Category", "Component")]
public sealed class CatNftTests : NftTestBase
{
    private BunitContext ContextFor(UserId player, string name) => ComponentTestContext.Create(Database, (player, name), clock: Clock, services: s =>
    {
        s.AddSingleton<INftChain>(Scripted);
        s.AddSingleton(Options.Create(ChainOptions));
    });

    private static IRenderedComponent<CatNftPanel> Render(BunitContext context, Core.Cats.Cat cat, UserId viewer, bool isOwner = true) =>
        context.Render<CatNftPanel>(p => p.Add(c => c.Cat, cat.Id).Add(c => c.CatName, cat.Name).Add(c => c.Viewer, viewer).Add(c => c.IsOwner, isOwner));

    private static void Click(IRenderedComponent<CatNftPanel> nft, string text) =>
        nft.FindAll("button").Single(b => b.TextContent.Trim() == text).Click();

    [Fact]
    public async Task The_owner_mints_and_watches_submitted_mined_and_confirmed_arrive_live()
    {
        await BlockchainOnAsync();
        var owner = await NewPlayerAsync("luna");
        await LinkWalletAsync(owner, TestWallets.BobKey, TestWallets.BobAddress);
        var cat = await CatOfAsync(owner);
        await using var context = ContextFor(owner, "luna");
        var sync = context.Services.GetRequiredService<NftOwnershipSync>();

        var nft = Render(context, cat, owner);
        nft.WaitForAssertion(() => Assert.Equal("true", nft.Find("[data-testid=cat-nft]").GetAttribute("data-ready")));
        Assert.Contains(TestWallets.BobAddress, nft.Markup);
        Click(nft, "Mint NFT");

        nft.WaitForAssertion(() => Assert.Equal("Submitted: waiting for the transaction to be mined…", nft.Find("[data-testid=nft-status]").TextContent.Trim()));
        Scripted.MineAll();
        await sync.TickAsync();
        nft.WaitForAssertion(() => Assert.Equal("Mined: waiting for 3 confirmations…", nft.Find("[data-testid=nft-status]").TextContent.Trim()));
        Scripted.Mine(2);
        await sync.TickAsync();
        nft.WaitForAssertion(() => Assert.Equal("Confirmed: Mochi is token #1.", nft.Find("[data-testid=nft-status]").TextContent.Trim()));
        Assert.Equal("#1", nft.Find("[data-testid=nft-token]").TextContent.Trim());
        Assert.Equal("Confirmed", nft.Find("[data-testid=chain-transaction-status]").TextContent.Trim());
        Assert.Contains("Mint", nft.Find("[data-testid=chain-transaction]").TextContent);
        Assert.Contains("Transfer", nft.Markup); // the holder may send it on
    }

    [Fact]
    public async Task An_owner_without_a_wallet_is_sent_to_link_one_and_an_unreachable_chain_is_said_plainly()
    {
        await BlockchainOnAsync();
        var owner = await NewPlayerAsync("luna");
        var cat = await CatOfAsync(owner);
        await using var context = ContextFor(owner, "luna");

        var nft = Render(context, cat, owner);
        nft.WaitForAssertion(() => Assert.Contains("link a wallet", nft.Find("[data-testid=nft-needs-wallet]").TextContent));
        Assert.Equal("settings/wallet", nft.Find("[data-testid=nft-needs-wallet] a").GetAttribute("href"));

        await LinkWalletAsync(owner, TestWallets.BobKey, TestWallets.BobAddress);
        Scripted.Down = true;
        var again = Render(context, cat, owner);
        again.WaitForAssertion(() => Assert.Equal("true", again.Find("[data-testid=cat-nft]").GetAttribute("data-ready")));
        Click(again, "Mint NFT");

        again.WaitForAssertion(() => Assert.Equal(
            "The mint could not be sent: The chain at http://127.0.0.1:8545 does not answer. Check that the node is running. Nothing was spent; try again later.",
            again.Find("[data-testid=nft-problem]").TextContent.Trim()));
        Assert.Empty(again.FindAll("[data-testid=nft-status]"));
        Assert.Equal("Mint NFT", again.FindAll("button").Single().TextContent.Trim());
    }

    [Fact]
    public async Task A_failed_mint_says_why_and_offers_the_owner_to_try_again()
    {
        await BlockchainOnAsync();
        var owner = await NewPlayerAsync("luna");
        await LinkWalletAsync(owner, TestWallets.BobKey, TestWallets.BobAddress);
        var cat = await CatOfAsync(owner);
        await using var context = ContextFor(owner, "luna");
        await Nfts.MintAsync(owner, cat.Id, AppUrl);
        Scripted.RevertNext = true;
        Scripted.MineAll();
        await Sync.TickAsync();

        var nft = Render(context, cat, owner);

        nft.WaitForAssertion(() => Assert.Equal(
            "Failed: The contract refused the transaction (it was reverted on chain). Nothing more is spent unless you try again.",
            nft.Find("[data-testid=nft-status]").TextContent.Trim()));
        Click(nft, "Try again");
        nft.WaitForAssertion(() => Assert.Equal("pending", nft.Find("[data-testid=nft-status]").GetAttribute("data-status")));
        Assert.Equal(2, Scripted.Mints.Count);
    }

    [Fact]
    public async Task With_the_blockchain_off_a_cat_never_minted_shows_nothing()
    {
        var owner = await NewPlayerAsync("luna");
        var cat = await CatOfAsync(owner);
        await using var context = ContextFor(owner, "luna");

        var nft = Render(context, cat, owner);

        Assert.Empty(nft.FindAll("[data-testid=cat-nft]"));
    }
}

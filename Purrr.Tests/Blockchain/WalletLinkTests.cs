using Microsoft.EntityFrameworkCore;
using Nethereum.Signer;
using Purrr.Core.Admin;
using Purrr.Core.Blockchain;
using Purrr.Core.Common;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Blockchain;

/// <summary>Keys that sign in-process exactly as a browser wallet's <c>personal_sign</c> does (EIP-191, UTF-8).</summary>
public static class TestWallets
{
    // The first two accounts of the well-known test mnemonic ("test test … junk"): never hold real funds.
    public const string AliceKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    public const string AliceAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    public const string AliceAddressLower = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    public const string BobKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    public const string BobAddress = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    public const string CarolKey = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";
    public const string CarolAddress = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    public const string DaveAddress = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

    public static string Sign(string key, string message) => new EthereumMessageSigner().EncodeUTF8AndSign(message, new EthECKey(key));
}

[Trait("Category", "Integration")]
public sealed class WalletLinkTests : ServiceTestBase
{
    private WalletLinkService Wallets => new(Database.Factory, Clock, Flags, new Purrr.Data.Blockchain.NethereumWalletCrypto());

    private async Task<UserId> PlayerWithBlockchainOnAsync(string name = "luna")
    {
        var admin = await NewPlayerAsync("admin");
        Assert.True((await Flags.SetAsync(Feature.Blockchain, true, admin)).Succeeded);
        return await NewPlayerAsync(name);
    }

    private async Task<int> StoredLinksAsync()
    {
        await using var db = Database.NewContext();
        return await db.WalletLinks.CountAsync();
    }

    [Fact]
    public void The_signer_of_a_personal_sign_signature_is_recovered_with_its_checksummed_address()
    {
        var message = WalletRules.MessageFor("0123456789abcdef0123456789abcdef");

        Assert.Equal(TestWallets.AliceAddress, new Purrr.Data.Blockchain.NethereumWalletCrypto().Signer(message, TestWallets.Sign(TestWallets.AliceKey, message)));
        Assert.Equal(TestWallets.BobAddress, new Purrr.Data.Blockchain.NethereumWalletCrypto().Signer(message, TestWallets.Sign(TestWallets.BobKey, message)));
        Assert.Null(new Purrr.Data.Blockchain.NethereumWalletCrypto().Signer(message, "0x1234"));
        Assert.Null(new Purrr.Data.Blockchain.NethereumWalletCrypto().Signer(message, "not a signature"));
    }

    [Theory]
    [InlineData("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", true)]
    [InlineData("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", true)]
    [InlineData("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", false)]
    [InlineData("0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226", false)]
    [InlineData("0xg39fd6e51aad88f6f4ce6ab8827279cfffb92266", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_address_is_0x_and_40_hexadecimal_characters(string? address, bool valid) =>
        Assert.Equal(valid, WalletRules.IsAddress(address));

    [Fact]
    public async Task A_signed_one_time_message_links_the_wallet_that_signed_it()
    {
        var luna = await PlayerWithBlockchainOnAsync();

        var challenge = (await Wallets.ChallengeAsync(luna)).Value;
        Assert.Matches("^Link wallet to Purrr: nonce [0-9a-f]{32}$", challenge.Message);
        Assert.Equal(TestClock.Noon.AddMinutes(10), challenge.ExpiresAt);

        // Wallets hand out lower-case addresses; Purrr stores the checksummed one.
        var linked = await Wallets.LinkAsync(luna, TestWallets.AliceAddress.ToLowerInvariant(), challenge.Message,
            TestWallets.Sign(TestWallets.AliceKey, challenge.Message));

        Assert.True(linked.Succeeded, linked.FirstMessage);
        Assert.Equal(new WalletView(TestWallets.AliceAddress, TestClock.Noon), await Wallets.GetAsync(luna));
    }

    [Fact]
    public async Task A_signature_by_another_address_links_nothing()
    {
        var luna = await PlayerWithBlockchainOnAsync();
        var challenge = (await Wallets.ChallengeAsync(luna)).Value;

        var linked = await Wallets.LinkAsync(luna, TestWallets.AliceAddress, challenge.Message, TestWallets.Sign(TestWallets.BobKey, challenge.Message));

        Assert.Equal(WalletLinkService.WrongSigner, linked.FirstMessage);
        Assert.Equal(0, await StoredLinksAsync());
    }

    [Fact]
    public async Task A_message_older_than_ten_minutes_links_nothing()
    {
        var luna = await PlayerWithBlockchainOnAsync();
        var challenge = (await Wallets.ChallengeAsync(luna)).Value;
        var signature = TestWallets.Sign(TestWallets.AliceKey, challenge.Message);

        Clock.Advance(TimeSpan.FromMinutes(10));
        var linked = await Wallets.LinkAsync(luna, TestWallets.AliceAddress, challenge.Message, signature);

        Assert.Equal(WalletLinkService.ExpiredChallenge, linked.FirstMessage);
        Assert.Equal(0, await StoredLinksAsync());
    }

    [Fact]
    public async Task A_message_links_once_only()
    {
        var luna = await PlayerWithBlockchainOnAsync();
        var challenge = (await Wallets.ChallengeAsync(luna)).Value;
        var signature = TestWallets.Sign(TestWallets.AliceKey, challenge.Message);
        Assert.True((await Wallets.LinkAsync(luna, TestWallets.AliceAddress, challenge.Message, signature)).Succeeded);
        Assert.True((await Wallets.UnlinkAsync(luna)).Succeeded);

        var again = await Wallets.LinkAsync(luna, TestWallets.AliceAddress, challenge.Message, signature);

        Assert.Equal(WalletLinkService.UsedChallenge, again.FirstMessage);
        Assert.Null(await Wallets.GetAsync(luna));
    }

    [Fact]
    public async Task The_same_signed_message_sent_twice_at_once_links_one_wallet()
    {
        var luna = await PlayerWithBlockchainOnAsync();
        var challenge = (await Wallets.ChallengeAsync(luna)).Value;
        var signature = TestWallets.Sign(TestWallets.AliceKey, challenge.Message);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            Wallets.LinkAsync(luna, TestWallets.AliceAddress, challenge.Message, signature))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.NotEmpty(r.FirstMessage));
        Assert.Equal(1, await StoredLinksAsync());
        await using var db = Database.NewContext();
        Assert.NotNull((await db.WalletChallenges.SingleAsync()).UsedAt);
    }

    [Fact]
    public async Task A_message_made_for_another_player_or_by_nobody_links_nothing()
    {
        var luna = await PlayerWithBlockchainOnAsync();
        var milo = await NewPlayerAsync("milo");
        var lunas = (await Wallets.ChallengeAsync(luna)).Value;
        var forged = WalletRules.MessageFor("0123456789abcdef0123456789abcdef");

        var stolen = await Wallets.LinkAsync(milo, TestWallets.AliceAddress, lunas.Message, TestWallets.Sign(TestWallets.AliceKey, lunas.Message));
        var made = await Wallets.LinkAsync(luna, TestWallets.AliceAddress, forged, TestWallets.Sign(TestWallets.AliceKey, forged));

        Assert.Equal([WalletLinkService.UnknownChallenge, WalletLinkService.UnknownChallenge], [stolen.FirstMessage, made.FirstMessage]);
        Assert.Equal(0, await StoredLinksAsync());
    }

    [Fact]
    public async Task A_malformed_address_is_refused_before_anything_else()
    {
        var luna = await PlayerWithBlockchainOnAsync();
        var challenge = (await Wallets.ChallengeAsync(luna)).Value;

        var linked = await Wallets.LinkAsync(luna, "0xnot-an-address", challenge.Message, TestWallets.Sign(TestWallets.AliceKey, challenge.Message));

        Assert.Equal(new Problem(WalletLinkService.MalformedAddress, "address"), linked.Problems.Single());
        Assert.Equal(0, await StoredLinksAsync());
        // The refused attempt did not use the message up.
        Assert.True((await Wallets.LinkAsync(luna, TestWallets.AliceAddress, challenge.Message, TestWallets.Sign(TestWallets.AliceKey, challenge.Message))).Succeeded);
    }

    [Fact]
    public async Task One_wallet_per_account_and_one_account_per_wallet()
    {
        var luna = await PlayerWithBlockchainOnAsync();
        var milo = await NewPlayerAsync("milo");
        async Task<Result<WalletView>> LinkAsync(UserId player, string key, string address)
        {
            var challenge = (await Wallets.ChallengeAsync(player)).Value;
            return await Wallets.LinkAsync(player, address, challenge.Message, TestWallets.Sign(key, challenge.Message));
        }
        Assert.True((await LinkAsync(luna, TestWallets.AliceKey, TestWallets.AliceAddress)).Succeeded);

        var second = await LinkAsync(luna, TestWallets.BobKey, TestWallets.BobAddress);
        var taken = await LinkAsync(milo, TestWallets.AliceKey, TestWallets.AliceAddress);

        Assert.Equal("Your account already has a wallet linked. Unlink it first to link another.", second.FirstMessage);
        Assert.Equal("That wallet is linked to another Purrr account. Unlink it there first.", taken.FirstMessage);
        Assert.Null(await Wallets.GetAsync(milo));
        Assert.True((await Wallets.UnlinkAsync(luna)).Succeeded);
        Assert.True((await LinkAsync(milo, TestWallets.AliceKey, TestWallets.AliceAddress)).Succeeded);
    }

    [Fact]
    public async Task With_the_blockchain_switched_off_no_message_is_handed_out()
    {
        var luna = await NewPlayerAsync("luna");

        var challenge = await Wallets.ChallengeAsync(luna);

        Assert.Equal("Blockchain is switched off for now. Everything you have is kept; check back later.", challenge.FirstMessage);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.WalletChallenges.CountAsync());
    }

    [Fact]
    public void The_minter_key_never_shows_in_the_options_text()
    {
        var options = new BlockchainOptions { RpcUrl = "http://127.0.0.1:8545", MinterKey = TestWallets.AliceKey };

        Assert.DoesNotContain(TestWallets.AliceKey[2..], options.ToString());
        Assert.Contains("MinterKey = (set)", options.ToString());
    }
}

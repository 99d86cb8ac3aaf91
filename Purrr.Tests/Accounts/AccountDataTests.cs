using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Accounts;

/// <summary>GDPR: the export holds the player's data and no one else's; deleting anonymises, releases cats and ends sessions.</summary>
public sealed class AccountDataTests : ServiceTestBase, IAsyncLifetime
{
    private ServiceProvider? services;

    private AccountData Data => new(Database.Factory, new IdentityAccountStore(Services.GetRequiredService<IServiceScopeFactory>()), Clock, Bus);

    private ServiceProvider Services => services ??= BuildServices();

    private ServiceProvider BuildServices() => new ServiceCollection().AddAccountStore(Database).BuildServiceProvider();

    private FollowService Follows => new(Database.Factory, Clock, Bus);
    private PostService Posts => new(Database.Factory, Clock, Random, Bus, new PostRenderer());
    private CommentService Comments => new(Database.Factory, Clock, Bus);

    private async Task<(UserId Luna, UserId Milo, Cat Pumpkin)> TwoNeighboursAsync()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var cats = await Database.AddCatsAsync(ACat.Playful().OwnedBy(luna).Named("Pumpkin").Build(), ACat.Lazy().OwnedBy(milo).Named("Biscuit").Build());
        var post = (await Posts.PublishAsync(luna, null, new PostInput("Pumpkin's first snow", "She hated it.", "", []))).Value;
        await Posts.PublishAsync(milo, null, new PostInput("Biscuit naps", "All day.", "", []));
        await Comments.AddAsync(milo, post.Id, null, "Poor Pumpkin!");
        await Comments.AddAsync(luna, post.Id, null, "She is fine now.");
        await Follows.FollowAsync(milo, luna);
        await Posts.SaveDraftAsync(luna, null, new PostInput("Secret plans", "Tuna heist.", "", []));
        return (luna, milo, cats[0]);
    }

    [Fact]
    public async Task The_export_holds_my_profile_cats_coins_posts_and_comments_and_nothing_of_my_neighbours()
    {
        var (luna, _, _) = await TwoNeighboursAsync();

        var export = (await Data.ExportAsync(luna)).Value;
        var json = AccountData.ToJson(export);

        Assert.Equal("luna", export.Profile.UserName);
        Assert.Equal(["Pumpkin"], export.Cats.Select(c => c.Name));
        Assert.NotEmpty(export.Ledger);
        Assert.Equal(["Secret plans", "Pumpkin's first snow"], export.Posts.Select(p => p.Title).Order().Reverse());
        Assert.Equal(["She is fine now."], export.Comments.Select(c => c.Body));
        Assert.NotEmpty(export.Notifications); // milo's comment and follow
        Assert.DoesNotContain("Biscuit", json);
        Assert.DoesNotContain("Biscuit naps", json); // milo's post; his comment on mine reaches me only as my notification
        Assert.DoesNotContain("milo@example.test", json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(luna.ToString(), parsed.RootElement.GetProperty("profile").GetProperty("id").GetString()); // ids read as plain strings
        Assert.Equal("Playful", parsed.RootElement.GetProperty("cats")[0].GetProperty("personality").GetString());
    }

    [Fact]
    public async Task Deleting_revokes_the_players_api_keys_and_removes_their_webhooks()
    {
        var (luna, milo, _) = await TwoNeighboursAsync();
        var keys = new Purrr.Core.Api.ApiKeyService(Database.Factory, Clock, new Purrr.Core.Security.SecurityLog(Database.Factory, Clock, Bus));
        var hooks = new Purrr.Core.Webhooks.WebhookService(Database.Factory, Clock, Bus,
            Microsoft.Extensions.Options.Options.Create(new Purrr.Core.Webhooks.WebhookOptions()));
        var lunasKey = (await keys.CreateAsync(luna, new("Script", ["read"], null, null), mayUseAdminScope: false)).Value;
        var milosKey = (await keys.CreateAsync(milo, new("Script", ["read"], null, null), mayUseAdminScope: false)).Value;
        Assert.True((await hooks.CreateAsync(luna, new("https://hooks.example.test/luna", ["cat.created"]))).Succeeded);
        Assert.True((await hooks.CreateAsync(milo, new("https://hooks.example.test/milo", ["cat.created"]))).Succeeded);

        Assert.True((await Data.CloseAsync(luna, "luna")).Succeeded);

        Assert.False((await keys.AuthenticateAsync(lunasKey.Key, null)).Succeeded);
        Assert.True((await keys.AuthenticateAsync(milosKey.Key, null)).Succeeded);
        await using var db = Database.NewContext();
        Assert.Equal([milo], await db.Webhooks.Select(w => w.OwnerId).ToListAsync());
    }

    [Fact]
    public async Task The_export_holds_my_linked_wallet_and_deleting_forgets_it()
    {
        var (luna, milo, _) = await TwoNeighboursAsync();
        Assert.True((await Flags.SetAsync(Purrr.Core.Admin.Feature.Blockchain, true, milo)).Succeeded);
        var wallets = new Purrr.Core.Blockchain.WalletLinkService(Database.Factory, Clock, Flags, new Purrr.Data.Blockchain.NethereumWalletCrypto());
        var challenge = (await wallets.ChallengeAsync(luna)).Value;
        Assert.True((await wallets.LinkAsync(luna, Blockchain.TestWallets.AliceAddress, challenge.Message,
            Blockchain.TestWallets.Sign(Blockchain.TestWallets.AliceKey, challenge.Message))).Succeeded);

        var export = (await Data.ExportAsync(luna)).Value;
        Assert.Equal(Blockchain.TestWallets.AliceAddress, export.Wallet?.Address);
        Assert.Null((await Data.ExportAsync(milo)).Value.Wallet);
        using (var parsed = JsonDocument.Parse(AccountData.ToJson(export)))
            Assert.Equal(Blockchain.TestWallets.AliceAddress, parsed.RootElement.GetProperty("wallet").GetProperty("address").GetString());

        Assert.True((await Data.CloseAsync(luna, "luna")).Succeeded);

        await using var db = Database.NewContext();
        Assert.Equal(0, await db.WalletLinks.CountAsync());
        Assert.Equal(0, await db.WalletChallenges.CountAsync());
    }

    [Fact]
    public async Task The_export_holds_the_nft_transactions_made_for_me()
    {
        var (luna, milo, _) = await TwoNeighboursAsync();
        var cat = (await Database.AddCatsAsync(ACat.Playful().Named("Mochi").OwnedBy(luna).Build()))[0];
        await using (var db = Database.NewContext())
        {
            db.ChainTransactions.Add(Purrr.Core.Blockchain.ChainTransaction.Sent("0x" + new string('d', 64), Purrr.Core.Blockchain.ChainTransactionKind.Mint,
                1337, cat.Id, luna, Blockchain.TestWallets.AliceAddress, Blockchain.TestWallets.BobAddress, null, Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        var export = (await Data.ExportAsync(luna)).Value;

        Assert.Equal("0x" + new string('d', 64), Assert.Single(export.ChainTransactions).Hash);
        Assert.Empty((await Data.ExportAsync(milo)).Value.ChainTransactions);
        using var parsed = JsonDocument.Parse(AccountData.ToJson(export));
        Assert.Equal(1, parsed.RootElement.GetProperty("chainTransactions").GetArrayLength());
    }

    [Fact]
    public async Task Deleting_needs_the_user_name_typed_and_a_wrong_one_changes_nothing()
    {
        var (luna, _, _) = await TwoNeighboursAsync();

        var refused = await Data.CloseAsync(luna, "lunar");

        Assert.Equal("Type your user name, luna, to confirm.", refused.FirstMessage);
        Assert.Equal("confirm", refused.Problems[0].Field);
        await using var db = Database.NewContext();
        Assert.False((await db.Players.SingleAsync(p => p.Id == luna)).IsClosed);
        Assert.Empty(Bus.Published.OfType<AccountClosed>());
    }

    [Fact]
    public async Task Deleting_anonymises_the_account_releases_the_cats_to_the_shelter_and_tells_open_tabs()
    {
        var (luna, milo, pumpkin) = await TwoNeighboursAsync();
        var stampBefore = (await Database.NewContext().Users.SingleAsync(u => u.Id == luna)).SecurityStamp;

        var closed = await Data.CloseAsync(luna, " LUNA ");

        Assert.True(closed.Succeeded, closed.FirstMessage);
        await using var db = Database.NewContext();
        var player = await db.Players.SingleAsync(p => p.Id == luna);
        var user = await db.Users.SingleAsync(u => u.Id == luna);
        Assert.Equal((AccountData.AnonymousName(luna), AccountData.DeletedDisplayName, "", true), (player.UserName, player.DisplayName, player.Bio, player.IsClosed));
        Assert.Equal((AccountData.AnonymousName(luna), null, null), (user.UserName, user.Email, user.PasswordHash));
        Assert.NotEqual(stampBefore, user.SecurityStamp); // cookies of the account stop validating
        var cat = await db.Cats.SingleAsync(c => c.Id == pumpkin.Id);
        Assert.Equal((Shelter.Id, true), (cat.OwnerId, cat.IsPublic));
        Assert.Equal(Shelter.DisplayName, (await db.Players.SingleAsync(p => p.Id == Shelter.Id)).DisplayName);
        Assert.Contains(await db.CatEvents.Where(e => e.CatId == pumpkin.Id).Select(e => e.Detail).ToListAsync(), d => d == "Pumpkin moved to the Purrr shelter.");
        Assert.Empty(await db.EditorDrafts.Where(d => d.AuthorId == luna).ToListAsync());
        Assert.Empty(await db.Follows.Where(f => f.FolloweeId == luna).ToListAsync());
        Assert.Empty(await db.Notifications.Where(n => n.RecipientId == luna).ToListAsync());
        Assert.Single(await db.Posts.Where(p => p.AuthorId == luna && p.Status == PostStatus.Published).ToListAsync()); // the post stays, anonymous
        Assert.Equal(milo, (await db.Cats.SingleAsync(c => c.Name == "Biscuit")).OwnerId);
        Assert.Equal(new AccountClosed(luna), Bus.Published.OfType<AccountClosed>().Single());
        Assert.Equal("This account no longer exists.", (await Data.ExportAsync(luna)).FirstMessage);
        Assert.Equal("This account no longer exists.", (await Data.CloseAsync(luna, "luna")).FirstMessage);
    }

    [Fact]
    public async Task Two_deleted_accounts_share_one_shelter()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await Database.AddCatsAsync(ACat.Playful().OwnedBy(luna).Build(), ACat.Lazy().OwnedBy(milo).Build());

        Assert.True((await Data.CloseAsync(luna, "luna")).Succeeded);
        Assert.True((await Data.CloseAsync(milo, "milo")).Succeeded);

        await using var db = Database.NewContext();
        Assert.Equal(2, await db.Cats.CountAsync(c => c.OwnerId == Shelter.Id));
        Assert.Equal(1, await db.Users.CountAsync(u => u.Id == Shelter.Id));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (services is not null)
            await services.DisposeAsync();
        await base.DisposeAsync();
    }
}

public static class AccountStoreServices
{
    /// <summary>The real sign-in side of accounts (Identity rows, OpenIddict's token store) over the test database.</summary>
    public static IServiceCollection AddAccountStore(this IServiceCollection services, TestDatabase database)
    {
        services.AddScoped(_ => database.Contexts.CreateDbContext());
        services.AddOpenIddict().AddCore(o => o.UseEntityFrameworkCore().UseDbContext<PurrrDbContext>());
        services.AddSingleton<IAccountStore, IdentityAccountStore>();
        return services;
    }
}

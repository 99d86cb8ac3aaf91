using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Setup;

/// <summary>The app as it starts outside the tests: the demo neighbourhood seeded after start, passwords at the spec's Argon2 cost.</summary>
public sealed class BackgroundDemoAppFactory : PurrrAppFactory
{
    public BackgroundDemoAppFactory()
    {
        SeedDemoWorld = true;
        SeedDemoInBackground = true;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var spec = new Argon2Options();
        builder.UseSetting("Accounts:Argon2:MemoryKib", spec.MemoryKib.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Accounts:Argon2:Iterations", spec.Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Accounts:Argon2:Parallelism", spec.Parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[Trait("Category", "Integration")]
public sealed class DemoWorldBackgroundTests(BackgroundDemoAppFactory app) : IClassFixture<BackgroundDemoAppFactory>
{
    [Fact]
    public async Task The_first_page_already_shows_the_neighbourhood_cats()
    {
        using var client = AppClient.For(app);
        var html = await client.Http.GetStringAsync("/");
        Assert.Contains("Meet the neighbourhood", html);
        Assert.Contains("Ziggy", html);
    }

    [Fact]
    public async Task After_start_the_demo_world_is_complete()
    {
        using (AppClient.For(app)) { } // starts the app
        await app.Services.GetRequiredService<DemoWorldSeeding>().Completion.WaitAsync(TimeSpan.FromMinutes(2));

        var (players, cats, homes, zones, lostPets, found, posts, comments, lunaFollows) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PurrrDbContext>();
            var luna = (await sp.GetRequiredService<UserManager<PurrrUser>>().FindByNameAsync("luna"))!.Id;
            var following = await sp.GetRequiredService<Purrr.Core.Community.FollowService>().FollowingAsync(luna);
            return (await db.Players.CountAsync(), await db.Cats.CountAsync(), await db.Players.CountAsync(p => p.HomeLatitude != null),
                await db.ProtectionZones.CountAsync(), await db.LostPets.CountAsync(), await db.LostPets.CountAsync(p => p.Status == Purrr.Core.LostPets.LostPetStatus.Found),
                await db.Posts.CountAsync(), await db.Comments.CountAsync(), following.Select(p => p.UserName).Order().ToList());
        });

        Assert.Equal(5, players);
        Assert.Equal(13, cats);
        Assert.Equal(3, homes);
        Assert.Equal(5, zones); // three home bases and two built zones
        Assert.Equal(12, lostPets);
        Assert.Equal(1, found);
        Assert.Equal(4, posts);
        Assert.Equal(6, comments);
        Assert.Equal(["milo", "nova", "pixel"], lunaFollows);
    }

    [Theory]
    [InlineData(DemoWorld.AdminUserName, DemoWorld.AdminPassword)]
    [InlineData("pixel", DemoWorld.PlayerPassword)]
    public async Task The_published_demo_credentials_sign_in_at_full_argon2_cost(string userName, string password)
    {
        using var client = AppClient.For(app);
        var response = await client.SignInAsync(userName, password);
        Assert.Equal("/cats", AppClient.RedirectTarget(response));
    }
}

[Trait("Category", "Unit")]
public sealed class DemoPasswordTests
{
    [Fact]
    public void The_pre_hashed_demo_passwords_verify_at_the_spec_cost_without_a_rehash()
    {
        using var hasher = new Argon2PasswordHasher(Options.Create(new Argon2Options()));
        var user = new PurrrUser { UserName = "luna" };

        Assert.Equal([DemoWorld.AdminPassword, DemoWorld.PlayerPassword], DemoWorld.PreHashedPasswords.Keys.Order());
        foreach (var (password, hash) in DemoWorld.PreHashedPasswords)
        {
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, hash, password));
            Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, hash, password + "!"));
        }
    }
}

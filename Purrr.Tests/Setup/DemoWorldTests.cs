using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Data;
using Purrr.Data.Setup;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Setup;

public sealed class DemoAppFactory : PurrrAppFactory
{
    public DemoAppFactory() => SeedDemoWorld = true;
}

[Trait("Category", "Integration")]
public sealed class DemoWorldTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    [Fact]
    public async Task An_empty_database_gets_five_players_with_cats_and_one_admin()
    {
        var (players, cats, privateCats, admins) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PurrrDbContext>();
            var users = sp.GetRequiredService<UserManager<PurrrUser>>();
            return (await db.Players.CountAsync(), await db.Cats.CountAsync(), await db.Cats.CountAsync(c => !c.IsPublic),
                (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.UserName).ToList());
        });

        Assert.Equal(5, players);
        Assert.Equal(13, cats);
        Assert.Equal(1, privateCats);
        Assert.Equal([DemoWorld.AdminUserName], admins);
    }

    [Fact]
    public async Task One_demo_player_is_a_moderator()
    {
        var moderators = await app.InScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<PurrrUser>>().GetUsersInRoleAsync(Roles.Moderator)).Select(u => u.UserName).ToList());

        Assert.Equal([DemoWorld.ModeratorUserName], moderators);
    }

    [Fact]
    public async Task Demo_players_follow_each_other_so_whos_online_is_not_empty()
    {
        var following = await app.InScopeAsync(async sp =>
        {
            var luna = (await sp.GetRequiredService<UserManager<PurrrUser>>().FindByNameAsync("luna"))!.Id;
            return await sp.GetRequiredService<Purrr.Core.Community.FollowService>().FollowingAsync(luna);
        });

        Assert.Equal(["milo", "nova", "pixel"], following.Select(p => p.UserName).Order());
    }

    [Fact]
    public async Task The_neighbourhood_has_a_dozen_lost_pets_with_sightings_and_one_happy_ending()
    {
        var (reports, sightings, found, alerted) = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PurrrDbContext>();
            return (await db.LostPets.CountAsync(), await db.LostPetSightings.CountAsync(),
                await db.LostPets.CountAsync(p => p.Status == Purrr.Core.LostPets.LostPetStatus.Found), await db.Players.CountAsync(p => p.LostPetAlerts));
        });

        Assert.Equal(12, reports);
        Assert.True(sightings >= 5, $"{sightings} sightings");
        Assert.Equal(1, found);
        Assert.Equal(2, alerted);
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        var seeded = await app.InScopeAsync(sp => sp.GetRequiredService<DemoWorld>().SeedIfEmptyAsync());
        var cats = await app.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().Cats.CountAsync());

        Assert.False(seeded);
        Assert.Equal(13, cats);
    }

    [Theory]
    [InlineData(DemoWorld.AdminUserName, DemoWorld.AdminPassword)]
    [InlineData("luna", DemoWorld.PlayerPassword)]
    public async Task The_published_demo_credentials_sign_in(string userName, string password)
    {
        using var client = AppClient.For(app);
        var response = await client.SignInAsync(userName, password);
        Assert.Equal("/cats", AppClient.RedirectTarget(response));
    }

    [Fact]
    public async Task The_front_page_shows_the_neighbourhood_cats()
    {
        using var client = AppClient.For(app);
        var html = await client.Http.GetStringAsync("/");
        Assert.Contains("Meet the neighbourhood", html);
        Assert.Contains("Ziggy", html);
        Assert.DoesNotContain("Secret", html); // milo's private cat
    }
}

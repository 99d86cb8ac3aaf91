using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Admin.Users;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

/// <summary>What an admin's sign-out and role change do to the player's real sign-in cookie (Identity, over HTTP).</summary>
[Trait("Category", "Integration")]
public sealed class SessionEndTests(PurrrAppFactory app) : IClassFixture<PurrrAppFactory>
{
    private async Task<(Core.Common.UserId Admin, Core.Common.UserId Player, AppClient Client)> PlayerSignedInAsync()
    {
        using var first = AppClient.For(app);
        await first.RegisterAsync(Names.Unique("adm")); // the fixture's first account is the admin; later ones are players
        var client = AppClient.For(app);
        var name = Names.Unique("ply");
        await client.RegisterAsync(name);
        await client.SignInAsync(name);
        return await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PurrrUser>>();
            var admin = (await users.GetUsersInRoleAsync(Roles.Admin)).First();
            return (admin.Id, (await users.FindByNameAsync(name))!.Id, client);
        });
    }

    private UserAdminService Users => app.Services.GetRequiredService<UserAdminService>();

    [Fact]
    public async Task After_a_sign_out_everywhere_the_players_tab_lands_on_sign_in_with_the_reason_and_the_cookie_is_gone()
    {
        var (admin, player, client) = await PlayerSignedInAsync();
        Assert.False(AppClient.IsRedirect(await client.GetAsync("/cats")));

        Assert.True((await Users.SignOutEverywhereAsync(admin, player)).Succeeded);
        var ended = await client.GetAsync("/Account/SessionEnded");

        Assert.Equal("/Account/Login?ended=true", AppClient.RedirectTarget(ended));
        Assert.Contains("An admin ended your session", await (await client.GetAsync("/Account/Login?ended=true")).Content.ReadAsStringAsync());
        Assert.StartsWith("/Account/Login", AppClient.RedirectTarget(await client.GetAsync("/cats")));
    }

    [Fact]
    public async Task A_link_to_the_session_end_page_does_not_sign_out_a_player_whose_session_is_current()
    {
        var (_, _, client) = await PlayerSignedInAsync();

        var response = await client.GetAsync("/Account/SessionEnded");

        Assert.Equal("/", AppClient.RedirectTarget(response));
        Assert.False(AppClient.IsRedirect(await client.GetAsync("/cats")));
    }

    [Fact]
    public async Task A_new_role_is_stored_by_identity_and_the_player_signs_in_again_to_get_it()
    {
        var (admin, player, client) = await PlayerSignedInAsync();

        Assert.True((await Users.ChangeRoleAsync(admin, player, Roles.Moderator)).Succeeded);

        var roles = await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PurrrUser>>();
            return await users.GetRolesAsync((await users.FindByIdAsync(player.ToString()))!);
        });
        Assert.Equal([Roles.Moderator, Roles.Player], roles.Order());
        Assert.Equal("/Account/Login?ended=true", AppClient.RedirectTarget(await client.GetAsync("/Account/SessionEnded")));
    }
}

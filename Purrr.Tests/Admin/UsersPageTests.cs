using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Moderation;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Admin;

namespace Purrr.Tests.Admin;

[Trait("Category", "Component")]
public sealed class UsersPageTests : ServiceTestBase
{
    private TestAccountAdmin accounts = null!;
    private UserId admin;

    private async Task<BunitContext> AsAdminAsync(int players = 0)
    {
        accounts = new TestAccountAdmin(Database);
        admin = await NewPlayerAsync("admin");
        await Database.SetRoleAsync(admin, Roles.Admin);
        for (var i = 1; i <= players; i++)
            await Database.AddPlayerAsync($"player{i:00}");
        var context = ComponentTestContext.Create(Database, (admin, "admin"), clock: Clock, services: s => s.AddSingleton<IAccountAdmin>(accounts),
            roles: Roles.Admin);
        context.Render<MudPopoverProvider>();
        return context;
    }

    private static IReadOnlyList<string> UserNamesShown(IRenderedComponent<UsersPage> page) =>
        [.. page.FindAll("tbody tr .purrr-user-cell span.d-block").Select(s => s.TextContent.Trim().TrimStart('@'))];

    [Fact]
    public async Task The_grid_shows_the_first_page_and_asks_the_server_for_the_next_one()
    {
        await using var context = await AsAdminAsync(players: 30);
        var page = context.Render<UsersPage>();

        page.WaitForAssertion(() => Assert.Equal(25, UserNamesShown(page).Count));
        Assert.Equal("admin", UserNamesShown(page)[0]);
        Assert.Equal("player24", UserNamesShown(page)[^1]);
        Assert.Contains("1-25 of 31", page.Markup);

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal(["player25", "player26", "player27", "player28", "player29", "player30"], UserNamesShown(page)));
    }

    [Fact]
    public async Task Searching_narrows_the_list_and_the_export_link_carries_the_filter()
    {
        await using var context = await AsAdminAsync(players: 12);
        var page = context.Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Equal(13, UserNamesShown(page).Count));

        page.Find("input[type=text]").Input("PLAYER1");
        Clock.Advance(TimeSpan.FromSeconds(1)); // MudBlazor's debounce runs on the app's clock

        page.WaitForAssertion(() => Assert.Equal(["player10", "player11", "player12"], UserNamesShown(page)));
        page.WaitForAssertion(() => Assert.Equal("/admin/users.csv?search=PLAYER1", page.Find("a.purrr-export").GetAttribute("href")));
    }

    [Fact]
    public async Task An_admin_bans_a_player_after_confirming_and_sees_the_status_change()
    {
        await using var context = await AsAdminAsync(players: 1);
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<UserPage>(p => p.Add(x => x.UserName, "player01"));
        page.WaitForAssertion(() => Assert.Contains("Suspend or ban", page.Markup));

        page.Find("textarea").Change("Threatening other players.");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Ban").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Ban @player01?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Ban").Click();

        page.WaitForAssertion(() => Assert.Contains("@player01 is banned.", page.Find("[data-testid=action-result]").TextContent));
        Assert.Contains("Banned since", page.Markup);
        Assert.Contains("Unban", page.Markup);
        await using var db = Database.NewContext();
        Assert.Equal("Threatening other players.", (await db.UserSanctions.SingleAsync()).Reason);
    }

    [Fact]
    public async Task A_refused_action_says_why_keeps_the_reason_typed_and_changes_nothing()
    {
        await using var context = await AsAdminAsync();
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<UserPage>(p => p.Add(x => x.UserName, "admin"));
        page.WaitForAssertion(() => Assert.Contains("Suspend or ban", page.Markup));

        page.Find("textarea").Change("Testing.");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Suspend").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Suspend @admin?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Suspend").Click();

        page.WaitForAssertion(() => Assert.Contains("You can't sanction yourself.", page.Find("[data-testid=action-result]").TextContent));
        Assert.Equal("Testing.", page.Find("textarea").GetAttribute("value") ?? page.Find("textarea").TextContent);
        await using var db = Database.NewContext();
        Assert.Empty(await db.UserSanctions.ToListAsync());
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_players_sessions()
    {
        await using var context = await AsAdminAsync(players: 1);
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<UserPage>(p => p.Add(x => x.UserName, "player01"));
        page.WaitForAssertion(() => Assert.Contains("Sign out everywhere", page.Markup));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Sign out everywhere").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Sign @player01 out everywhere?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Sign out").Click();

        page.WaitForAssertion(() => Assert.Contains("@player01 is signed out everywhere.", page.Markup));
        Assert.Single(accounts.SessionsEnded);
    }
}

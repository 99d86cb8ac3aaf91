using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Security;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Admin;

/// <summary>
/// Every admin console page and download, opened as a visitor, a player, a moderator and an admin (one table): only the
/// allowed roles get in (Admin; Moderator too for moderation); visitors are sent to sign in; other signed-in players are
/// refused, and the refusal is logged as UNAUTHORIZED_ACCESS. The admins' actions themselves are refused to anyone but
/// an admin by the services (UserAdminServiceTests), so an open tab of a demoted admin can't act either.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AdminAccessTests(AdminAccessTests.Accounts accounts) : IClassFixture<AdminAccessTests.Accounts>
{
    public enum Who { Visitor, Player, Moderator, Admin }

    /// <summary>One app with one account of each role, signed in once.</summary>
    public sealed class Accounts : IAsyncLifetime
    {
        public PurrrAppFactory App { get; } = new();
        public Dictionary<Who, AppClient> Clients { get; } = [];
        public Dictionary<Who, Purrr.Core.Common.UserId> Ids { get; } = [];
        public Dictionary<Who, string> UserNames { get; } = [];

        public async Task InitializeAsync()
        {
            foreach (var who in new[] { Who.Admin, Who.Player, Who.Moderator }) // the first account becomes the admin
            {
                var client = AppClient.For(App);
                var name = Names.Unique(who.ToString()[..3].ToLowerInvariant());
                await client.RegisterAsync(name);
                var user = await App.InScopeAsync(async sp =>
                {
                    var users = sp.GetRequiredService<UserManager<PurrrUser>>();
                    var found = (await users.FindByNameAsync(name))!;
                    if (who == Who.Moderator)
                        await users.AddToRoleAsync(found, Roles.Moderator);
                    return found;
                });
                await client.SignInAsync(name); // the role is in the new cookie
                Clients[who] = client;
                Ids[who] = user.Id;
                UserNames[who] = name;
            }
            Clients[Who.Visitor] = AppClient.For(App);
        }

        public async Task DisposeAsync()
        {
            foreach (var client in Clients.Values)
                client.Dispose();
            await App.DisposeAsync();
        }
    }

    /// <summary>Every admin console address, what an allowed role sees on it, and who is allowed (the rest are refused).</summary>
    private static readonly (string Path, string Shows, Who[] Allowed)[] Console =
    [
        ("/admin", ">Dashboard</h1>", [Who.Admin]),
        ("/admin/users", ">Users</h1>", [Who.Admin]),
        ("/admin/users/{moderator}", "Suspend or ban", [Who.Admin]),
        ("/admin/users.csv", "user_name,display_name,email", [Who.Admin]),
        ("/admin/security", ">Security log</h1>", [Who.Admin]),
        ("/admin/health", ">Health</h1>", [Who.Admin]),
        ("/admin/flags", ">Feature flags</h1>", [Who.Admin]),
        ("/admin/chain", ">Chain</h1>", [Who.Admin]),
        ("/admin/withdrawals", ">Withdrawals</h1>", [Who.Admin]),
        ("/admin/moderation", ">Moderation</h1>", [Who.Moderator, Who.Admin]),
        ("/admin/audit", ">Audit log</h1>", [Who.Admin]),
        ("/admin/ai", ">AI models</h1>", [Who.Admin]),
    ];

    /// <summary>The admin console's addresses, for the authorization matrix's completeness check.</summary>
    public static IEnumerable<string> ConsolePaths => Console.Select(c => c.Path);

    public static TheoryData<string, Who, string> Matrix()
    {
        var data = new TheoryData<string, Who, string>();
        foreach (var (path, shows, allowed) in Console)
        {
            data.Add(path, Who.Visitor, "sign in");
            foreach (var who in new[] { Who.Player, Who.Moderator, Who.Admin })
                data.Add(path, who, allowed.Contains(who) ? shows : "refused");
        }
        return data;
    }

    // That every admin page has a row here is checked with all the other pages by Security/AuthorizationMatrixTests.

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_opens_only_its_part_of_the_admin_console(string path, Who who, string expected)
    {
        var page = path.Replace("{moderator}", accounts.UserNames[Who.Moderator]);
        var response = await accounts.Clients[who].GetAsync(page);

        switch (expected)
        {
            case "sign in":
                Assert.True(AppClient.IsRedirect(response));
                Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(page)}", AppClient.RedirectTarget(response));
                break;
            case "refused":
                Assert.True(AppClient.IsRedirect(response));
                var target = AppClient.RedirectTarget(response)!;
                Assert.StartsWith("/Account/AccessDenied", target);
                var denied = await accounts.Clients[who].GetAsync(target);
                Assert.Contains("Access denied", await denied.Content.ReadAsStringAsync());
                var logged = await accounts.App.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().SecurityEvents
                    .AnyAsync(e => e.Type == SecurityEventType.UnauthorizedAccess && e.UserId == accounts.Ids[who] && e.Detail.Contains(page)));
                Assert.True(logged, $"The {who}'s attempt on {page} was not logged.");
                break;
            default:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(expected, await response.Content.ReadAsStringAsync());
                break;
        }
    }
}

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
/// Every admin console page, opened as a visitor, a player, a moderator and an admin: only admins get in; visitors are
/// sent to sign in; signed-in players and moderators are refused, and the refusal is logged as UNAUTHORIZED_ACCESS.
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

    public static TheoryData<string, Who, string> Matrix()
    {
        var data = new TheoryData<string, Who, string>();
        foreach (var (page, heading) in new[] { ("/admin", "Dashboard"), ("/admin/security", "Security log"), ("/admin/health", "Health"), ("/admin/flags", "Feature flags") })
        {
            data.Add(page, Who.Visitor, "sign in");
            data.Add(page, Who.Player, "refused");
            data.Add(page, Who.Moderator, "refused");
            data.Add(page, Who.Admin, heading);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_admins_open_the_admin_console(string page, Who who, string expected)
    {
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
                Assert.Contains($">{expected}</h1>", await response.Content.ReadAsStringAsync());
                break;
        }
    }
}

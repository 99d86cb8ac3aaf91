using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Moderation;

/// <summary>
/// Who may open the moderation pages (spec §2): moderation needs Moderator or Admin; the audit log is part of the admin
/// console and needs Admin. Checked over HTTP, as the server refuses before rendering.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ModerationAccessTests(PurrrAppFactory app) : IClassFixture<PurrrAppFactory>
{
    private async Task<AppClient> SignedInAsync(string? role)
    {
        var client = AppClient.For(app);
        await client.RegisterAsync(Names.Unique("first")); // the fixture's first account becomes admin: not this one
        var userName = Names.Unique(role?.ToLowerInvariant()[..3] ?? "ply");
        await client.RegisterAsync(userName);
        if (role is not null)
            await app.InScopeAsync(async sp =>
            {
                var users = sp.GetRequiredService<UserManager<PurrrUser>>();
                return await users.AddToRoleAsync((await users.FindByNameAsync(userName))!, role);
            });
        var signedIn = await client.SignInAsync(userName); // roles travel in the sign-in cookie
        Assert.True(AppClient.IsRedirect(signedIn));
        return client;
    }

    private static async Task AssertRefusedAsync(AppClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(AppClient.IsRedirect(response), $"{path} answered {response.StatusCode}");
        Assert.StartsWith("/Account/AccessDenied", AppClient.RedirectTarget(response));
    }

    [Fact]
    public async Task A_player_is_refused_the_moderation_queue_and_the_audit_log()
    {
        using var player = await SignedInAsync(role: null);

        await AssertRefusedAsync(player, "/admin/moderation");
        await AssertRefusedAsync(player, "/admin/audit");
    }

    [Fact]
    public async Task A_moderator_gets_the_queue_but_not_the_audit_log()
    {
        using var moderator = await SignedInAsync(Roles.Moderator);

        var queue = await moderator.GetAsync("/admin/moderation");

        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("<h1", await queue.Content.ReadAsStringAsync());
        await AssertRefusedAsync(moderator, "/admin/audit");
    }

    [Fact]
    public async Task An_admin_gets_both()
    {
        using var admin = await SignedInAsync(Roles.Admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/moderation")).StatusCode);
        var audit = await admin.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Contains("Audit log", await audit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in()
    {
        using var visitor = AppClient.For(app);

        var response = await visitor.GetAsync("/admin/moderation");

        Assert.StartsWith("/Account/Login", AppClient.RedirectTarget(response));
    }
}

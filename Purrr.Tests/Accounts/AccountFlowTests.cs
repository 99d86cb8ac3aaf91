using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Security;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Accounts;

/// <summary>Sign-up, sign-in and the account rules, through the real pages over HTTP.</summary>
[Trait("Category", "Integration")]
public sealed class AccountFlowTests(PurrrAppFactory app) : IClassFixture<PurrrAppFactory>
{
    private Task<PurrrUser?> FindUserAsync(string userName) =>
        app.InScopeAsync(sp => sp.GetRequiredService<UserManager<PurrrUser>>().FindByNameAsync(userName));

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string inputId)
    {
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return document.QuerySelector($"#{inputId}")?.ParentElement?.QuerySelector(".purrr-field-error")?.TextContent.Trim() ?? "";
    }

    [Fact]
    public async Task Sign_up_then_sign_in_then_adopt_through_core_stores_the_cat_and_shows_it_in_my_cats()
    {
        var userName = Names.Unique("tom");
        using (var signUp = AppClient.For(app))
        {
            var registered = await signUp.RegisterAsync(userName);
            Assert.True(AppClient.IsRedirect(registered), $"sign-up answered {registered.StatusCode}");
        }

        using var client = AppClient.For(app);
        var signedIn = await client.SignInAsync(userName);
        Assert.True(AppClient.IsRedirect(signedIn));
        Assert.Equal("/cats", AppClient.RedirectTarget(signedIn));

        var user = await FindUserAsync(userName);
        var adopted = await app.InScopeAsync(sp => sp.GetRequiredService<CatService>().AdoptAsync(user!.Id, new AdoptCatRequest("Pumpkin", "maine_coon")));
        Assert.True(adopted.Succeeded);

        var myCats = await client.GetAsync("/cats");
        Assert.Equal(HttpStatusCode.OK, myCats.StatusCode);
        var html = await myCats.Content.ReadAsStringAsync();
        Assert.Contains("Pumpkin", html);
        Assert.Contains("cat-portrait", html);

        var player = await app.Services.GetRequiredService<PlayerService>().FindAsync(user!.Id);
        Assert.Equal("Europe/Paris", player!.TimeZoneId); // from the browser at sign-up
    }

    [Fact]
    public async Task The_first_account_is_admin_and_later_ones_are_players()
    {
        // This fixture's app starts empty, so whichever test registers first makes the admin; register two and compare.
        using var client = AppClient.For(app);
        var first = Names.Unique("ann");
        var second = Names.Unique("bob");
        await client.RegisterAsync(first);
        await client.RegisterAsync(second);

        var roles = await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PurrrUser>>();
            var admins = await users.GetUsersInRoleAsync(Roles.Admin);
            return (Admins: admins.Count, SecondIsAdmin: await users.IsInRoleAsync((await users.FindByNameAsync(second))!, Roles.Admin),
                SecondIsPlayer: await users.IsInRoleAsync((await users.FindByNameAsync(second))!, Roles.Player));
        });
        Assert.Equal(1, roles.Admins);
        Assert.False(roles.SecondIsAdmin);
        Assert.True(roles.SecondIsPlayer);
    }

    [Fact]
    public async Task A_taken_username_or_email_gets_a_message_by_its_field_and_creates_nothing()
    {
        var userName = Names.Unique("kit");
        using var client = AppClient.For(app);
        await client.RegisterAsync(userName);

        var sameName = await client.RegisterAsync(userName.ToUpperInvariant(), email: $"other-{userName}@example.test");
        Assert.Equal($"Username '{userName.ToUpperInvariant()}' is already taken.", await FieldErrorAsync(sameName, "username"));

        var sameEmail = await client.RegisterAsync(Names.Unique("kat"), email: $"{userName}@example.test");
        Assert.Equal($"Email '{userName}@example.test' is already taken.", await FieldErrorAsync(sameEmail, "email"));

        var count = await app.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().Users.CountAsync(u => u.Email == $"{userName}@example.test"));
        Assert.Equal(1, count);
    }

    [Theory]
    [InlineData("short", "password", "A password needs at least 8 characters.")]
    [InlineData("x", "username", "A username has 3 to 20 characters.")]
    [InlineData("bad name!", "username", "A username may use only letters, digits, '_' and '-'.")]
    public async Task Bad_sign_up_input_gets_a_message_by_its_field_and_creates_nothing(string input, string field, string message)
    {
        using var client = AppClient.For(app);
        var userName = field == "username" ? input : Names.Unique("pat");
        var response = await client.RegisterAsync(userName, password: field == "password" ? input : "purrr-test-pw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(message, await FieldErrorAsync(response, field));
        Assert.Null(await FindUserAsync(userName));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_with_the_same_generic_message()
    {
        var userName = Names.Unique("max");
        using var client = AppClient.For(app);
        await client.RegisterAsync(userName);
        await client.SignOutAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await client.SignInAsync(userName, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("Invalid credentials.", await failed.Content.ReadAsStringAsync());
        }

        var refused = await client.SignInAsync(userName); // the right password, too late
        Assert.Contains("Invalid credentials.", await refused.Content.ReadAsStringAsync());
        Assert.False(AppClient.IsRedirect(refused));

        var user = await FindUserAsync(userName);
        var lockoutEnd = user!.LockoutEnd!.Value;
        Assert.InRange(lockoutEnd - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        var events = await app.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().SecurityEvents
            .Where(e => e.UserId == user.Id).Select(e => e.Type).ToListAsync());
        Assert.Equal(4, events.Count(t => t == SecurityEventType.LoginFailed));
        Assert.Equal(2, events.Count(t => t == SecurityEventType.LoginLocked)); // the locking attempt and the refused one
    }

    [Fact]
    public async Task An_unknown_account_gets_the_same_message_and_is_logged()
    {
        using var client = AppClient.For(app);
        var response = await client.SignInAsync("nobody-here", "whatever-pw");

        Assert.Contains("Invalid credentials.", await response.Content.ReadAsStringAsync());
        var logged = await app.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().SecurityEvents
            .AnyAsync(e => e.Type == SecurityEventType.LoginFailed && e.Detail.Contains("nobody-here")));
        Assert.True(logged);
    }

    [Fact]
    public async Task Another_players_private_cat_page_is_a_404_without_its_data()
    {
        var ownerName = Names.Unique("own");
        var visitorName = Names.Unique("vis");
        using var owner = AppClient.For(app);
        await owner.RegisterAsync(ownerName);
        var ownerUser = await FindUserAsync(ownerName);
        var secret = (await app.InScopeAsync(sp => sp.GetRequiredService<CatService>()
            .AdoptAsync(ownerUser!.Id, new AdoptCatRequest("Whisperfluff", "persian", IsPublic: false)))).Value;

        using var visitor = AppClient.For(app);
        await visitor.RegisterAsync(visitorName);
        var asVisitor = await visitor.GetAsync($"/cats/{secret.Id}");
        using var anonymous = AppClient.For(app);
        var asAnonymous = await anonymous.GetAsync($"/cats/{secret.Id}");
        var asOwner = await owner.GetAsync($"/cats/{secret.Id}");

        Assert.Equal(HttpStatusCode.NotFound, asVisitor.StatusCode);
        Assert.DoesNotContain("Whisperfluff", await asVisitor.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, asAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOwner.StatusCode);
        Assert.Contains("Whisperfluff", await asOwner.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_player_is_refused_the_admin_console_and_the_attempt_is_logged()
    {
        using var client = AppClient.For(app);
        await client.RegisterAsync(Names.Unique("adm")); // in case this is the fixture's first account, which becomes admin
        var playerName = Names.Unique("ply");
        await client.RegisterAsync(playerName);

        var response = await client.GetAsync("/admin");

        Assert.True(AppClient.IsRedirect(response));
        Assert.StartsWith("/Account/AccessDenied", AppClient.RedirectTarget(response));
        await client.GetAsync(AppClient.RedirectTarget(response)!);
        var user = await FindUserAsync(playerName);
        var logged = await app.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().SecurityEvents
            .AnyAsync(e => e.Type == SecurityEventType.UnauthorizedAccess && e.UserId == user!.Id));
        Assert.True(logged);
    }

    [Fact]
    public async Task A_player_edits_their_profile_and_a_bad_time_zone_is_refused()
    {
        var userName = Names.Unique("zoe");
        using var client = AppClient.For(app);
        await client.RegisterAsync(userName);

        var saved = await client.SubmitFormAsync("/Account/Manage", "profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zoe of the Alley",
            ["Input.Bio"] = "Night owl with two cats",
            ["Input.TimeZoneId"] = "America/Denver",
        });
        Assert.Equal("/Account/Manage", AppClient.RedirectTarget(saved));

        var refused = await client.SubmitFormAsync("/Account/Manage", "profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Zoe",
            ["Input.TimeZoneId"] = "Moon/Base",
        });
        Assert.Equal("Choose a time zone from the list.", await FieldErrorAsync(refused, "time-zone"));

        var player = await app.Services.GetRequiredService<PlayerService>().FindAsync((await FindUserAsync(userName))!.Id);
        Assert.Equal(("Zoe of the Alley", "Night owl with two cats", "America/Denver"), (player!.DisplayName, player.Bio, player.TimeZoneId));
    }

    [Fact]
    public async Task A_player_changes_their_password_and_only_the_new_one_works_afterwards()
    {
        var userName = Names.Unique("cpw");
        using var client = AppClient.For(app);
        await client.RegisterAsync(userName);

        var wrongOld = await client.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "not-my-password", ["Input.NewPassword"] = "fresh-password-1", ["Input.ConfirmPassword"] = "fresh-password-1",
        });
        Assert.Contains("The current password is not right.", await wrongOld.Content.ReadAsStringAsync());

        var changed = await client.SubmitFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "purrr-test-pw", ["Input.NewPassword"] = "fresh-password-1", ["Input.ConfirmPassword"] = "fresh-password-1",
        });
        Assert.Equal("/Account/Manage/ChangePassword", AppClient.RedirectTarget(changed));

        using var fresh = AppClient.For(app);
        Assert.Contains("Invalid credentials.", await (await fresh.SignInAsync(userName, "purrr-test-pw")).Content.ReadAsStringAsync());
        Assert.Equal("/cats", AppClient.RedirectTarget(await fresh.SignInAsync(userName, "fresh-password-1")));
    }
}

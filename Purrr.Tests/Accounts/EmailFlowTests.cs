using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Accounts;

public sealed class ConfirmedEmailAppFactory : PurrrAppFactory
{
    public ConfirmedEmailAppFactory() => RequireConfirmedEmail = true;
}

/// <summary>Confirmation and reset mails as a player outside Development gets them: through the mail drop.</summary>
[Trait("Category", "Integration")]
public sealed class EmailFlowTests(ConfirmedEmailAppFactory app) : IClassFixture<ConfirmedEmailAppFactory>
{
    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Fact]
    public async Task A_new_account_signs_in_only_after_following_the_mailed_confirmation_link()
    {
        var userName = Names.Unique("eve");
        using var client = AppClient.For(app);

        var registered = await client.RegisterAsync(userName);
        Assert.StartsWith("/Account/RegisterConfirmation", AppClient.RedirectTarget(registered));

        var early = await client.SignInAsync(userName);
        Assert.Contains("Please confirm your email first", await early.Content.ReadAsStringAsync());

        var confirmLink = Assert.Single(app.LinksInLatestMailTo($"{userName}@example.test"));
        var confirmed = await client.GetAsync(PathOf(confirmLink));
        Assert.Contains("your email is confirmed", await confirmed.Content.ReadAsStringAsync());

        var signedIn = await client.SignInAsync(userName);
        Assert.Equal("/cats", AppClient.RedirectTarget(signedIn));
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link()
    {
        var userName = Names.Unique("fay");
        var email = $"{userName}@example.test";
        using var client = AppClient.For(app);
        await client.RegisterAsync(userName);
        await client.GetAsync(PathOf(Assert.Single(app.LinksInLatestMailTo(email))));

        var asked = await client.SubmitFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal("/Account/ForgotPasswordConfirmation", AppClient.RedirectTarget(asked));

        var resetPage = PathOf(Assert.Single(app.LinksInLatestMailTo(email)));
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + resetPage).Query)["code"]!;
        var reset = await client.SubmitFormAsync(resetPage, "reset-password", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Email"] = email,
            ["Input.Password"] = "a-brand-new-pw",
            ["Input.ConfirmPassword"] = "a-brand-new-pw",
        });
        Assert.Equal("/Account/ResetPasswordConfirmation", AppClient.RedirectTarget(reset));

        Assert.Contains("Invalid credentials.", await (await client.SignInAsync(userName)).Content.ReadAsStringAsync());
        Assert.Equal("/cats", AppClient.RedirectTarget(await client.SignInAsync(userName, "a-brand-new-pw")));
    }

    [Fact]
    public async Task A_password_hash_from_another_hasher_signs_in_and_is_upgraded_to_argon2id()
    {
        var userName = Names.Unique("old");
        using var client = AppClient.For(app);
        await client.RegisterAsync(userName);
        await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PurrrUser>>();
            var user = (await users.FindByNameAsync(userName))!;
            user.EmailConfirmed = true;
            user.PasswordHash = new PasswordHasher<PurrrUser>().HashPassword(user, "legacy-password"); // as an older system stored it
            return await users.UpdateAsync(user);
        });

        var signedIn = await client.SignInAsync(userName, "legacy-password");

        Assert.Equal("/cats", AppClient.RedirectTarget(signedIn));
        var stored = await app.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<PurrrUser>>().FindByNameAsync(userName))!.PasswordHash);
        Assert.StartsWith("$argon2id$", stored);
    }

    [Fact]
    public async Task A_bad_confirmation_link_says_so()
    {
        using var client = AppClient.For(app);
        var response = await client.GetAsync($"/Account/ConfirmEmail?userId={Guid.NewGuid()}&code=bogus");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This confirmation link is not valid", await response.Content.ReadAsStringAsync());
    }
}

using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Security;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Accounts;

/// <summary>
/// Two-factor sign-in through the real pages over HTTP: once the authenticator app is on, the password alone no longer
/// signs in — the code from the app does (or a recovery code, once each).
/// </summary>
[Trait("Category", "Integration")]
public sealed class TwoFactorSignInTests(PurrrAppFactory app) : IClassFixture<PurrrAppFactory>
{
    private const string CodeForm = "login-with-code";

    /// <summary>A new player who turned the authenticator on from the account page: its key and the recovery codes shown.</summary>
    private async Task<(string UserName, string Key, IReadOnlyList<string> RecoveryCodes)> PlayerWithAuthenticatorAsync()
    {
        var userName = Names.Unique("tfa");
        using var client = AppClient.For(app);
        await client.RegisterAsync(userName);
        await client.SignInAsync(userName);
        var page = new HtmlParser().ParseDocument(await client.Http.GetStringAsync("/Account/Manage/TwoFactor"));
        var key = page.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);

        var on = await client.SubmitFormAsync("/Account/Manage/TwoFactor", "confirm-two-factor",
            new Dictionary<string, string> { ["Input.Code"] = TotpAuthenticator.CodeAt(key, DateTimeOffset.UtcNow) });

        var shown = new HtmlParser().ParseDocument(await on.Content.ReadAsStringAsync());
        var codes = shown.QuerySelectorAll("[data-testid=recovery-codes] code").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Contains("Signing in and crypto withdrawals ask for a code", await client.Http.GetStringAsync("/Account/Manage/TwoFactor"));
        return (userName, key, codes);
    }

    private static Task<HttpResponseMessage> EnterCodeAsync(AppClient client, string path, string code) =>
        client.SubmitFormAsync(path, CodeForm, new Dictionary<string, string> { ["Input.Code"] = code });

    private static async Task<bool> IsSignedInAsync(AppClient client) => (await client.GetAsync("/cats")).StatusCode == System.Net.HttpStatusCode.OK;

    [Fact]
    public async Task With_the_authenticator_on_the_password_leads_to_the_code_step_and_only_the_right_code_signs_in()
    {
        var (userName, key, _) = await PlayerWithAuthenticatorAsync();
        using var client = AppClient.For(app);

        var password = await client.SignInAsync(userName);
        Assert.Equal("/Account/LoginWithCode", AppClient.RedirectTarget(password));
        Assert.False(await IsSignedInAsync(client));
        var step = await client.Http.GetStringAsync("/Account/LoginWithCode");
        Assert.Contains("Enter the 6-digit code", step);
        Assert.Contains("Lost your phone? Use a recovery code", step);

        var current = TotpAuthenticator.CodeAt(key, DateTimeOffset.UtcNow);
        var wrong = await EnterCodeAsync(client, "/Account/LoginWithCode", current == "000000" ? "111111" : "000000");
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());
        Assert.False(await IsSignedInAsync(client));

        var right = await EnterCodeAsync(client, "/Account/LoginWithCode", TotpAuthenticator.CodeAt(key, DateTimeOffset.UtcNow));
        Assert.Equal("/cats", AppClient.RedirectTarget(right));
        Assert.True(await IsSignedInAsync(client));

        var events = await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PurrrUser>>();
            var id = (await users.FindByNameAsync(userName))!.Id;
            return await sp.GetRequiredService<PurrrDbContext>().SecurityEvents.Where(e => e.UserId == id).OrderBy(e => e.Id).Select(e => e.Detail).ToListAsync();
        });
        Assert.Contains("Wrong authenticator code", events);
        Assert.Equal("Password + authenticator code", events[^1]);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_is_refused_the_second_time()
    {
        var (userName, _, codes) = await PlayerWithAuthenticatorAsync();

        using (var first = AppClient.For(app))
        {
            await first.SignInAsync(userName);
            var used = await EnterCodeAsync(first, "/Account/LoginWithCode?Recovery=true", codes[3].ToLowerInvariant());
            Assert.Equal("/cats", AppClient.RedirectTarget(used));
        }

        using var second = AppClient.For(app);
        await second.SignInAsync(userName);
        var again = await EnterCodeAsync(second, "/Account/LoginWithCode?Recovery=true", codes[3]);
        Assert.Contains("That recovery code is not right, or it was used already.", await again.Content.ReadAsStringAsync());
        Assert.False(await IsSignedInAsync(second));
        var another = await EnterCodeAsync(second, "/Account/LoginWithCode?Recovery=true", codes[4]);
        Assert.Equal("/cats", AppClient.RedirectTarget(another));
    }

    [Fact]
    public async Task Turned_off_the_password_alone_signs_in_again()
    {
        var (userName, key, _) = await PlayerWithAuthenticatorAsync();
        using var client = AppClient.For(app);
        await client.SignInAsync(userName);
        await EnterCodeAsync(client, "/Account/LoginWithCode", TotpAuthenticator.CodeAt(key, DateTimeOffset.UtcNow));

        var off = await client.SubmitFormAsync("/Account/Manage/TwoFactor", "turn-off-two-factor", new Dictionary<string, string>());
        Assert.True(AppClient.IsRedirect(off));
        await client.SignOutAsync();

        var password = await client.SignInAsync(userName);
        Assert.Equal("/cats", AppClient.RedirectTarget(password));
    }

    [Fact]
    public async Task The_code_step_without_a_password_first_offers_to_sign_in_again_and_takes_no_code()
    {
        using var client = AppClient.For(app);

        var page = await client.Http.GetStringAsync("/Account/LoginWithCode");

        Assert.Contains("data-testid=\"code-step-expired\"", page);
        Assert.Contains("Sign in again", page);
        Assert.DoesNotContain("name=\"Input.Code\"", page);
    }
}

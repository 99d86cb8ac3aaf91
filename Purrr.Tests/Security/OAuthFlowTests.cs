using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Data.OAuth;
using Purrr.Tests.Infrastructure;
using static Purrr.Tests.Security.OAuthSteps;

namespace Purrr.Tests.Security;

/// <summary>OAuth2 end to end over HTTP: an in-test client signs a player in with code + PKCE, and a service uses client credentials.</summary>
[Trait("Category", "Integration")]
public sealed class OAuthFlowTests(PurrrAppFactory app) : IClassFixture<PurrrAppFactory>
{
    private Task<string> RegisterPublicClientAsync(params string[] scopes) => OAuthSteps.RegisterPublicClientAsync(app, scopes);

    private Task<JsonElement> TokenAsync(Dictionary<string, string> form) => OAuthSteps.TokenAsync(app, form);

    private async Task<AppClient> SignedInPlayerAsync(string? userName = null)
    {
        userName ??= Names.Unique("oauth");
        var client = AppClient.For(app);
        Assert.True(AppClient.IsRedirect(await client.RegisterAsync(userName)));
        await client.SignOutAsync();
        Assert.True(AppClient.IsRedirect(await client.SignInAsync(userName)));
        return client;
    }

    private async Task<HttpResponseMessage> TokenInfoAsync(string? accessToken)
    {
        using var http = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me/token-info");
        if (accessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task A_player_approves_an_app_with_pkce_and_the_app_calls_the_api_as_them_with_those_scopes()
    {
        var clientId = await RegisterPublicClientAsync(OAuthClients.Read, OAuthClients.Write);
        var userName = Names.Unique("oauth");
        using var player = await SignedInPlayerAsync(userName);
        var (verifier, challenge) = Pkce();

        var (consentPage, consentPath) = await FollowAsync(player, AuthorizeUrl(clientId, "read write", challenge));
        Assert.StartsWith("/Account/Consent", consentPath);
        var html = await consentPage.Content.ReadAsStringAsync();
        Assert.Contains("Allow Whisker Stats?", html);
        Assert.Contains("See your cats, coins, posts and other data", html);

        var callback = QueryHelpers.ParseQuery((await ConsentAsync(player, consentPage, "allow")).Query);
        Assert.Equal("s-42", callback["state"]);
        var token = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = callback["code"]!,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        });
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.InRange(token.GetProperty("expires_in").GetInt32(), 60, 15 * 60); // short-lived

        var info = await (await TokenInfoAsync(token.GetProperty("access_token").GetString())).Content.ReadFromJsonAsync<JsonElement>();
        var me = await app.InScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Purrr.Data.PurrrUser>>()
            .FindByNameAsync(userName));
        Assert.Equal(["read", "write"], info.GetProperty("data").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(clientId, info.GetProperty("data").GetProperty("clientId").GetString());
        Assert.Equal(me!.Id.ToString(), info.GetProperty("data").GetProperty("subject").GetString());
    }

    [Fact]
    public async Task A_code_is_useless_without_the_matching_verifier()
    {
        var clientId = await RegisterPublicClientAsync(OAuthClients.Read);
        using var player = await SignedInPlayerAsync();
        var (_, challenge) = Pkce();
        var (consentPage, _) = await FollowAsync(player, AuthorizeUrl(clientId, "read", challenge));
        var code = QueryHelpers.ParseQuery((await ConsentAsync(player, consentPage, "allow")).Query)["code"]!;

        var token = await TokenAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code!,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = Pkce().Verifier,
        });

        Assert.Equal("invalid_grant", token.GetProperty("error").GetString());
    }

    [Fact]
    public async Task An_authorization_request_without_pkce_is_refused()
    {
        var clientId = await RegisterPublicClientAsync(OAuthClients.Read);
        using var player = await SignedInPlayerAsync();

        var (response, location) = await FollowAsync(player, AuthorizeUrl(clientId, "read", challenge: null));

        Assert.True(AppClient.IsRedirect(response) || response.StatusCode == HttpStatusCode.BadRequest);
        if (AppClient.IsRedirect(response))
            Assert.Equal("invalid_request", QueryHelpers.ParseQuery(new Uri(location).Query)["error"]);
    }

    [Fact]
    public async Task A_player_who_denies_sends_the_app_back_with_access_denied()
    {
        var clientId = await RegisterPublicClientAsync(OAuthClients.Read);
        using var player = await SignedInPlayerAsync();
        var (consentPage, _) = await FollowAsync(player, AuthorizeUrl(clientId, "read", Pkce().Challenge));

        var callback = QueryHelpers.ParseQuery((await ConsentAsync(player, consentPage, "deny")).Query);

        Assert.Equal("access_denied", callback["error"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task A_forged_consent_without_the_antiforgery_token_issues_no_code()
    {
        var clientId = await RegisterPublicClientAsync(OAuthClients.Read);
        using var player = await SignedInPlayerAsync();
        var (consentPage, _) = await FollowAsync(player, AuthorizeUrl(clientId, "read", Pkce().Challenge));
        var fields = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await consentPage.Content.ReadAsStringAsync())
            .QuerySelectorAll("form input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).Append(KeyValuePair.Create("decision", "allow"));

        var forged = await player.Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Headers.Location);
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_first_and_comes_back_to_the_request()
    {
        var clientId = await RegisterPublicClientAsync(OAuthClients.Read);
        using var visitor = AppClient.For(app);

        var response = await visitor.GetAsync(AuthorizeUrl(clientId, "read", Pkce().Challenge));

        var target = AppClient.RedirectTarget(response)!;
        Assert.StartsWith("/Account/Login", target);
        Assert.Contains(Uri.EscapeDataString("/connect/authorize?client_id=" + clientId), target);
    }

    [Fact]
    public async Task A_service_gets_a_token_with_client_credentials_and_a_wrong_secret_gets_none()
    {
        var clientId = Names.Unique("svc");
        var secret = (await app.InScopeAsync(sp => sp.GetRequiredService<OAuthClients>()
            .RegisterAsync(new OAuthClientRegistration(clientId, "Shelter sync", [], [OAuthClients.Read], Confidential: true)))).Value!;

        var token = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "read" });
        var wrong = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = "guess", ["scope"] = "read" });
        var tooMuch = await TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = "write" });

        var info = await (await TokenInfoAsync(token.GetProperty("access_token").GetString())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(clientId, info.GetProperty("data").GetProperty("subject").GetString());
        Assert.Equal(["read"], info.GetProperty("data").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("invalid_client", wrong.GetProperty("error").GetString());
        Assert.Equal("invalid_request", tooMuch.GetProperty("error").GetString()); // not allowed that scope
        Assert.False(tooMuch.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task The_api_refuses_a_missing_or_forged_token()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenInfoAsync(null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenInfoAsync("not-a-token")).StatusCode);
    }

    [Fact]
    public async Task Client_registration_refuses_bad_input_and_stores_nothing()
    {
        var refused = await app.InScopeAsync(sp => sp.GetRequiredService<OAuthClients>()
            .RegisterAsync(new OAuthClientRegistration("bad-one", " ", ["not a url"], ["everything"])));

        Assert.Equal(["Give the client a name players will recognise.", "Choose scopes among read, write and admin.",
            "Redirect addresses must be absolute http(s) addresses without a #fragment."], refused.Problems.Select(p => p.Message));
        Assert.Null(await app.InScopeAsync(sp => sp.GetRequiredService<OAuthClients>().FindAsync("bad-one")));
    }
}

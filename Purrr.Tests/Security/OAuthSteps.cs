using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Data.OAuth;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

/// <summary>An in-test OAuth2 client: registers itself, sends a signed-in player through authorize and consent, trades the code.</summary>
public static class OAuthSteps
{
    public const string RedirectUri = "http://127.0.0.1:7891/callback";

    public static async Task<string> RegisterPublicClientAsync(PurrrAppFactory app, params string[] scopes)
    {
        var clientId = Names.Unique("app");
        var registered = await app.InScopeAsync(sp => sp.GetRequiredService<OAuthClients>()
            .RegisterAsync(new OAuthClientRegistration(clientId, "Whisker Stats", [RedirectUri], scopes)));
        Assert.True(registered.Succeeded, registered.FirstMessage);
        return clientId;
    }

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlTextEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string clientId, string scope, string? challenge) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = "s-42",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = challenge is null ? null : "S256",
        });

    /// <summary>Follows the app's redirects like a browser until one leaves for the client's redirect address.</summary>
    public static async Task<(HttpResponseMessage Last, string Path)> FollowAsync(AppClient client, string path)
    {
        for (var hops = 0; hops < 5; hops++)
        {
            var response = await client.GetAsync(path);
            if (!AppClient.IsRedirect(response))
                return (response, path);
            var location = response.Headers.Location!.ToString();
            if (location.StartsWith(RedirectUri, StringComparison.Ordinal))
                return (response, location);
            path = AppClient.RedirectTarget(response)!;
        }
        throw new InvalidOperationException("Too many redirects.");
    }

    /// <summary>Clicks Allow or Deny on the consent page the authorize request led to; returns where the app was sent.</summary>
    public static async Task<Uri> ConsentAsync(AppClient client, HttpResponseMessage consentPage, string decision)
    {
        var form = new HtmlParser().ParseDocument(await consentPage.Content.ReadAsStringAsync()).QuerySelector("form[action='/connect/authorize']")
            ?? throw new InvalidOperationException("No consent form.");
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        Assert.NotNull(form.QuerySelector($"button[name=decision][value={decision}]"));
        fields.Add(KeyValuePair.Create("decision", decision));
        var answer = await client.Http.PostAsync("/connect/authorize", new FormUrlEncodedContent(fields));
        Assert.True(AppClient.IsRedirect(answer), $"consent answered {answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        return answer.Headers.Location!;
    }

    public static async Task<JsonElement> TokenAsync(PurrrAppFactory app, Dictionary<string, string> form)
    {
        using var http = app.CreateClient();
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The whole code + PKCE flow for a signed-in player: an access token with <paramref name="scope"/>.</summary>
    public static async Task<string> AccessTokenForAsync(PurrrAppFactory app, AppClient player, string scope)
    {
        var clientId = await RegisterPublicClientAsync(app, scope.Split(' '));
        var (verifier, challenge) = Pkce();
        var (consentPage, _) = await FollowAsync(player, AuthorizeUrl(clientId, scope, challenge));
        var code = QueryHelpers.ParseQuery((await ConsentAsync(player, consentPage, "allow")).Query)["code"];
        var token = await TokenAsync(app, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code!,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = clientId,
            ["code_verifier"] = verifier,
        });
        return token.GetProperty("access_token").GetString()!;
    }
}

using System.Net;
using System.Text.RegularExpressions;

namespace Purrr.LoadTest;

/// <summary>Signs a player in through the static login form (antiforgery token and all), as a browser does.</summary>
public static partial class WebSessions
{
    /// <summary>A cookie jar and client signed in as <paramref name="login"/>; throws when the form refuses.</summary>
    public static async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(Uri baseUri, string login, string password)
    {
        var cookies = new CookieContainer();
        var http = NewHttp(cookies);
        var form = await http.GetStringAsync(new Uri(baseUri, "Account/Login"));
        var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Login"] = login;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync(new Uri(baseUri, "Account/Login"), new FormUrlEncodedContent(fields));
        if (!cookies.GetCookies(baseUri).Any(c => c.Name == "purrr.auth"))
            throw new InvalidOperationException($"Signing in as {login} failed ({(int)response.StatusCode}).");
        return (http, cookies);
    }

    public static HttpClient NewHttp(CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = true, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };

    /// <summary>The first of the signed-in player's cats, from the "My cats" page (its path, e.g. "cats/…").</summary>
    public static async Task<string> FirstCatPathAsync(HttpClient http, Uri baseUri)
    {
        var page = await http.GetStringAsync(new Uri(baseUri, "cats"));
        return CatLink().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The player has no cat.");
    }

    [GeneratedRegex(@"<input type=""hidden"" name=""(?<name>[^""]+)"" value=""(?<value>[^""]*)""")]
    private static partial Regex HiddenInputs();

    [GeneratedRegex("""href="(cats/[0-9a-f-]{36})"[^>]*>""")]
    private static partial Regex CatLink();
}

using System.Net;
using System.Text.RegularExpressions;

namespace Purrr.LoadTest;

/// <summary>Signs a player in through the static login form (antiforgery token and all), as a browser does.</summary>
public static partial class WebSessions
{
    /// <summary>A cookie jar and client signed in as <paramref name="login"/>; throws when the form refuses.</summary>
    public static async Task<(HttpClient Http, CookieContainer Cookies)> SignInAsync(Uri baseUri, string login, string password, bool http2 = false)
    {
        var cookies = new CookieContainer();
        var http = NewHttp(cookies, http2);
        var form = await http.GetStringAsync(new Uri(baseUri, "Account/Login"));
        var fields = HiddenInputs().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Login"] = login;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync(new Uri(baseUri, "Account/Login"), new FormUrlEncodedContent(fields));
        if (!cookies.GetCookies(baseUri).Any(c => c.Name == "purrr.auth"))
            throw new InvalidOperationException($"Signing in as {login} failed ({(int)response.StatusCode}).");
        return (http, cookies);
    }

    /// <param name="http2">
    /// Speak HTTP/2 without TLS (prior knowledge) to an endpoint that serves only HTTP/2: pages and circuits then share a
    /// few connections (up to 100 streams each) — how 20,000 tabs fit under a 20,000 open-files limit per process.
    /// </param>
    public static HttpClient NewHttp(CookieContainer cookies, bool http2 = false) =>
        new(new SocketsHttpHandler
        {
            CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = true, PooledConnectionLifetime = http2 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMinutes(5),
            EnableMultipleHttp2Connections = true,
        })
        {
            Timeout = TimeSpan.FromSeconds(120),
            DefaultRequestVersion = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            DefaultVersionPolicy = http2 ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower,
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

using System.Net;
using AngleSharp.Html.Parser;

namespace Purrr.Tests.Infrastructure;

/// <summary>An HTTP client that keeps cookies and posts the app's static forms the way a browser would (antiforgery included).</summary>
public sealed class AppClient(HttpClient http) : IDisposable
{
    public static AppClient For(PurrrAppFactory factory) =>
        new(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    /// <summary>Loads the form's page, then submits <paramref name="fields"/> to the form named <paramref name="formName"/>.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, string formName, IDictionary<string, string> fields)
    {
        var page = await http.GetStringAsync(path);
        var document = new HtmlParser().ParseDocument(page);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No antiforgery token on {path}.");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token, ["_handler"] = formName };
        return await http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public Task<HttpResponseMessage> RegisterAsync(string userName, string password = "purrr-test-pw", string? email = null) =>
        SubmitFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Email"] = email ?? $"{userName}@example.test",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.TimeZone"] = "Europe/Paris",
        });

    public Task<HttpResponseMessage> SignInAsync(string login, string password = "purrr-test-pw") =>
        SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Login"] = login,
            ["Input.Password"] = password,
        });

    /// <summary>Posts the sign-out form of the account menu, with a token issued to the signed-in player.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var page = await http.GetStringAsync("/Account/Manage");
        var token = new HtmlParser().ParseDocument(page).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token: not signed in?");
        return await http.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = "/",
        }));
    }

    /// <summary>Where a redirect points, as path and query.</summary>
    public static string? RedirectTarget(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } absolute => absolute.PathAndQuery,
        var relative => relative.OriginalString.TrimStart('~'),
    };

    public static bool IsRedirect(HttpResponseMessage response) => response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther;

    public void Dispose() => http.Dispose();
}

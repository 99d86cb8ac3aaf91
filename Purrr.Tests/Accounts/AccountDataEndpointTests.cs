using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Data;
using Purrr.Tests.Infrastructure;
using Purrr.Tests.Security;

namespace Purrr.Tests.Accounts;

/// <summary>GDPR over HTTP: the export and account deletion through the API (bearer token) and the settings page's download.</summary>
[Trait("Category", "Integration")]
public sealed class AccountDataEndpointTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private async Task<(AppClient Client, UserId Id)> PlayerAsync(string userName)
    {
        var client = AppClient.For(app);
        Assert.True(AppClient.IsRedirect(await client.RegisterAsync(userName)));
        var user = await app.InScopeAsync(sp => sp.GetRequiredService<UserManager<PurrrUser>>().FindByNameAsync(userName));
        return (client, user!.Id);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
    {
        using var http = app.CreateClient();
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    [Fact]
    public async Task The_api_exports_my_data_and_deleting_me_revokes_the_token_and_ends_my_browser_session()
    {
        var userName = Names.Unique("gdpr");
        var (browser, me) = await PlayerAsync(userName);
        var (_, neighbour) = await PlayerAsync(Names.Unique("nb"));
        await app.Services.GetRequiredService<CatService>().AdoptAsync(me, new AdoptCatRequest("Mochi", "maine_coon"));
        await app.Services.GetRequiredService<CatService>().AdoptAsync(neighbour, new AdoptCatRequest("Nacho", "maine_coon"));
        var token = await OAuthSteps.AccessTokenForAsync(app, browser, "read write");

        var export = await SendAsync(HttpMethod.Get, "/api/v1/me/export", token);
        var json = await export.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(json).RootElement;
        Assert.True(data.GetProperty("success").GetBoolean());
        Assert.Equal(userName, data.GetProperty("data").GetProperty("profile").GetProperty("userName").GetString());
        Assert.Equal("Mochi", data.GetProperty("data").GetProperty("cats")[0].GetProperty("name").GetString());
        Assert.DoesNotContain("Nacho", json);

        var refused = await SendAsync(HttpMethod.Delete, "/api/v1/me?confirm=someone-else", token);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal($"Type your user name, {userName}, to confirm.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var deleted = await SendAsync(HttpMethod.Delete, $"/api/v1/me?confirm={userName}", token);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/v1/me/token-info", token)).StatusCode); // revoked at once
        app.TestClock.Advance(TimeSpan.FromMinutes(2)); // the cookie's security stamp is checked again
        var page = await browser.GetAsync("/settings/privacy");
        Assert.StartsWith("/Account/Login", AppClient.RedirectTarget(page));
        Assert.Contains(await app.Services.GetRequiredService<CatService>().ListOwnedAsync(Shelter.Id), c => c.Name == "Mochi");
    }

    [Fact]
    public async Task Deleting_through_the_api_needs_the_write_scope()
    {
        var userName = Names.Unique("ro");
        var (browser, _) = await PlayerAsync(userName);
        var token = await OAuthSteps.AccessTokenForAsync(app, browser, "read");

        var refused = await SendAsync(HttpMethod.Delete, $"/api/v1/me?confirm={userName}", token);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False((await app.Services.GetRequiredService<PlayerService>().FindAsync((await PlayerIdAsync(userName))))!.IsClosed);
    }

    [Fact]
    public async Task The_settings_page_download_is_a_json_file_of_my_data()
    {
        var userName = Names.Unique("dl");
        var (browser, _) = await PlayerAsync(userName);

        var file = await browser.GetAsync("/settings/privacy/export");

        Assert.Equal("application/json", file.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"purrr-{userName}-", file.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var data = await file.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(userName, data.GetProperty("profile").GetProperty("userName").GetString());
        Assert.True(AppClient.IsRedirect(await AppClient.For(app).GetAsync("/settings/privacy/export"))); // visitors sign in first
    }

    private async Task<UserId> PlayerIdAsync(string userName) =>
        (await app.InScopeAsync(sp => sp.GetRequiredService<UserManager<PurrrUser>>().FindByNameAsync(userName)))!.Id;
}

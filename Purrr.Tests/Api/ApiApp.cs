using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Api;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Persistence;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Api;

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiApp>
{
    public const string Name = "Api";
}

/// <summary>
/// One in-process app for the API tests: the demo world, a clock tests can move forward, and the client address taken
/// from a test header (TestServer has no real connection), so IP allow-lists can be exercised.
/// </summary>
public sealed class ApiApp : PurrrAppFactory
{
    public const string ClientIpHeader = "X-Test-Client-Ip";

    public ApiApp()
    {
        SeedDemoWorld = true;
        Clock = ShiftedClock;
        OverrideServices = services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>();
    }

    public ShiftedTimeProvider ShiftedClock { get; } = new();

    /// <summary>A client sending <paramref name="key"/> as X-API-Key (none when null).</summary>
    public HttpClient Client(string? key = null, string? fromIp = null)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        if (fromIp is not null)
            client.DefaultRequestHeaders.Add(ClientIpHeader, fromIp);
        return client;
    }

    public async Task<UserId> PlayerIdAsync(string userName)
    {
        await using var db = await Services.GetRequiredService<IPurrrDbFactory>().CreateAsync();
        return await db.Players.Where(p => p.UserName == userName).Select(p => p.Id).SingleAsync();
    }

    /// <summary>A freshly registered player (welcome coins and pantry, Paris time) with one new cat.</summary>
    public async Task<(UserId Player, CatId Cat)> NewPlayerWithCatAsync(string userName)
    {
        var registered = await InScopeAsync(services => services.GetRequiredService<AccountService>()
            .RegisterAsync(new RegistrationRequest(userName, $"{userName}@example.test", "purrr-test-pw", "Europe/Paris")));
        Assert.True(registered.Succeeded, registered.FirstMessage);
        var player = registered.Value.Id;
        var cat = await Services.GetRequiredService<CatService>().AdoptAsync(player, new AdoptCatRequest("Pixel", "domestic_shorthair", Personality.Playful, IsPublic: false));
        Assert.True(cat.Succeeded, cat.FirstMessage);
        return (player, cat.Value.Id);
    }

    public async Task AddCatsAsync(params Cat[] cats)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PurrrDbContext>>().CreateDbContextAsync();
        db.Cats.AddRange(cats);
        await db.SaveChangesAsync();
    }

    public async Task<string> KeyAsync(UserId owner, string[] scopes, DateTimeOffset? expires = null, string? allowedIps = null, bool admin = false)
    {
        var made = await Services.GetRequiredService<ApiKeyService>().CreateAsync(owner, new ApiKeyRequest("test", scopes, expires, allowedIps), admin);
        Assert.True(made.Succeeded, made.FirstMessage);
        return made.Value.Key;
    }

    /// <summary>One key per player and scope set for the whole run (players have at most 20 active keys).</summary>
    public async Task<string> SharedKeyAsync(string userName, params string[] scopes)
    {
        var name = $"{userName}:{string.Join(' ', scopes)}";
        if (sharedKeys.TryGetValue(name, out var key))
            return key;
        return sharedKeys[name] = await KeyAsync(await PlayerIdAsync(userName), scopes);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> sharedKeys = new();

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                if (context.Request.Headers.TryGetValue(ClientIpHeader, out var ip))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(ip.ToString());
                return then(context);
            });
            next(app);
        };
    }
}

/// <summary>Reading API answers: the envelope's data, or the ProblemDetails.</summary>
public static class ApiAnswers
{
    public static async Task<JsonNode> DataAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {(int)response.StatusCode} {body}");
        var json = JsonNode.Parse(body)!;
        Assert.True(json["success"]!.GetValue<bool>());
        return json["data"]!;
    }

    /// <summary>The ProblemDetails of a failed answer, after checking its status, content type and success: false.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(body)!;
        Assert.False(json["success"]!.GetValue<bool>());
        Assert.Equal((int)status, json["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(json["title"]?.GetValue<string>()));
        Assert.DoesNotContain("   at ", body); // no stack trace
        return json;
    }

    public static string Title(this JsonNode problem) => problem["title"]!.GetValue<string>();

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object? body = null) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)) });
}

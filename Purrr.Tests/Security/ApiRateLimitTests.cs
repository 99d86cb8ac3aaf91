using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Purrr.Core.Accounts;
using Purrr.Core.Security;
using Purrr.Data;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

/// <summary>The app with a clock the rate-limit tests move.</summary>
public sealed class FakeClockApp : PurrrAppFactory
{
    public FakeClockApp() => Clock = TestClock;

    public FakeTimeProvider TestClock { get; } = Infrastructure.TestClock.AtNoon();
}

/// <summary>The API's rate limits over HTTP: headers on every /api response, 429 over the limit, a ban after five violations.</summary>
[Trait("Category", "Integration")]
public sealed class ApiRateLimitTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    private async Task<AppClient> SignedInAsync(string userName)
    {
        var client = AppClient.For(app);
        Assert.True(AppClient.IsRedirect(await client.RegisterAsync(userName)));
        return client;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"No {name} on {(int)response.StatusCode} {response.Headers}");

    [Fact]
    public async Task Every_api_response_says_the_limit_what_is_left_and_when_it_resets()
    {
        using var player = await SignedInAsync(Names.Unique("rl"));
        var now = app.TestClock.GetUtcNow();

        var first = await player.GetAsync("/api/v1/me/token-info");
        var second = await player.GetAsync("/api/v1/nothing-here");

        Assert.Equal(("100", "99"), (Header(first, "X-RateLimit-Limit"), Header(first, "X-RateLimit-Remaining")));
        Assert.Equal(("100", "98"), (Header(second, "X-RateLimit-Limit"), Header(second, "X-RateLimit-Remaining")));
        Assert.Equal(now.AddHours(1).ToUnixTimeSeconds().ToString(), Header(second, "X-RateLimit-Reset"));
        Assert.False((await player.GetAsync("/cats")).Headers.Contains("X-RateLimit-Limit")); // pages are not the API
    }

    [Fact]
    public async Task A_premium_player_gets_a_thousand_requests_an_hour()
    {
        var userName = Names.Unique("rich");
        using var player = await SignedInAsync(userName);
        var user = await app.InScopeAsync(sp => sp.GetRequiredService<UserManager<PurrrUser>>().FindByNameAsync(userName));
        await app.InScopeAsync(sp => sp.GetRequiredService<Purrr.Data.PurrrDbContext>().Players.Where(p => p.Id == user!.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.ApiTier, ApiTier.Premium)));

        var response = await player.GetAsync("/api/v1/me/token-info");

        Assert.Equal(("1000", "999"), (Header(response, "X-RateLimit-Limit"), Header(response, "X-RateLimit-Remaining")));
    }

    [Fact]
    public async Task Over_the_limit_a_client_gets_429_and_after_five_violations_it_is_banned_for_an_hour()
    {
        using var player = await SignedInAsync(Names.Unique("greedy"));
        for (var i = 0; i < 100; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await player.GetAsync("/api/v1/me/token-info")).StatusCode);
        app.TestClock.Advance(TimeSpan.FromMinutes(15));

        var refused = await player.GetAsync("/api/v1/me/token-info");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(45), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("0", Header(refused, "X-RateLimit-Remaining"));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.False(problem.GetProperty("success").GetBoolean());
        Assert.Equal("At most 100 requests an hour on the Free tier. Try again in 45 min.", problem.GetProperty("detail").GetString());

        for (var i = 1; i < RateLimits.ViolationsBeforeBan; i++)
            await player.GetAsync("/api/v1/me/token-info");
        app.TestClock.Advance(TimeSpan.FromMinutes(50)); // the hour's allowance is back, but the ban holds
        var banned = await player.GetAsync("/api/v1/me/token-info");

        Assert.Equal(HttpStatusCode.TooManyRequests, banned.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), banned.Headers.RetryAfter?.Delta);
        var log = await app.Services.GetRequiredService<SecurityLog>().RecentAsync(50);
        Assert.Equal(5, log.Count(e => e.Code == "RATE_LIMITED" && e.Detail.Contains("went over 100 requests")));
        var ban = Assert.Single(log, e => e.Code == "IP_AUTO_BANNED");
        Assert.Equal(SecuritySeverity.Critical, ban.Severity);

        app.TestClock.Advance(TimeSpan.FromMinutes(10));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await player.GetAsync("/api/v1/me/token-info")).StatusCode);
    }
}

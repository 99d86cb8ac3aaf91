using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Cats;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Rooms;
using Purrr.Core.Search;
using Purrr.Core.Security;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Security;

/// <summary>
/// Floods through the app's own services (as a circuit calls them): each limit of spec §2 refuses with its "Slow down"
/// message and leaves one RATE_LIMITED event for the admins — one per window, however long the flood. The other abuse
/// limits are proved where they live: login brute force → lockout + LOGIN_LOCKED (AccountFlowTests), API over the limit →
/// 429, then a ban + IP_AUTO_BANNED (ApiRateLimitTests).
/// </summary>
[Trait("Category", "Integration")]
public sealed class AbuseLimitsTests(FakeClockApp app) : IClassFixture<FakeClockApp>
{
    [Fact]
    public async Task A_chat_flood_in_a_room_is_slowed_down_and_logged_once()
    {
        var (player, cat) = await PlayerWithCatAsync("chatter");
        var rooms = app.Services.GetRequiredService<RoomService>();
        var room = (await rooms.JoinAsync(player, "tab-flood", cat, RoomType.Playground)).Value;

        var answers = new List<Result<ChatMessageView>>();
        for (var i = 0; i < 300; i++)
            answers.Add(await rooms.ChatAsync(player, room, cat, $"spam {i}"));

        Assert.Equal(RateLimitPolicy.RoomActions.Limit, answers.Count(a => a.Succeeded));
        Assert.All(answers.Skip(RateLimitPolicy.RoomActions.Limit), a => Assert.StartsWith("Slow down: at most 60 actions a minute.", a.FirstMessage));
        Assert.Equal(RateLimitPolicy.RoomActions.Limit, (await rooms.ViewAsync(room)).Chat.Count(m => m.Text.StartsWith("spam ", StringComparison.Ordinal)));
        Assert.Equal(1, await RateLimitedEventsAsync(player, "(room-actions)"));
        await rooms.LeaveAsync(player, cat);
    }

    [Fact]
    public async Task A_search_flood_is_slowed_down_and_logged_once_per_minute()
    {
        var (player, _) = await PlayerWithCatAsync("searcher");
        var search = app.Services.GetRequiredService<SearchService>();

        var first = new List<bool>();
        for (var i = 0; i < 250; i++)
            first.Add((await search.SearchAsync(player, "tuna")).Succeeded);
        await RateLimitedEventsAsync(player, "(searches)", atLeast: 1);
        app.TestClock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 150; i++)
            await search.SearchAsync(player, "tuna");

        Assert.Equal(SearchService.SearchesPerMinute, first.Count(ok => ok));
        Assert.Equal(2, await RateLimitedEventsAsync(player, "(searches)", atLeast: 2)); // one per minute of flooding
    }

    [Fact]
    public async Task A_post_flood_stops_at_ten_an_hour_keeps_the_eleventh_unpublished_and_is_logged()
    {
        var (player, _) = await PlayerWithCatAsync("poster");
        var posts = app.Services.GetRequiredService<PostService>();
        PostInput Post(int i) => new($"Flood number {i}", $"Body of flood post {i}, long enough to read.", "", ["flood"]);

        var answers = new List<Result<PostSaved>>();
        for (var i = 0; i < 15; i++)
            answers.Add(await posts.PublishAsync(player, null, Post(i)));

        Assert.Equal(PostRules.PostsPerHour, answers.Count(a => a.Succeeded));
        Assert.All(answers.Skip(PostRules.PostsPerHour), a => Assert.Equal(
            "You can publish at most 10 posts an hour. Save this one as a draft or schedule it for later.", a.FirstMessage));
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().Posts.CountAsync(p => p.AuthorId == player));
        Assert.Equal(PostRules.PostsPerHour, stored); // the refused ones left nothing behind
        Assert.Equal(5, await RateLimitedEventsAsync(player, "(posting)"));
    }

    private async Task<(UserId Player, CatId Cat)> PlayerWithCatAsync(string name)
    {
        var userName = Names.Unique(name);
        var registered = await app.InScopeAsync(sp => sp.GetRequiredService<AccountService>()
            .RegisterAsync(new RegistrationRequest(userName, $"{userName}@example.test", "purrr-test-pw", "Europe/Paris")));
        Assert.True(registered.Succeeded, registered.FirstMessage);
        var cat = await app.Services.GetRequiredService<CatService>().AdoptAsync(registered.Value.Id, new AdoptCatRequest("Flood", "domestic_shorthair"));
        return (registered.Value.Id, cat.Value.Id);
    }

    /// <summary>The player's RATE_LIMITED events for one policy; in-circuit ones are written in the background, so this
    /// waits (up to 10 s) until there are at least <paramref name="atLeast"/>, and a moment more for any extra.</summary>
    private async Task<int> RateLimitedEventsAsync(UserId player, string policy, int atLeast = 1)
    {
        async Task<int> CountAsync() => await app.InScopeAsync(sp => sp.GetRequiredService<PurrrDbContext>().SecurityEvents
            .CountAsync(e => e.Type == SecurityEventType.RateLimited && e.UserId == player && e.Detail.Contains(policy)));
        for (var tries = 0; tries < 100 && await CountAsync() < atLeast; tries++)
            await Task.Delay(100);
        await Task.Delay(300);
        return await CountAsync();
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Community;

/// <summary>A player writes a post in Chromium, loses the connection mid-typing, gets the draft back and publishes it.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class PostEditorE2E(PurrrServer server, BrowserFixture browser)
{
    private async Task<UserId> RegisterAsync(string userName, string? catName = null) =>
        await server.InScopeAsync(async sp =>
        {
            var player = (await sp.GetRequiredService<AccountService>().RegisterAsync(
                new RegistrationRequest(userName, $"{userName}@example.test", BrowserSteps.Password, "Europe/Paris"))).Value;
            if (catName is not null)
            {
                var db = sp.GetRequiredService<PurrrDbContext>();
                var cat = ACat.Playful().Named(catName).OwnedBy(player.Id).Build();
                cat.SetVisibility(true);
                db.Cats.Add(cat);
                await db.SaveChangesAsync();
            }
            return player.Id;
        });

    private PostService Posts => server.Services.GetRequiredService<PostService>();

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        for (var tries = 0; tries < 150; tries++)
        {
            if (await condition())
                return;
            await Task.Delay(100);
        }
        Assert.Fail($"Timed out waiting for {what}.");
    }

    [Fact]
    public async Task A_draft_cut_off_mid_typing_is_offered_after_a_reload_restored_exactly_and_published()
    {
        var (author, friend) = (Names.Unique("wren"), Names.Unique("finch"));
        var catName = $"Pip{author[^4..]}";
        var authorId = await RegisterAsync(author, catName);
        await RegisterAsync(friend);
        const string title = "Pip's first snow";
        var body = $"## Snow!\n\nThis morning **{catName}** met snow. Thanks @{friend} for the tips #snow";

        await using var session = await BrowserSession.OpenAsync(browser, server);
        var page = session.Page;
        // Route the circuit's websocket through the test, so the test can cut it like a dropped network.
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        await page.RouteWebSocketAsync(new Regex("/_blazor"), ws => sockets.Add((ws, ws.ConnectToServer())));
        await session.RunAsync(async () =>
        {
            await session.SignInAsync(author);
            await session.GotoAsync("community/write");

            await page.GetByLabel("Title").FillAsync(title);
            var tags = page.GetByLabel("Add a tag");
            await tags.FillAsync("Snow Days");
            await tags.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Tags" })).ToContainTextAsync("#snow-days");
            var textarea = page.GetByLabel("Body");
            await textarea.PressSequentiallyAsync(body[..^20]);
            await Expect(page.Locator(".preview")).ToContainTextAsync("met snow");
            await textarea.PressSequentiallyAsync(body[^20..]);
            await Expect(page.Locator(".preview")).ToContainTextAsync("for the tips");

            // The connection drops before the 2-second autosave: the server keeps what reached it at once.
            Assert.Empty(session.Errors);
            await page.Context.SetOfflineAsync(true);
            foreach (var (toPage, toServer) in sockets)
            {
                await toServer.CloseAsync();
                await toPage.CloseAsync();
            }
            await WaitForAsync(async () => (await Posts.DraftAsync(authorId, null))?.Content.Body == body, "the draft on the server");

            await page.Context.SetOfflineAsync(false);
            await page.ReloadAsync();
            await session.WaitForCircuitAsync();
            var errorsBeforeReload = session.Errors.Count; // the cut page logged its failed reconnects; the new one must log nothing

            var offer = page.GetByRole(AriaRole.Alert, new() { Name = "Unsaved draft" });
            await Expect(offer).ToContainTextAsync("You have an unsaved draft");
            await offer.GetByRole(AriaRole.Button, new() { Name = "Restore draft" }).ClickAsync();
            await Expect(textarea).ToHaveValueAsync(body);
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
            await Expect(page.GetByRole(AriaRole.List, new() { Name = "Tags" })).ToContainTextAsync("#snow-days");
            await Expect(page.Locator(".preview a.mention")).ToHaveTextAsync($"@{friend}");
            await session.SaveScreenshotAsync("post-editor-restored");

            await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
            await session.WaitForRouteAsync(new Regex("/community/posts/pips-first-snow-[a-z0-9]{6}$"));

            await using var db = await server.Services.GetRequiredService<Purrr.Core.Persistence.IPurrrDbFactory>().CreateAsync();
            var post = await db.Posts.Include(p => p.Tags).SingleAsync(p => p.AuthorId == authorId);
            Assert.Equal(PostStatus.Published, post.Status);
            Assert.Equal(title, post.Title);
            Assert.Equal(body, post.Body);
            Assert.Equal(["snow-days"], post.Tags.Select(t => t.Tag));
            Assert.EndsWith(post.Slug, page.Url);
            Assert.Null(await Posts.DraftAsync(authorId, null)); // published: no draft left to offer
            Assert.Empty(session.Errors.Skip(errorsBeforeReload));
        });
    }

    [Fact]
    public async Task Editing_someone_elses_post_is_refused()
    {
        var (owner, other) = (Names.Unique("heron"), Names.Unique("crane"));
        var ownerId = await RegisterAsync(owner);
        await RegisterAsync(other);
        var post = (await Posts.PublishAsync(ownerId, null, new PostInput("Heron's post", "Mine.", "", []))).Value;

        await using var session = await BrowserSession.OpenAsync(browser, server);
        await session.RunAsync(async () =>
        {
            await session.SignInAsync(other);
            await session.GotoAsync($"community/posts/{post.Slug}/edit");

            await Expect(session.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You can only change your own posts.");
            await Expect(session.Page.GetByLabel("Body")).ToHaveCountAsync(0);
        });
    }
}

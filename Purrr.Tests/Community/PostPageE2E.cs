using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Data;
using Purrr.Data.Accounts;
using Purrr.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Purrr.Tests.Community;

/// <summary>Two players in two Chromium contexts: B reacts to and comments on A's post while A watches it live.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "E2E")]
public sealed class PostPageE2E(PurrrServer server, BrowserFixture browser)
{
    private async Task<UserId> RegisterAsync(string userName) =>
        await server.InScopeAsync(async sp => (await sp.GetRequiredService<AccountService>().RegisterAsync(
            new RegistrationRequest(userName, $"{userName}@example.test", BrowserSteps.Password, "Europe/Paris"))).Value.Id);

    private async Task<Post> PublishAsync(APost post) =>
        await server.InScopeAsync(async sp =>
        {
            var built = post.Build();
            var db = sp.GetRequiredService<PurrrDbContext>();
            db.Posts.Add(built);
            await db.SaveChangesAsync();
            return built;
        });

    private static ILocator Reaction(IPage page, string name) =>
        page.GetByRole(AriaRole.Group, new() { Name = "Reactions to this post" }).GetByRole(AriaRole.Button, new() { Name = name });

    private static ILocator Bell(IPage page) => page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Notifications") });

    [Fact]
    public async Task B_reacts_and_comments_and_A_watching_the_post_sees_both_and_the_bell_live_then_reads_the_notification()
    {
        var (nameA, nameB) = (Names.Unique("ada"), Names.Unique("bo"));
        var idA = await RegisterAsync(nameA);
        await RegisterAsync(nameB);
        var title = $"Mochi meets snow {nameA[^4..]}";
        var post = await PublishAsync(APost.By(idA).Titled(title).WithBody("She **froze**, then pounced.").Tagged("winter")
            .PublishedAt(server.ShiftedClock.GetUtcNow()));

        await using var a = await BrowserSession.OpenAsync(browser, server);
        await using var b = await BrowserSession.OpenAsync(browser, server);
        await a.RunAsync(async () =>
        {
            await a.SignInAsync(nameA);
            await b.SignInAsync(nameB);

            // A finds the post in the feed and opens it; B opens it by its address.
            await a.GotoAsync("community");
            await a.Page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await a.WaitForRouteAsync($"**/community/posts/{post.Slug}");
            await Expect(a.Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
            await Expect(Bell(a.Page)).ToHaveAttributeAsync("aria-label", "Notifications");
            await b.GotoAsync(PostLinks.Post(post.Slug));
            await Expect(b.Page.Locator("article strong").GetByText("froze")).ToBeVisibleAsync();

            // B reacts: A's count moves without a reload.
            await Reaction(b.Page, "Love").ClickAsync();
            await Expect(Reaction(b.Page, "Love")).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(Reaction(a.Page, "Love")).ToHaveAttributeAsync("aria-label", "Love, 1 reaction");
            await Expect(Reaction(a.Page, "Love")).ToHaveAttributeAsync("aria-pressed", "false");

            // B comments: A reads it under the post.
            await b.Page.GetByRole(AriaRole.Textbox, new() { Name = "Add a comment" }).FillAsync("What a brave cat!");
            await b.Page.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
            var commentsOfA = a.Page.GetByRole(AriaRole.List, new() { Name = "Comments" });
            await Expect(commentsOfA).ToContainTextAsync("What a brave cat!");
            await Expect(commentsOfA).ToContainTextAsync(nameB);
            await Expect(a.Page.GetByRole(AriaRole.Heading, new() { Name = "1 comment" })).ToBeVisibleAsync();

            // A's bell counts both, live.
            await Expect(Bell(a.Page)).ToHaveAttributeAsync("aria-label", "Notifications, 2 unread");

            // A opens the list and reads the comment's notification, then the rest.
            await Bell(a.Page).ClickAsync();
            await a.WaitForRouteAsync("**/notifications");
            var list = a.Page.GetByRole(AriaRole.List, new() { Name = "Notifications" });
            await Expect(list.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
            await Expect(list).ToContainTextAsync($"{nameB} commented on “{title}”: What a brave cat!");
            await Expect(list).ToContainTextAsync($"{nameB} reacted ❤️ to your post “{title}”.");
            await a.Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Mark read: {nameB} commented") }).ClickAsync();
            await Expect(Bell(a.Page)).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
            await a.Page.GetByRole(AriaRole.Button, new() { Name = "Mark all read" }).ClickAsync();
            await Expect(Bell(a.Page)).ToHaveAttributeAsync("aria-label", "Notifications");
            await Expect(a.Page.GetByText("You're all caught up.")).ToBeVisibleAsync();

            // The notification leads back to the comment.
            await list.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("commented on") }).ClickAsync();
            await a.WaitForRouteAsync(new Regex($"/community/posts/{Regex.Escape(post.Slug)}#comment-[0-9a-f]{{32}}$"));
            await Expect(a.Page.GetByRole(AriaRole.List, new() { Name = "Comments" })).ToContainTextAsync("What a brave cat!");

            Assert.Empty(a.Errors);
            Assert.Empty(b.Errors);
        });
    }
}

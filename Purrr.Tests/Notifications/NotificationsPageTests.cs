using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Community;
using Purrr.Tests.Community;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Notifications;

namespace Purrr.Tests.Notifications;

[Trait("Category", "Component")]
public sealed class NotificationsPageTests : CommunityTestBase
{
    private static IReadOnlyList<string> Items(IRenderedComponent<NotificationsPage> page) =>
        [.. page.FindAll("ul[aria-label='Notifications'] li").Select(li => li.GetAttribute("aria-label")!)];

    [Fact]
    public async Task The_list_shows_what_happened_newest_first_and_marks_one_or_all_read()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var nova = await NewPlayerAsync("nova");
        var post = await PostAsync(APost.By(luna).Titled("Naps"));
        await Follows.FollowAsync(milo, luna);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Reactions.ReactAsync(nova, ReactionTarget.Post, post.Id, ReactionType.Like);
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        context.Render<MudPopoverProvider>();

        var page = context.Render<NotificationsPage>();

        Assert.Equal(["Unread: nova reacted 👍 to your post “Naps”.", "Unread: milo started following you."], Items(page));
        Assert.Equal("2 unread", page.Find("[role=status]").TextContent);

        // Find and click in one retried step: a live re-render may replace the button between the two.
        page.WaitForAssertion(() => page.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Mark read: milo started following you.").Click());
        page.WaitForAssertion(() => Assert.Equal("1 unread", page.Find("[role=status]").TextContent));
        Assert.Equal("milo started following you.", Items(page)[1]);

        page.WaitForAssertion(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Mark all read").Click());
        page.WaitForAssertion(() => Assert.Equal("You're all caught up.", page.Find("[role=status]").TextContent));
        Assert.All(Items(page), item => Assert.DoesNotContain("Unread", item));
    }

    [Fact]
    public async Task A_new_notification_appears_live_at_the_top()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var page = context.Render<NotificationsPage>();
        Assert.Contains("Nothing yet", page.Markup);

        await context.Services.GetRequiredService<FollowService>().FollowAsync(milo, luna);

        page.WaitForAssertion(() => Assert.Equal(["Unread: milo started following you."], Items(page)));
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Core.Notifications;
using Purrr.Tests.Community;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Layout;

namespace Purrr.Tests.Notifications;

[Trait("Category", "Component")]
public sealed class NotificationBellTests : CommunityTestBase
{
    private static string BellLabel(IRenderedComponent<NotificationBell> bell) => bell.Find("a[href='notifications'], button").GetAttribute("aria-label")!;

    [Fact]
    public async Task The_bell_counts_up_live_when_a_notification_is_added_and_down_when_read_elsewhere()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var nova = await NewPlayerAsync("nova");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var bell = context.Render<NotificationBell>();
        Assert.Equal("Notifications", BellLabel(bell));

        // Writers add the row in their own save and publish NotificationAdded on the app's bus.
        var follows = context.Services.GetRequiredService<FollowService>();
        await follows.FollowAsync(milo, luna);
        bell.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", BellLabel(bell)));
        await follows.FollowAsync(nova, luna);
        bell.WaitForAssertion(() => Assert.Equal("Notifications, 2 unread", BellLabel(bell)));
        Assert.Contains("2", bell.Find(".mud-badge").TextContent);

        await context.Services.GetRequiredService<NotificationService>().MarkAllReadAsync(luna); // e.g. in another tab

        bell.WaitForAssertion(() => Assert.Equal("Notifications", BellLabel(bell)));
        Assert.Empty(bell.FindAll(".mud-badge.mud-badge-visible, .mud-badge-dot"));
    }

    [Fact]
    public async Task Someone_elses_notifications_do_not_move_the_bell()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await using var context = ComponentTestContext.Create(Database, (luna, "luna"), clock: Clock);
        var bell = context.Render<NotificationBell>();

        await context.Services.GetRequiredService<FollowService>().FollowAsync(luna, milo); // milo is told, not luna
        context.Services.GetRequiredService<Core.Events.IEventBus>().Publish(new NotificationAdded(milo));
        await Task.Delay(200);

        Assert.Equal("Notifications", BellLabel(bell));
    }

    [Fact]
    public async Task Visitors_have_no_bell()
    {
        await using var context = ComponentTestContext.Create(Database, null, clock: Clock);

        Assert.Empty(context.Render<NotificationBell>().Markup.Trim());
    }
}

using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Notifications;
using Purrr.Tests.Community;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Notifications;

[Trait("Category", "Integration")]
public sealed class NotificationServiceTests : CommunityTestBase
{
    private async Task AddAsync(UserId recipient, int count, NotificationType type = NotificationType.System)
    {
        await using var db = Database.NewContext();
        for (var i = 0; i < count; i++)
            db.Notifications.Add(Notification.Create(recipient, type, $"Notice {i}", null, null, Clock.GetUtcNow().AddMinutes(i)));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task The_list_is_newest_first_twenty_at_a_time_with_the_unread_count()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await AddAsync(luna, 25);
        await AddAsync(milo, 3);

        var first = await Notifications.ListAsync(luna);
        var second = await Notifications.ListAsync(luna, first.Next);

        Assert.Equal(Enumerable.Range(0, 25).Reverse().Select(i => $"Notice {i}"), first.Items.Concat(second.Items).Select(n => n.Text));
        Assert.Equal((20, 5), (first.Items.Count, second.Items.Count));
        Assert.Null(second.Next);
        Assert.Equal(25, await Notifications.UnreadCountAsync(luna));
        Assert.All(first.Items, n => Assert.False(n.Read));
    }

    [Fact]
    public async Task Marking_one_read_lowers_the_count_and_tells_the_players_tabs()
    {
        var luna = await NewPlayerAsync("luna");
        await AddAsync(luna, 2);
        var newest = (await Notifications.ListAsync(luna)).Items[0];

        Assert.True(await Notifications.MarkReadAsync(luna, newest.Id));
        Assert.False(await Notifications.MarkReadAsync(luna, newest.Id)); // already read

        Assert.Equal(1, await Notifications.UnreadCountAsync(luna));
        Assert.True((await Notifications.ListAsync(luna)).Items[0].Read);
        Assert.Single(Bus.Published.OfType<NotificationsRead>(), e => e.Recipient == luna);
    }

    [Fact]
    public async Task Nobody_marks_someone_elses_notification_read()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await AddAsync(luna, 1);
        var lunas = (await Notifications.ListAsync(luna)).Items[0];

        Assert.False(await Notifications.MarkReadAsync(milo, lunas.Id));
        Assert.Equal(1, await Notifications.UnreadCountAsync(luna));
    }

    [Fact]
    public async Task Mark_all_read_clears_the_count_for_that_player_only()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await AddAsync(luna, 4);
        await AddAsync(milo, 2);

        Assert.Equal(4, await Notifications.MarkAllReadAsync(luna));

        Assert.Equal((0, 2), (await Notifications.UnreadCountAsync(luna), await Notifications.UnreadCountAsync(milo)));
        Assert.Equal(0, await Notifications.MarkAllReadAsync(luna));
        Assert.Single(Bus.Published.OfType<NotificationsRead>());
    }

    [Fact]
    public async Task A_new_follower_is_announced_once_and_following_yourself_announces_nothing()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");

        await Follows.FollowAsync(milo, luna);
        await Follows.FollowAsync(milo, luna); // already following: nothing new
        await Follows.FollowAsync(luna, luna);

        var told = Assert.Single(await NotificationsOfAsync(luna));
        Assert.Equal((NotificationType.Follow, "milo started following you.", "players/milo", milo), (told.Type, told.Text, told.Link, told.ActorId));
        Assert.Single(Bus.Published.OfType<NotificationAdded>(), e => e.Recipient == luna);
    }

    [Fact]
    public async Task Unfollowing_and_following_again_while_unread_adds_no_second_notification()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");

        await Follows.FollowAsync(milo, luna);
        await Follows.UnfollowAsync(milo, luna);
        await Follows.FollowAsync(milo, luna);

        Assert.Single(await NotificationsOfAsync(luna));
    }

    [Fact]
    public async Task An_achievement_is_announced_in_the_same_save_that_unlocks_it()
    {
        var luna = await NewPlayerAsync("luna");
        await using (var db = Database.NewContext())
        {
            db.ActivityEvents.Add(ActivityEvent.Of(luna, null, ActivityKind.ItemBought, TestClock.Noon));
            await db.SaveChangesAsync();
        }

        await Progress.ProcessPendingAsync();

        var told = Assert.Single(await NotificationsOfAsync(luna));
        Assert.Equal(NotificationType.Achievement, told.Type);
        Assert.Matches("^You earned “.+” \\(\\+\\d+ points\\)\\.$", told.Text);
        Assert.Equal("players/luna", told.Link);
        Assert.Contains(new NotificationAdded(luna), Bus.Published);

        await Progress.ProcessPendingAsync(); // nothing new: nothing more
        Assert.Single(await NotificationsOfAsync(luna));
    }

    [Fact]
    public async Task A_player_without_notifications_sees_an_empty_list()
    {
        var luna = await NewPlayerAsync("luna");
        Assert.Equal(0, await Notifications.UnreadCountAsync(luna));
        Assert.Empty((await Notifications.ListAsync(luna)).Items);
    }
}

using Microsoft.EntityFrameworkCore;
using Purrr.Core.Activity;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Rooms;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Rooms;

/// <summary>Rooms over the database: who may join, what activities do to cats, chat history and visits.</summary>
public class RoomServiceTests : ServiceTestBase
{
    private async Task<(UserId Player, CatId Cat)> PlayerWithCatAsync(string userName, Func<ACat, ACat>? cat = null)
    {
        var player = await NewPlayerAsync(userName);
        var built = (cat ?? (c => c))(ACat.Curious().Named($"{userName}'s cat").OwnedBy(player)).Build();
        await Database.AddCatsAsync(built);
        return (player, built.Id);
    }

    [Fact]
    public async Task Joining_puts_the_cat_in_a_playground_and_records_the_visit()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");

        var room = await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground);

        Assert.Equal(new RoomKey(RoomType.Playground, 1), room.Value);
        var member = Assert.Single((await Rooms.ViewAsync(room.Value)).Members);
        Assert.Equal(("ana's cat", "ana"), (member.CatName, member.OwnerName));
        await using var db = Database.NewContext();
        var visit = await db.RoomVisits.SingleAsync();
        Assert.Equal(("playground-1", TestClock.Noon, (DateTimeOffset?)null), (visit.RoomKey, visit.JoinedAt, visit.LeftAt));
    }

    [Fact]
    public async Task A_tired_cat_is_refused_and_the_room_stays_empty()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana", c => c.WithEnergy(10));

        var refused = await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground);

        Assert.Contains("too tired for a room", refused.FirstMessage);
        Assert.Equal(0, RoomRegistry.RoomCount);
        Assert.Empty(Bus.Published.OfType<MemberJoined>());
    }

    [Fact]
    public async Task Nobody_can_bring_someone_elses_cat()
    {
        var (_, tig) = await PlayerWithCatAsync("ana");
        var ben = await NewPlayerAsync("ben");

        var refused = await Rooms.JoinAsync(ben, "tab-b", tig, RoomType.Playground);

        Assert.Equal("Only your own cats can join a room.", refused.FirstMessage);
        Assert.Equal(0, RoomRegistry.MemberCount);
    }

    [Fact]
    public async Task Candidates_say_why_a_cat_cannot_join()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        await Database.AddCatsAsync(ACat.Lazy().Named("Sleepy").OwnedBy(ana).WithEnergy(5).Build());
        await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground);

        var candidates = await Rooms.CandidatesAsync(ana);

        Assert.Equal(["ana's cat is in Playground 1.", "Sleepy is too tired for a room (energy 5, needs 20). Let them rest first."],
            candidates.Select(c => c.Unavailable));
    }

    [Fact]
    public async Task An_activity_changes_the_cat_in_the_database_and_tells_the_room()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;

        var outcome = await Rooms.ActAsync(ana, room, tig, RoomActivity.Train);

        Assert.True(outcome.Succeeded, outcome.FirstMessage);
        await using var db = Database.NewContext();
        var cat = await db.Cats.SingleAsync();
        Assert.Equal((96, 1, 2L), (cat.Stats.Energy, cat.Stats.Training, cat.Xp));
        Assert.Equal(new ActivityPerformed(room, tig, RoomActivity.Train, null, "ana's cat practised a trick.", 96), Bus.Published.OfType<ActivityPerformed>().Single());
        Assert.Contains(await db.ActivityEvents.Select(e => e.Kind).ToListAsync(), k => k == ActivityKind.RoomActivityDone);
        Assert.Equal(1, (await db.RoomVisits.SingleAsync()).Activities);
    }

    [Fact]
    public async Task Energy_spent_walking_is_booked_with_the_next_activity()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;
        Rooms.Move(ana, room, tig, 10, 10);
        Rooms.Move(ana, room, tig, 20, 10);

        await Rooms.ActAsync(ana, room, tig, RoomActivity.Explore);

        await using var db = Database.NewContext();
        Assert.Equal(100 - 2 - 2, (await db.Cats.SingleAsync()).Stats.Energy);
        Assert.Equal(96, RoomRegistry.Members(room)!.Single().Energy);
    }

    [Fact]
    public async Task Leaving_books_the_energy_spent_and_closes_the_visit()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;
        Rooms.Move(ana, room, tig, 10, 10);
        Clock.Advance(TimeSpan.FromMinutes(3));

        await Rooms.LeaveAsync(ana, tig);

        await using var db = Database.NewContext();
        Assert.Equal(99, (await db.Cats.SingleAsync()).Stats.Energy);
        Assert.Equal(TestClock.Noon.AddMinutes(3), (await db.RoomVisits.SingleAsync()).LeftAt);
        Assert.Equal(0, RoomRegistry.RoomCount);
    }

    [Fact]
    public async Task The_same_activity_again_within_30_seconds_is_refused()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;
        await Rooms.ActAsync(ana, room, tig, RoomActivity.Play);

        var again = await Rooms.ActAsync(ana, room, tig, RoomActivity.Play);
        Clock.Advance(RoomRegistry.ActivityCooldown);
        var later = await Rooms.ActAsync(ana, room, tig, RoomActivity.Play);

        Assert.Equal("ana's cat needs a moment before that again: 30 s.", again.FirstMessage);
        Assert.True(later.Succeeded);
    }

    [Fact]
    public async Task Socialising_with_a_cat_that_left_is_refused()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var (ben, bean) = await PlayerWithCatAsync("ben");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;
        await Rooms.JoinAsync(ben, "tab-b", bean, RoomType.Playground);
        await Rooms.LeaveCircuitAsync("tab-b");

        var refused = await Rooms.ActAsync(ana, room, tig, RoomActivity.Socialize, bean);

        Assert.Equal("That cat has left the room.", refused.FirstMessage);
        Assert.Empty(Bus.Published.OfType<ActivityPerformed>());
    }

    [Fact]
    public async Task Socialising_with_another_cat_names_it_for_everyone()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var (ben, bean) = await PlayerWithCatAsync("ben");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;
        await Rooms.JoinAsync(ben, "tab-b", bean, RoomType.Playground);

        var outcome = await Rooms.ActAsync(ana, room, tig, RoomActivity.Socialize, bean);

        Assert.Equal("ana's cat touched noses with ben's cat.", outcome.Value.Message);
        Assert.Equal(bean, Bus.Published.OfType<ActivityPerformed>().Single().Partner);
    }

    [Fact]
    public async Task A_message_is_stored_and_shown_to_whoever_joins_later()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var (ben, bean) = await PlayerWithCatAsync("ben");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;

        var sent = await Rooms.ChatAsync(ana, room, tig, "  Hello, room!  ");
        await Rooms.JoinAsync(ben, "tab-b", bean, RoomType.Playground);

        Assert.Equal("Hello, room!", sent.Value.Text);
        Assert.Equal(["Hello, room!"], (await Rooms.ViewAsync(room)).Chat.Select(m => m.Text));
        Assert.Equal(sent.Value, Bus.Published.OfType<ChatPosted>().Single().Message);
    }

    [Fact]
    public async Task Chat_is_limited_to_60_messages_a_minute_by_the_app_wide_limiter()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;
        for (var i = 1; i <= 60; i++)
            Assert.True((await Rooms.ChatAsync(ana, room, tig, $"message {i}")).Succeeded);

        var refused = await Rooms.ChatAsync(ana, room, tig, "one more");

        Assert.Equal("Slow down: at most 60 actions a minute. Try again in 60 s.", refused.FirstMessage);
        Assert.Equal(1, RoomRegistry.RateLimitedPlayers);
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Rooms.ChatAsync(ana, room, tig, "one more")).Succeeded);
    }

    [Fact]
    public async Task Only_the_last_100_messages_of_a_room_are_kept()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;
        for (var i = 1; i <= 105; i++)
        {
            Assert.True((await Rooms.ChatAsync(ana, room, tig, $"message {i}")).Succeeded);
            Clock.Advance(TimeSpan.FromSeconds(2)); // under the 60-a-minute limit
        }

        var chat = (await Rooms.ViewAsync(room)).Chat;

        Assert.Equal(100, chat.Count);
        Assert.Equal(("message 6", "message 105"), (chat[0].Text, chat[^1].Text));
        await using var db = Database.NewContext();
        Assert.Equal(100, await db.RoomChatMessages.CountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("<script>alert('hi')</script>")]
    public async Task A_bad_message_is_refused_and_nothing_is_broadcast_or_stored(string text)
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        var room = (await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground)).Value;

        var refused = await Rooms.ChatAsync(ana, room, tig, text);

        Assert.False(refused.Succeeded);
        Assert.Empty(Bus.Published.OfType<ChatPosted>());
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.RoomChatMessages.CountAsync());
    }

    [Fact]
    public async Task Visiting_ten_different_rooms_earns_room_hopper()
    {
        var (ana, tig) = await PlayerWithCatAsync("ana");
        for (var number = 1; number <= 10; number++)
        {
            await Rooms.JoinAsync(ana, "tab-a", tig, RoomType.Playground, new RoomKey(RoomType.Playground, number));
            await Rooms.LeaveAsync(ana, tig);
        }

        await Progress.ProcessPendingAsync();

        await using var db = Database.NewContext();
        Assert.Contains(await db.PlayerAchievements.Select(a => a.AchievementKey).ToListAsync(), k => k == "room_hopper");
    }

    [Fact]
    public async Task Twenty_five_members_all_see_one_move()
    {
        var room = new RoomKey(RoomType.PartyRoom, 1);
        var members = new List<(UserId Player, CatId Cat)>();
        for (var i = 0; i < 25; i++)
        {
            var member = await PlayerWithCatAsync($"p{i}");
            Assert.True((await Rooms.JoinAsync(member.Player, $"tab-{i}", member.Cat, RoomType.PartyRoom)).Succeeded);
            members.Add(member);
        }
        var seen = new CountdownEvent(25);
        var subscriptions = members.Select(_ => Bus.Subscribe<RoomEvent>(RoomEvent.TopicOf(room), e =>
        {
            if (e is CatMoved)
                seen.Signal();
            return Task.CompletedTask;
        })).ToList();

        Rooms.Move(members[0].Player, room, members[0].Cat, 50, 30);

        Assert.True(seen.Wait(TimeSpan.FromSeconds(5)), $"{seen.CurrentCount} of 25 did not see the move");
        subscriptions.ForEach(s => s.Dispose());
        for (var i = 0; i < 25; i++)
            await Rooms.LeaveCircuitAsync($"tab-{i}");
        Assert.True(RoomRegistry.IsEmpty);
        Assert.Equal(0, Bus.SubscriptionCount);
    }
}

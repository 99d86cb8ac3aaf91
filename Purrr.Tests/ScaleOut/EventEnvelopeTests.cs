using System.Text.Json;
using Purrr.Core.Common;
using Purrr.Core.Genetics;
using Purrr.Core.Presence;
using Purrr.Core.Rooms;
using Purrr.Data.Redis;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.ScaleOut;

/// <summary>How events travel between instances: what goes in comes out equal, under the type it was published as.</summary>
public sealed class EventEnvelopeTests
{
    private static readonly RoomKey Room = new(RoomType.PartyRoom, 3);

    [Fact]
    public void A_room_event_comes_back_equal_and_under_the_type_it_was_published_as()
    {
        var member = new RoomMemberView(CatId.New(), "Miso", Genomes.RedTabbyShortHair, UserId.New(), "Ada", "ada", 120, 80, true, 42);
        RoomEvent joined = new MemberJoined(Room, member);

        var text = EventEnvelope.Write("instance-a", 7, typeof(RoomEvent), joined);
        var envelope = EventEnvelope.Read(text)!;
        var (publishedAs, @event) = envelope.Open()!.Value;

        Assert.Equal("instance-a", envelope.Origin);
        Assert.Equal(7, envelope.Sequence);
        Assert.Equal(typeof(RoomEvent), publishedAs);
        var back = Assert.IsType<MemberJoined>(@event);
        Assert.Equal(Room, back.Room);
        Assert.Equal(member with { Genome = back.Member.Genome }, back.Member);
        Assert.Equal(member.Genome.ToString(), back.Member.Genome.ToString());
        Assert.Equal(RoomEvent.TopicOf(Room), back.Topic);
    }

    [Fact]
    public void Presence_and_chat_events_keep_their_values()
    {
        var seen = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.FromHours(1));
        var presence = new PresenceChanged(UserId.New(), PresenceStatus.Away, seen);
        var chat = new ChatPosted(Room, new ChatMessageView(12, CatId.New(), "Miso", UserId.New(), "Hello <b>there</b> ✨", seen), 3);

        Assert.Equal(presence, EventEnvelope.Read(EventEnvelope.Write("a", 1, typeof(PresenceChanged), presence))!.Open()!.Value.Event);
        var chatBack = Assert.IsType<ChatPosted>(EventEnvelope.Read(EventEnvelope.Write("a", 2, typeof(RoomEvent), chat))!.Open()!.Value.Event);
        Assert.Equal(chat.Message, chatBack.Message);
        Assert.Equal(chat.Energy, chatBack.Energy);
    }

    [Fact]
    public void Types_outside_the_app_events_or_that_do_not_fit_are_refused()
    {
        var data = JsonSerializer.SerializeToElement(new { Value = 1 });
        Assert.Null(new EventEnvelope("x", 1, typeof(string).FullName!, typeof(string).FullName!, data).Open());
        Assert.Null(new EventEnvelope("x", 1, "Purrr.Core.Rooms.NoSuchEvent", "Purrr.Core.Rooms.NoSuchEvent", data).Open());
        // A presence event cannot be delivered to room subscribers.
        Assert.Null(new EventEnvelope("x", 1, typeof(RoomEvent).FullName!, typeof(PresenceChanged).FullName!, data).Open());
        // Nor can an abstract type be made.
        Assert.Null(new EventEnvelope("x", 1, typeof(RoomEvent).FullName!, typeof(RoomEvent).FullName!, data).Open());
        Assert.Null(EventEnvelope.Read("not json"));
        Assert.False(EventEnvelope.CanShare(typeof(string)));
        Assert.True(EventEnvelope.CanShare(typeof(MemberJoined)));
    }
}

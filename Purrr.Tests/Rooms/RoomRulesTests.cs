using Purrr.Core.Rooms;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Rooms;

public class RoomRulesTests
{
    [Theory]
    [InlineData(RoomType.Playground, 15)]
    [InlineData(RoomType.TrainingArena, 8)]
    [InlineData(RoomType.SocialLounge, 12)]
    [InlineData(RoomType.AdventureZone, 10)]
    [InlineData(RoomType.PartyRoom, 25)]
    public void Each_room_type_has_the_spec_capacity(RoomType type, int capacity) => Assert.Equal(capacity, RoomTypes.Capacity(type));

    [Fact]
    public void Join_picks_the_fullest_room_that_still_has_space()
    {
        var open = new Dictionary<int, int> { [1] = 15, [2] = 9, [3] = 12, [4] = 3 };

        Assert.Equal(3, RoomRules.ChooseRoom(RoomType.Playground, open));
    }

    [Fact]
    public void Join_opens_the_lowest_free_number_when_every_room_is_full()
    {
        var open = new Dictionary<int, int> { [1] = 8, [3] = 8 };

        Assert.Equal(2, RoomRules.ChooseRoom(RoomType.TrainingArena, open));
    }

    [Fact]
    public void The_first_cat_opens_room_one() => Assert.Equal(1, RoomRules.ChooseRoom(RoomType.PartyRoom, new Dictionary<int, int>()));

    [Fact]
    public void Equally_full_rooms_fill_the_lower_number_first() =>
        Assert.Equal(2, RoomRules.ChooseRoom(RoomType.Playground, new Dictionary<int, int> { [5] = 4, [2] = 4 }));

    [Fact]
    public void A_cat_below_20_energy_cannot_join()
    {
        var problem = RoomRules.WhyCannotJoin(ACat.Playful().Named("Tig").WithEnergy(19).Build());

        Assert.Equal("Tig is too tired for a room (energy 19, needs 20). Let them rest first.", problem?.Message);
        Assert.Null(RoomRules.WhyCannotJoin(ACat.Playful().WithEnergy(20).Build()));
    }

    [Fact]
    public void A_cat_below_30_mood_cannot_join()
    {
        Assert.NotNull(RoomRules.WhyCannotJoin(ACat.Playful().WithStats(s => s with { Mood = 29 }).Build()));
        Assert.Null(RoomRules.WhyCannotJoin(ACat.Playful().WithStats(s => s with { Mood = 30 }).Build()));
    }

    [Fact]
    public void A_neglected_cat_cannot_join() =>
        Assert.Contains("too unwell", RoomRules.WhyCannotJoin(ACat.Playful().WithHealth(10).Build())?.Message);

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(100, 60, true)]
    [InlineData(-1, 10, false)]
    [InlineData(10, 61, false)]
    [InlineData(101, 0, false)]
    public void Cats_stay_inside_the_room(int x, int y, bool inside) => Assert.Equal(inside, RoomRules.IsInside(x, y));

    [Fact]
    public void Entrances_are_inside_the_room()
    {
        for (var arrival = 0; arrival < 100; arrival++)
        {
            var (x, y) = RoomRules.Entrance(arrival);
            Assert.True(RoomRules.IsInside(x, y), $"arrival {arrival} stands at {x},{y}");
        }
    }

    [Fact]
    public void A_message_is_trimmed_and_loses_control_characters_but_keeps_line_breaks() =>
        Assert.Equal("hello\nthere", RoomRules.CleanMessage("  hel\u0007lo\r\nthere\u200B  ").Value);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_message_is_refused(string? text) => Assert.Equal("Write something first.", RoomRules.CleanMessage(text).FirstMessage);

    [Fact]
    public void A_message_of_1024_characters_is_fine_and_1025_is_refused()
    {
        Assert.True(RoomRules.CleanMessage(new string('a', 1024)).Succeeded);
        Assert.Equal("Messages can be at most 1,024 characters (this one has 1,025).", RoomRules.CleanMessage(new string('a', 1025)).FirstMessage);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("hi <img src=x onerror=alert(1)>")]
    [InlineData("< script >")]
    public void Markup_is_refused(string text) => Assert.StartsWith("Messages are plain text", RoomRules.CleanMessage(text).FirstMessage);

    [Theory]
    [InlineData("I <3 cats")]
    [InlineData("2 < 3 and 5 > 4")]
    [InlineData("if x < y then")]
    public void Angle_brackets_that_are_not_tags_are_fine(string text) => Assert.Equal(text, RoomRules.CleanMessage(text).Value);

    [Fact]
    public void Room_keys_round_trip_through_their_address()
    {
        var key = new RoomKey(RoomType.TrainingArena, 12);

        Assert.Equal("training-arena-12", key.ToString());
        Assert.True(RoomKey.TryParse("training-arena-12", out var parsed));
        Assert.Equal(key, parsed);
        Assert.Equal("Training arena 12", key.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("playground")]
    [InlineData("playground-0")]
    [InlineData("playground--1")]
    [InlineData("kitchen-1")]
    [InlineData("playground-1x")]
    public void Bad_room_addresses_do_not_parse(string text) => Assert.False(RoomKey.TryParse(text, out _));
}

using Purrr.Core.Cats;
using Purrr.Core.Companion;

namespace Purrr.Tests.Companion;

[Trait("Category", "Unit")]
public sealed class PersonaEngineTests
{
    private static readonly CatStats Content = CatStats.Starting with { Satiety = 70, Happiness = 75, Energy = 80 };

    private static CompanionContext Cat(Personality personality, CatStats? stats = null, string? lastPatrol = null, IReadOnlyList<string>? kittens = null) =>
        new("Mochi", personality, stats ?? Content, 4, lastPatrol, kittens ?? [], null);

    private static string Reply(CompanionContext cat, params string[] playerLines)
    {
        // The player's lines with the cat's answers in between, as a stored history would be.
        var conversation = new List<(CompanionSpeaker, string)>();
        foreach (var line in playerLines)
        {
            conversation.Add((CompanionSpeaker.Player, line));
            if (line != playerLines[^1])
                conversation.Add((CompanionSpeaker.Cat, PersonaEngine.Reply(cat, conversation)));
        }
        return PersonaEngine.Reply(cat, conversation);
    }

    [Fact]
    public void Every_personality_answers_the_same_greeting_differently()
    {
        var replies = Personalities.All.Select(p => Reply(Cat(p), "Hello!")).ToList();

        Assert.Equal(Personalities.All.Count, replies.Distinct().Count());
    }

    [Fact]
    public void A_chatty_cat_says_more_than_an_aloof_one()
    {
        var playful = Reply(Cat(Personality.Playful, lastPatrol: "chased off 2 threats and saved 3 strays"), "Hello!");
        var aloof = Reply(Cat(Personality.Aloof, lastPatrol: "chased off 2 threats and saved 3 strays"), "Hello!");

        Assert.True(playful.Length > 2 * aloof.Length, $"“{playful}” vs “{aloof}”");
        Assert.Contains("saved 3 strays", playful); // a chatty cat brings up what it did lately
        Assert.DoesNotContain("strays", aloof);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    public void A_cat_under_30_satiety_asks_for_food_whatever_it_is_asked(int satiety, bool asksForFood)
    {
        foreach (var personality in Personalities.All)
        {
            var reply = Reply(Cat(personality, Content with { Satiety = satiety }), "What did you do today?");

            Assert.Equal(asksForFood, reply.Contains("hungry", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(asksForFood, reply.Contains("feed me", StringComparison.OrdinalIgnoreCase) || reply.Contains("fill my bowl"));
        }
    }

    [Fact]
    public void A_fed_cat_asked_about_food_says_it_is_not_hungry()
    {
        var reply = Reply(Cat(Personality.Curious, Content with { Satiety = 60 }), "Are you hungry?");

        Assert.Contains("not hungry right now", reply);
    }

    [Fact]
    public void The_cat_remembers_the_name_the_player_gave_earlier()
    {
        var reply = Reply(Cat(Personality.Playful), "Hi! My name is sam.", "Do you like feathers?", "Tell me about your day", "What's my name?");

        Assert.Contains("You're Sam, of course!", reply);
    }

    [Fact]
    public void Without_a_name_given_the_cat_asks_for_it()
    {
        var reply = Reply(Cat(Personality.Lazy), "I'm tired.", "What's my name?");

        Assert.Contains("You haven't told me your name yet", reply); // "I'm tired" is not a name
    }

    [Fact]
    public void The_cat_tells_of_its_last_patrol_and_its_new_kittens()
    {
        var cat = Cat(Personality.Territorial, lastPatrol: "chased off 1 threat and saved 2 strays", kittens: ["Pip", "Tofu"]);

        Assert.Contains("On my last night watch I chased off 1 threat and saved 2 strays.", Reply(cat, "How was the night watch?"));
        Assert.Contains("My kittens Pip and Tofu", Reply(cat, "How are the kittens?"));
    }

    [Fact]
    public void The_cat_remembers_what_the_player_likes()
    {
        var reply = Reply(Cat(Personality.SocialButterfly), "I really love gardening.", "What's your favourite thing?");

        Assert.Contains("you like gardening", reply);
    }

    [Fact]
    public void A_tired_cat_declines_to_play()
    {
        var reply = Reply(Cat(Personality.Playful, Content with { Energy = 10 }), "Let's play a game!");

        Assert.Contains("too tired", reply);
    }
}

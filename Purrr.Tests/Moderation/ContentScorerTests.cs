using Purrr.Core.Moderation;

namespace Purrr.Tests.Moderation;

[Trait("Category", "Unit")]
public sealed class ContentScorerTests
{
    [Theory]
    [InlineData("Biscuit finally used the new scratching post! She is getting closer to the window every day.")]
    [InlineData("My cat is a bit dumb sometimes, she ran into the door again. Still love her.")]
    [InlineData("I told you this dumb toy would break.")]
    [InlineData("Tips for introducing a second cat: https://example.org/guide — take it slowly.")]
    [InlineData("Three great reads: https://a.example/1 and https://b.example/2 and https://c.example/3 — each explains a different way to keep an indoor cat happy, with plenty of photos and clear steps for new owners.")]
    [InlineData("SHE CAUGHT HER FIRST MOUSE TODAY!!! So proud of my little hunter.")]
    [InlineData("An oxymoron: a calm kitten. Skilled at dumbbell chasing, though.")]
    [InlineData("The vet said Scunthorpe cats are just as lovely. Shut the door on your way out, the cat escapes!")]
    [InlineData("Meow meow meow, said Pixel when dinner was late.")]
    [InlineData("")]
    public void Everyday_cat_talk_scores_below_the_hold_threshold(string text)
    {
        var score = ContentScorer.Score(text);

        Assert.True(score.Value < ContentScore.HoldThreshold, $"{score.Value}: {string.Join("; ", score.Reasons)}");
        Assert.False(score.ShouldHold);
    }

    [Theory]
    [InlineData("You idiot, that is not how you feed a cat.", "an insult aimed at someone")]
    [InlineData("you're such a stupid person", "an insult aimed at someone")]
    [InlineData("u r a 1d10t", "an insult aimed at someone")]
    [InlineData("What a moron. Pathetic advice.", "insulting words (moron, pathetic)")]
    [InlineData("Nobody cares. kys", "threatening or self-harm wording (kys)")]
    [InlineData("What a looooser, and an 1d10t too", "insulting words (loser, idiot)")]
    public void Insults_and_threats_are_held(string text, string reason)
    {
        var score = ContentScorer.Score(text);

        Assert.True(score.ShouldHold, $"{score.Value}: {string.Join("; ", score.Reasons)}");
        Assert.Contains(reason, score.Reasons);
    }

    [Theory]
    [InlineData("Buy now! Free money for cat lovers, click here.", "spam phrases (buy now, free money, click here)")]
    [InlineData("Limited offer on premium food: https://cheap.example/food", "a spam phrase with a link")]
    [InlineData("Earn $500 a day and work from home with your cat!", "spam phrases (earn $, work from home)")]
    public void Spam_is_held(string text, string reason)
    {
        var score = ContentScorer.Score(text);

        Assert.True(score.ShouldHold, $"{score.Value}: {string.Join("; ", score.Reasons)}");
        Assert.Contains(reason, score.Reasons);
    }

    [Fact]
    public void A_flood_of_links_is_held()
    {
        var score = ContentScorer.Score("see https://a.example https://b.example https://c.example www.d.example great");

        Assert.True(score.ShouldHold);
        Assert.Contains("4 links in 2 words", score.Reasons);
    }

    [Fact]
    public void Many_links_in_a_long_text_count_but_do_not_hold_alone()
    {
        var links = string.Join(" and ", Enumerable.Range(1, 10).Select(i => $"https://vet{i}.example"));
        var text = links + " " + string.Join(' ', Enumerable.Repeat("helpful words about caring for cats in winter", 20));

        var score = ContentScorer.Score(text);

        Assert.Equal(ContentScorer.ManyLinksWeight, score.Value);
        Assert.False(score.ShouldHold);
    }

    [Fact]
    public void The_same_line_pasted_over_and_over_with_shouting_and_a_spam_phrase_is_held()
    {
        var text = string.Join('\n', Enumerable.Repeat("BEST CAT FOOD DEALS, ACT NOW", 4));

        var score = ContentScorer.Score(text);

        Assert.True(score.ShouldHold, string.Join("; ", score.Reasons));
        Assert.Contains("the same words over and over", score.Reasons);
        Assert.Contains("shouting (mostly capitals)", score.Reasons);
    }

    [Fact]
    public void Words_match_whole_so_innocent_words_containing_insults_score_nothing()
    {
        Assert.Equal(0, ContentScorer.Score("Closer, classic, skyscraper, Scunthorpe, dumbbell, oxymoron, assessment.").Value);
    }

    [Fact]
    public void The_score_never_exceeds_one_and_lists_every_reason()
    {
        var score = ContentScorer.Score("YOU IDIOT MORON LOSER, KILL YOURSELF, BUY NOW https://x.example https://y.example https://z.example");

        Assert.Equal(1, score.Value);
        Assert.True(score.Reasons.Count >= 5, string.Join("; ", score.Reasons));
    }

    [Fact]
    public void A_single_mild_word_or_insult_alone_does_not_hold()
    {
        Assert.Equal(ContentScorer.MildInsultWeight, ContentScorer.Score("That was a stupid hat.").Value);
        Assert.Equal(ContentScorer.InsultWeight, ContentScorer.Score("The villain in the cat movie is such a loser.").Value);
    }
}

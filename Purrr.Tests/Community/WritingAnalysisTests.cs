using Purrr.Core.Ai;
using Purrr.Core.Community;

namespace Purrr.Tests.Community;

[Trait("Category", "Unit")]
public sealed class WritingAnalysisTests
{
    private const string SeniorCatTitle = "Feeding a senior cat";

    private const string SeniorCatBody =
        "My old cat Mochi turned twelve this spring. Senior cats need softer food and smaller meals. " +
        "I switched her to wet food twice a day, and her weight is stable again.\n\n" +
        "If a senior cat stops eating, talk to your vet.";

    [Fact]
    public void Tags_are_the_words_the_post_leans_on_with_the_title_counting_most()
    {
        var suggestions = WritingAnalysis.Analyze(SeniorCatTitle, SeniorCatBody);

        Assert.Equal(["senior", "feeding", "food"], suggestions.Tags.Take(3));
        Assert.DoesNotContain("cat", suggestions.Tags); // everything here is about cats
        Assert.DoesNotContain("the", suggestions.Tags);
    }

    [Fact]
    public void The_summary_is_the_one_sentence_that_covers_most_of_the_topic()
    {
        var suggestions = WritingAnalysis.Analyze(SeniorCatTitle, SeniorCatBody);

        Assert.Equal("Senior cats need softer food and smaller meals.", suggestions.Summary);
    }

    [Fact]
    public void Short_plain_sentences_read_as_easy_with_nothing_to_fix()
    {
        var suggestions = WritingAnalysis.Analyze("My cat", string.Join(' ', Enumerable.Repeat("My cat sat on the mat. She is very calm.", 4)));

        Assert.True(suggestions.Readability >= 90, $"{suggestions.Readability}");
        Assert.Equal("Very easy", suggestions.ReadabilityLabel);
        Assert.Equal(["Reads well: nothing to fix."], suggestions.Hints);
    }

    [Fact]
    public void A_long_winded_sentence_reads_as_difficult_and_the_hint_quotes_it()
    {
        const string body = "Notwithstanding considerable veterinary disagreement, comprehensive nutritional supplementation " +
            "regarding geriatric felines necessitates individualised consideration of renal functionality, dental deterioration, " +
            "metabolic variability and behavioural idiosyncrasies, particularly whenever appetite diminishes unexpectedly or persistently.";

        var suggestions = WritingAnalysis.Analyze("Nutrition", body);

        Assert.True(suggestions.Readability < 30, $"{suggestions.Readability}");
        Assert.Equal("Very difficult", suggestions.ReadabilityLabel);
        Assert.Contains("One sentence has more than 25 words (“Notwithstanding considerable veterinary disagreement comprehensive…”): split it in two.", suggestions.Hints);
        Assert.Contains("Prefer shorter words and sentences: the text reads as difficult.", suggestions.Hints);
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("readability", 5)]
    [InlineData("make", 1)]
    public void Syllables_are_counted_by_vowel_groups(string word, int syllables) =>
        Assert.Equal(syllables, WritingAnalysis.Syllables(word));

    [Fact]
    public void Markdown_links_code_and_cat_embeds_are_not_read_as_words()
    {
        var suggestions = WritingAnalysis.Analyze("Grooming", "Brush your cat weekly with a [soft brush](https://shop.example/brush-brush-brush). `brush()` [[cat:0f8fad5b-d9cb-469f-a165-70867728950e]]");

        Assert.DoesNotContain("shop", suggestions.Tags);
        Assert.Equal("Brush your cat weekly with a soft brush.", suggestions.Summary);
    }

    [Fact]
    public async Task The_assistant_answers_through_the_chat_client_with_the_offline_analysis()
    {
        var assistant = new WritingAssistant(new OfflineChatClient(TimeProvider.System, OfflineAiOptions.Instant));

        var suggested = await assistant.SuggestAsync(SeniorCatTitle, SeniorCatBody);

        Assert.Equivalent(WritingAnalysis.Analyze(SeniorCatTitle, SeniorCatBody), suggested.Value);
    }

    [Fact]
    public async Task The_assistant_asks_for_a_few_words_before_it_suggests_anything()
    {
        var assistant = new WritingAssistant(new OfflineChatClient(TimeProvider.System, OfflineAiOptions.Instant));

        var suggested = await assistant.SuggestAsync("Hi", "Just a test");

        Assert.Equal("Write at least 5 words first: the assistant needs something to read.", suggested.FirstMessage);
    }
}

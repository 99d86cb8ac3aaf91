using Purrr.Core.Search;

namespace Purrr.Tests.Search;

[Trait("Category", "Unit")]
public sealed class SearchTermsTests
{
    [Fact]
    public void Words_are_lower_cased_deduplicated_and_every_one_is_required()
    {
        var terms = SearchTerms.Parse("  Whiskers and whiskers, TUNA  ").Value;

        Assert.Equal(["whiskers", "and", "tuna"], terms.Words);
        Assert.Equal("\"whiskers\" \"and\" \"tuna\"", terms.ToFtsMatch());
    }

    [Theory]
    [InlineData("cat\" OR \"dog", "\"cat\" \"or\" \"dog\"")]                   // quotes can't close the string early
    [InlineData("\"unbalanced", "\"unbalanced\"")]
    [InlineData("title:secret", "\"title\" \"secret\"")]                       // no column filter
    [InlineData("Body : x", "\"body\" \"x\"")]
    [InlineData("NEAR(cat dog, 2)", "\"near\" \"cat\" \"dog\" \"2\"")]        // no NEAR group
    [InlineData("cat AND NOT dog", "\"cat\" \"and\" \"not\" \"dog\"")]        // operators are words
    [InlineData("-cat +dog ^tuna *", "\"cat\" \"dog\" \"tuna\"")]            // no exclusion, initial-token or bare prefix
    [InlineData("{Title Body}: mouse", "\"title\" \"body\" \"mouse\"")]
    [InlineData("'; DROP TABLE Posts; --", "\"drop\" \"table\" \"posts\"")]
    [InlineData("100% _tuna_ [x]", "\"100\" \"tuna\" \"x\"")]
    public void Operators_and_quotes_in_the_input_become_plain_quoted_words(string input, string expected)
    {
        var match = SearchTerms.Parse(input).Value.ToFtsMatch();

        Assert.Equal(expected, match);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" *** ()")]
    public void A_search_without_words_is_refused_with_a_message(string input)
    {
        var refused = SearchTerms.Parse(input);

        Assert.Equal("Type a word to search for.", refused.FirstMessage);
    }

    [Fact]
    public void Overlong_searches_are_refused_and_word_count_and_length_are_capped()
    {
        Assert.Equal("A search can be at most 200 characters.", SearchTerms.Parse(new string('a', 201)).FirstMessage);

        var terms = SearchTerms.Parse("a b c d e f g h i j " + new string('z', 60)).Value;

        Assert.Equal(SearchTerms.MaxWords, terms.Words.Count);
        Assert.Equal(SearchTerms.MaxWordLength, SearchTerms.Parse(new string('z', 60)).Value.Words[0].Length);
    }

    [Fact]
    public void Letters_of_any_script_and_accents_stay_in_their_words()
    {
        Assert.Equal(["café", "chat", "猫"], SearchTerms.Parse("café-chat 猫!").Value.Words);
    }

    [Fact]
    public void Like_patterns_escape_the_wildcards_and_contains_conditions_quote_the_word()
    {
        Assert.Equal(@"%50\%\_off\[1]%", SearchTerms.ToLikePattern("50%_off[1]"));
        var terms = SearchTerms.Parse("black cat").Value;
        Assert.Equal("\"black\"", terms.ToContainsCondition(0));
        Assert.Equal("\"cat\"", terms.ToContainsCondition(1));
    }
}

using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

public class PostRulesTests
{
    [Theory]
    [InlineData("Mochi's first snow!", "mochis-first-snow")]
    [InlineData("  Crème brûlée & the café cat  ", "creme-brulee-the-cafe-cat")]
    [InlineData("10 tips: feeding KITTENS", "10-tips-feeding-kittens")]
    [InlineData("---", "post")]
    [InlineData("猫", "post")]
    [InlineData("", "post")]
    public void Slug_base_is_lower_case_ascii_words_joined_by_hyphens(string title, string expected) =>
        Assert.Equal(expected, PostRules.SlugBase(title));

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary()
    {
        var slug = PostRules.SlugBase(string.Join(' ', Enumerable.Repeat("whiskers", 20)));

        Assert.True(slug.Length <= PostRules.SlugBaseMaxLength);
        Assert.EndsWith("whiskers", slug);
    }

    [Fact]
    public void Slug_is_the_title_slug_plus_six_random_letters_or_digits_drawn_left_to_right()
    {
        var random = new ScriptedRandom([], [0, 25, 26, 35, 1, 2]);

        var slug = PostRules.NewSlug("Hello cats", random);

        Assert.Equal("hello-cats-az09bc", slug);
        Assert.True(random.IsUsedUp);
    }

    [Fact]
    public void Two_posts_with_one_title_get_different_slugs()
    {
        var random = new SeededRandomSource(7);

        Assert.NotEqual(PostRules.NewSlug("Same title", random), PostRules.NewSlug("Same title", random));
    }

    [Theory]
    [InlineData("hello-cats-az09bc", "Hello, cats!", true)]
    [InlineData("hello-cats-az09bc", "Hello dogs", false)]
    [InlineData("hello-cats-az09b", "Hello cats", false)]
    public void A_slug_fits_a_title_when_only_its_suffix_differs(string slug, string title, bool fits) =>
        Assert.Equal(fits, PostRules.SlugFits(slug, title));

    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("## Heading\n\n**bold** _it_ --- * ", 1)]
    public void Reading_time_of_short_posts(string body, int minutes) => Assert.Equal(minutes, PostRules.ReadingMinutes(body));

    [Fact]
    public void Reading_time_counts_words_not_markdown_signs() =>
        Assert.Equal(1, PostRules.ReadingMinutes(string.Join(" - ", Enumerable.Repeat("**purr** _mew_ >", 100))));

    [Theory]
    [InlineData(199, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(1000, 5)]
    [InlineData(1001, 6)]
    public void Reading_time_is_words_over_two_hundred_rounded_up(int words, int minutes) =>
        Assert.Equal(minutes, PostRules.ReadingMinutes(string.Join(' ', Enumerable.Repeat("purr", words))));

    [Fact]
    public void Tags_are_trimmed_lower_cased_and_de_duplicated()
    {
        var tags = PostRules.NormaliseTags(["  Kittens ", "#Care", "kittens", "Night Watch", "", "  "]);

        Assert.True(tags.Succeeded);
        Assert.Equal(["kittens", "care", "night-watch"], tags.Value);
    }

    [Fact]
    public void A_sixth_tag_is_refused()
    {
        var tags = PostRules.NormaliseTags(["a1", "b2", "c3", "d4", "e5", "f6"]);

        Assert.False(tags.Succeeded);
        Assert.Equal("A post can have at most 5 tags.", tags.FirstMessage);
    }

    [Fact]
    public void Five_tags_plus_a_duplicate_are_still_five()
    {
        var tags = PostRules.NormaliseTags(["a1", "b2", "c3", "d4", "e5", "A1"]);

        Assert.True(tags.Succeeded);
        Assert.Equal(5, tags.Value.Count);
    }

    [Theory]
    [InlineData("cats!", "Tags use letters, digits, “-” and “_” only: “cats!” doesn't.")]
    [InlineData("#", "Type a tag first.")]
    [InlineData("abcdefghijklmnopqrstuvwxyz-abcdef", "Tags can be at most 30 characters (“abcdefghijklmnopqrstuvwxyz-abcdef” has 33).")]
    public void Bad_tags_say_why(string typed, string message)
    {
        var tag = PostRules.NormaliseTag(typed);

        Assert.False(tag.Succeeded);
        Assert.Equal(message, tag.FirstMessage);
    }

    [Fact]
    public void Enter_adds_a_tag_once_and_refuses_a_sixth()
    {
        IReadOnlyList<string> tags = ["a1", "b2", "c3", "d4"];

        var fifth = PostRules.AddTag(tags, " E5 ");
        var again = PostRules.AddTag(fifth.Value, "e5");
        var sixth = PostRules.AddTag(fifth.Value, "f6");

        Assert.Equal(["a1", "b2", "c3", "d4", "e5"], fifth.Value);
        Assert.Equal(fifth.Value, again.Value);
        Assert.False(sixth.Succeeded);
        Assert.Contains("at most 5 tags", sixth.FirstMessage);
    }

    [Fact]
    public void Validation_trims_and_reports_every_problem_with_its_field()
    {
        var result = PostRules.Validate(new PostInput("   ", new string('x', Post.BodyMaxLength + 1), new string('e', 301), ["a", "b", "c", "d", "e", "f"]), forReaders: true);

        Assert.False(result.Succeeded);
        Assert.Equal(["title", "body", "excerpt", "tags"], result.Problems.Select(p => p.Field));
        Assert.Equal("Give your post a title.", result.Problems[0].Message);
        Assert.Equal("Posts can be at most 10,000 characters (this one has 10,001).", result.Problems[1].Message);
    }

    [Fact]
    public void Ten_thousand_characters_are_fine()
    {
        var result = PostRules.Validate(new PostInput("Long one", new string('x', Post.BodyMaxLength), "", []), forReaders: true);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void A_draft_may_be_empty_but_a_published_post_may_not()
    {
        var input = new PostInput("Just a title", "  ", "", []);

        Assert.True(PostRules.Validate(input, forReaders: false).Succeeded);
        Assert.Equal("Write something in your post first.", PostRules.Validate(input, forReaders: true).FirstMessage);
    }

    [Fact]
    public void A_title_of_201_characters_is_refused()
    {
        var result = PostRules.Validate(new PostInput(new string('t', 201), "body", "", []), forReaders: false);

        Assert.Equal("Titles can be at most 200 characters (this one has 201).", result.FirstMessage);
    }

    [Fact]
    public void Schedules_must_be_at_least_a_minute_ahead_and_at_most_a_year()
    {
        var now = TestClock.Noon;

        Assert.NotNull(PostRules.WhyCannotSchedule(now.AddSeconds(30), now));
        Assert.Null(PostRules.WhyCannotSchedule(now.AddMinutes(5), now));
        Assert.NotNull(PostRules.WhyCannotSchedule(now.AddDays(366), now));
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void The_eleventh_post_within_an_hour_is_over_the_limit(int posted, bool refused) =>
        Assert.Equal(refused, PostRules.WhyOverPostingLimit(posted) is not null);
}

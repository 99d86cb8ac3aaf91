using Purrr.Core.Community;

namespace Purrr.Tests.Community;

public sealed class CommentRulesTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void An_empty_comment_is_refused(string? body) =>
        Assert.Equal("Write something before sending your comment.", CommentRules.Clean(body).FirstMessage);

    [Fact]
    public void A_comment_may_have_five_thousand_characters_and_no_more()
    {
        Assert.True(CommentRules.Clean(new string('a', 5_000)).Succeeded);
        Assert.Equal("A comment can be at most 5,000 characters; this one has 5,001.", CommentRules.Clean(new string('a', 5_001)).FirstMessage);
    }

    [Fact]
    public void Surrounding_whitespace_is_trimmed() => Assert.Equal("Hi!", CommentRules.Clean("  Hi!\n").Value);
}

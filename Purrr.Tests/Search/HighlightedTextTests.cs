using Purrr.Core.Search;

namespace Purrr.Tests.Search;

[Trait("Category", "Unit")]
public sealed class HighlightedTextTests
{
    private const char O = HighlightedText.Open;
    private const char C = HighlightedText.Close;

    [Fact]
    public void Matches_become_mark_elements_and_everything_else_is_encoded()
    {
        var text = HighlightedText.FromMarked($"<script>alert('x')</script> my {O}tabby{C} & \"friends\"");

        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; my <mark>tabby</mark> &amp; &quot;friends&quot;", text.Html);
        Assert.Equal("<script>alert('x')</script> my tabby & \"friends\"", text.Plain);
    }

    [Theory]
    [InlineData("a\uE000b", "a<mark>b</mark>")]          // left open: closed at the end
    [InlineData("a\uE001b", "ab")]                       // a stray close: dropped
    [InlineData("\uE000a\uE000b\uE001", "<mark>ab</mark>")] // no nesting
    public void Markers_a_post_itself_contains_cannot_unbalance_the_markup(string marked, string html)
    {
        Assert.Equal(html, HighlightedText.FromMarked(marked).Html);
    }

    [Fact]
    public void Mark_highlights_every_word_case_insensitively_and_encodes_the_rest()
    {
        var text = HighlightedText.Mark("Tuna <b>and</b> TUNA", ["tuna"]);

        Assert.Equal("<mark>Tuna</mark> &lt;b&gt;and&lt;/b&gt; <mark>TUNA</mark>", text.Html);
    }

    [Fact]
    public void A_snippet_is_cut_around_the_first_match_with_ellipses_and_markdown_removed()
    {
        var body = "**Intro.** " + string.Join(' ', Enumerable.Repeat("filler", 60)) + " then [the mouse](https://x.test) ran " + string.Join(' ', Enumerable.Repeat("more", 60));

        var snippet = HighlightedText.Snippet(body, ["mouse"], maxLength: 80);

        Assert.StartsWith("…", snippet.Plain);
        Assert.EndsWith("…", snippet.Plain);
        Assert.Contains("<mark>mouse</mark> ran", snippet.Html);
        Assert.DoesNotContain("https", snippet.Plain);
        Assert.DoesNotContain("*", snippet.Plain);
    }

    [Fact]
    public void Markdown_marks_go_from_snippets_but_the_text_and_its_comparisons_stay()
    {
        Assert.Equal("Title quote item bold a > b code link",
            HighlightedText.StripMarkdown("# Title\n> quote\n- item\n**bold** a > b `code` [link](https://x.test)"));
    }
}

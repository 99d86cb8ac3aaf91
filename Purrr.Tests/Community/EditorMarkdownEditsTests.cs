using Purrr.Core.Community;

namespace Purrr.Tests.Community;

/// <summary>The toolbar as functions of (text, selection): what each button does at the cursor.</summary>
public class EditorMarkdownEditsTests
{
    [Fact]
    public void Bold_wraps_the_selection_and_keeps_it_selected()
    {
        var edit = MarkdownEdits.Apply(MarkdownAction.Bold, "Hello world", 6, 11);

        Assert.Equal(new TextEdit("Hello **world**", 8, 13), edit);
    }

    [Fact]
    public void Italic_with_no_selection_inserts_a_selected_placeholder_at_the_cursor()
    {
        var edit = MarkdownEdits.Apply(MarkdownAction.Italic, "ab", 1, 1);

        Assert.Equal("a_italic text_b", edit.Text);
        Assert.Equal("italic text", edit.Text[edit.SelectionStart..edit.SelectionEnd]);
    }

    [Fact]
    public void Heading_list_and_quote_prefix_every_selected_line()
    {
        const string text = "intro\none\ntwo\nend";

        Assert.Equal("intro\n- one\n- two\nend", MarkdownEdits.Apply(MarkdownAction.List, text, 7, 12).Text);
        Assert.Equal("intro\n> one\ntwo\nend", MarkdownEdits.Apply(MarkdownAction.Quote, text, 6, 6).Text);
        Assert.Equal("## intro\none\ntwo\nend", MarkdownEdits.Apply(MarkdownAction.Heading, text, 2, 2).Text);
    }

    [Fact]
    public void Heading_on_an_empty_line_inserts_a_placeholder()
    {
        var edit = MarkdownEdits.Apply(MarkdownAction.Heading, "a\n\nb", 2, 2);

        Assert.Equal("a\n## Heading\nb", edit.Text);
        Assert.Equal("Heading", edit.Text[edit.SelectionStart..edit.SelectionEnd]);
    }

    [Fact]
    public void Code_is_inline_for_one_line_and_fenced_for_several()
    {
        Assert.Equal("run `npm test` now", MarkdownEdits.Apply(MarkdownAction.Code, "run npm test now", 4, 12).Text);
        Assert.Equal("x\n\n```\na\nb\n```\n\n", MarkdownEdits.Apply(MarkdownAction.Code, "x\na\nb", 2, 5).Text);
    }

    [Fact]
    public void Link_uses_the_selection_as_its_text_and_selects_the_url()
    {
        var edit = MarkdownEdits.Apply(MarkdownAction.Link, "see the shelter", 4, 15);

        Assert.Equal("see [the shelter](https://)", edit.Text);
        Assert.Equal("https://", edit.Text[edit.SelectionStart..edit.SelectionEnd]);
    }

    [Fact]
    public void Mention_and_hashtag_insert_their_sign_with_a_space_before_when_needed()
    {
        Assert.Equal(new TextEdit("hi @", 4, 4), MarkdownEdits.Apply(MarkdownAction.Mention, "hi", 2, 2));
        Assert.Equal(new TextEdit("hi #", 4, 4), MarkdownEdits.Apply(MarkdownAction.Hashtag, "hi ", 3, 3));
    }

    [Fact]
    public void A_block_goes_on_lines_of_its_own_with_the_cursor_after_it()
    {
        var edit = MarkdownEdits.InsertBlock("before after", 7, 7, "[[cat:x]]");

        Assert.Equal("before \n\n[[cat:x]]\n\nafter", edit.Text);
        Assert.Equal(edit.Text.IndexOf("]]", StringComparison.Ordinal) + 2, edit.SelectionStart);
    }

    [Fact]
    public void Out_of_range_selections_are_clamped()
    {
        var edit = MarkdownEdits.Apply(MarkdownAction.Bold, "abc", 10, -3);

        Assert.Equal("**abc**", edit.Text);
    }

    [Theory]
    [InlineData("hello @lu", 9, 6, "lu")]
    [InlineData("@", 1, 0, "")]
    [InlineData("a @milo b", 7, 2, "milo")]
    public void The_mention_being_typed_is_found_before_the_cursor(string text, int cursor, int at, string prefix) =>
        Assert.Equal((at, prefix), MarkdownEdits.MentionAt(text, cursor));

    [Theory]
    [InlineData("mail me@lu", 10)]
    [InlineData("@luna is", 8)]
    public void No_mention_is_being_typed(string text, int cursor) => Assert.Null(MarkdownEdits.MentionAt(text, cursor));

    [Fact]
    public void Choosing_a_suggestion_completes_the_name_and_adds_a_space()
    {
        var edit = MarkdownEdits.CompleteMention("thanks @lu!", 10, "luna");

        Assert.Equal("thanks @luna !", edit.Text);
        Assert.Equal(13, edit.SelectionStart);
    }

    [Theory]
    [InlineData("abc", "abXc", 3)]
    [InlineData("abc", "abcd", 4)]
    [InlineData("aaa", "aaaa", 4)]
    [InlineData("hello world", "hello", 5)]
    [InlineData("", "pasted text", 11)]
    public void The_cursor_follows_typing_and_pasting(string before, string after, int cursor) =>
        Assert.Equal(cursor, MarkdownEdits.CursorAfterChange(before, after));
}

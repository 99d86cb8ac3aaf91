using AngleSharp.Html.Parser;
using Purrr.Core.Common;
using Purrr.Core.Community;

namespace Purrr.Tests.Community;

/// <summary>@mentions, #hashtags and cat embeds: what is found in a post and what readers can click.</summary>
public class RenderMentionTests
{
    private static readonly PostRenderer Renderer = new();

    [Fact]
    public void Mentions_are_found_once_each_in_order_and_link_to_profiles()
    {
        var rendered = Renderer.Render("Hi @luna and @milo_2! Also @Luna again.");
        var links = new HtmlParser().ParseDocument(rendered.Html).QuerySelectorAll("a.mention");

        Assert.Equal(["luna", "milo_2"], rendered.Mentions);
        Assert.Equal(["players/luna", "players/milo_2", "players/Luna"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("@milo_2", links[1].TextContent);
    }

    [Theory]
    [InlineData("write to me@luna.dev")]
    [InlineData("`@luna` in code")]
    [InlineData("```\n@luna in a block\n```")]
    [InlineData("[@luna](https://example.com)")]
    [InlineData("@lu is too short")]
    [InlineData("@abcdefghijklmnopqrstuvwxyz is too long")]
    [InlineData("@@luna")]
    public void Not_a_mention(string markdown) => Assert.Empty(Renderer.Render(markdown).Mentions);

    [Fact]
    public void Mentions_inside_emphasis_lists_and_quotes_count()
    {
        var rendered = Renderer.Render("**@luna** is great\n\n- thanks @milo\n\n> @nova said so");

        Assert.Equal(["luna", "milo", "nova"], rendered.Mentions);
    }

    [Fact]
    public void Hashtags_are_lower_cased_and_link_to_tag_pages()
    {
        var rendered = Renderer.Render("Loving #CatNaps and #cat-naps, #catnaps again, and #Night_Watch.");
        var links = new HtmlParser().ParseDocument(rendered.Html).QuerySelectorAll("a.hashtag");

        Assert.Equal(["catnaps", "cat-naps", "night_watch"], rendered.Hashtags);
        Assert.Equal("community/tags/catnaps", links[0].GetAttribute("href"));
        Assert.Equal("#CatNaps", links[0].TextContent);
    }

    [Theory]
    [InlineData("# A heading")]
    [InlineData("We came #1 in the contest")]
    [InlineData("https://example.com/page#section")]
    [InlineData("issue&#35;12")]
    [InlineData("`#notatag`")]
    [InlineData("color#fff")]
    public void Not_a_hashtag(string markdown) => Assert.Empty(Renderer.Render(markdown).Hashtags);

    [Fact]
    public void A_cat_embed_on_its_own_line_becomes_a_card_between_html_segments()
    {
        var cat = new CatId(Guid.Parse("0197a3b2-1111-7000-8000-000000000042"));

        var rendered = Renderer.Render($"Meet her:\n\n{PostRenderer.CatEmbedText(cat)}\n\nIsn't she lovely?");

        Assert.Collection(rendered.Segments,
            s => Assert.Contains("Meet her:", Assert.IsType<HtmlSegment>(s).Html),
            s => Assert.Equal(cat, Assert.IsType<CatEmbedSegment>(s).Cat),
            s => Assert.Contains("lovely", Assert.IsType<HtmlSegment>(s).Html));
        Assert.Equal([cat], rendered.Cats);
    }

    [Fact]
    public void A_cat_embed_inside_a_sentence_stays_text()
    {
        var rendered = Renderer.Render("inline [[cat:0197a3b2-1111-7000-8000-000000000042]] here");

        Assert.Empty(rendered.Cats);
        Assert.Single(rendered.Segments);
    }

    [Fact]
    public void The_whole_html_is_the_segments_with_embeds_kept_as_text()
    {
        var rendered = Renderer.Render("Plain **text** with @luna and #cats");

        var segment = Assert.IsType<HtmlSegment>(Assert.Single(rendered.Segments));
        Assert.Equal(rendered.Html, segment.Html);
        Assert.Equal(rendered.Html, Renderer.ToHtml("Plain **text** with @luna and #cats"));
    }
}

using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Tests.Infrastructure;
using Purrr.Web.Components.Pages.Community;

namespace Purrr.Tests.Community;

[Trait("Category", "Component")]
public sealed class PostPageTests : CommunityTestBase
{
    private async Task<(BunitContext Context, Post Post, UserId Luna, UserId Milo)> PostByLunaAsync(string? viewer = "milo", Func<UserId, APost>? shape = null)
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(shape?.Invoke(luna) ?? APost.By(luna).Titled("Mochi meets snow").WithBody("She **froze**, then pounced.").Tagged("winter", "mochi"));
        var signedIn = viewer switch { "milo" => (milo, "milo"), "luna" => (luna, "luna"), _ => ((UserId, string)?)null };
        var context = ComponentTestContext.Create(Database, signedIn, clock: Clock);
        context.Render<MudPopoverProvider>();
        context.Render<MudDialogProvider>();
        return (context, post, luna, milo);
    }

    private static IRenderedComponent<PostPage> Open(BunitContext context, Post post) =>
        context.Render<PostPage>(p => p.Add(x => x.Slug, post.Slug));

    private static AngleSharp.Dom.IElement Reaction(IRenderedComponent<PostPage> page, string name) =>
        page.Find("[aria-label='Reactions to this post']").QuerySelectorAll("button").Single(b => b.GetAttribute("aria-label")!.StartsWith(name + ","));

    private static string CommentsText(IRenderedComponent<PostPage> page) => page.Find("ul[aria-label='Comments']").TextContent;

    [Fact]
    public async Task The_page_shows_the_post_rendered_with_its_author_tags_reading_time_and_counts_the_visit()
    {
        var (context, post, _, _) = await PostByLunaAsync();
        await using var _context = context;

        var page = Open(context, post);

        Assert.Equal("Mochi meets snow", page.Find("h1").TextContent);
        Assert.Contains("<strong>froze</strong>", page.Find(".purrr-post-content").InnerHtml);
        Assert.Equal(["#mochi", "#winter"], page.FindAll("ul[aria-label='Tags'] a").Select(a => a.TextContent));
        Assert.Contains("1 min read", page.Markup);
        page.WaitForAssertion(() => Assert.Contains("1 view", page.Find(".byline").TextContent));
        Assert.Equal(1, (await Feeds.PostAsync(post.Slug))!.Views);
        Assert.Equal("Follow", page.FindAll("button").Single(b => b.TextContent.Trim() is "Follow" or "Unfollow").TextContent.Trim());
    }

    [Fact]
    public async Task A_reaction_counts_at_once_and_a_second_click_takes_it_back()
    {
        var (context, post, _, _) = await PostByLunaAsync();
        await using var _context = context;
        var page = Open(context, post);

        Reaction(page, "Love").Click();
        page.WaitForAssertion(() => Assert.Equal(("Love, 1 reaction", "true"), (Reaction(page, "Love").GetAttribute("aria-label"), Reaction(page, "Love").GetAttribute("aria-pressed"))));
        Assert.Contains("Love: milo", page.Find("ul[aria-label='Who reacted']").TextContent);

        Reaction(page, "Love").Click();
        page.WaitForAssertion(() => Assert.Equal(("Love, 0 reactions", "false"), (Reaction(page, "Love").GetAttribute("aria-label"), Reaction(page, "Love").GetAttribute("aria-pressed"))));
        Assert.Equal(0, (await Reactions.SummaryAsync(ReactionTarget.Post, post.Id, null)).Total);
    }

    [Fact]
    public async Task A_visitor_reads_the_post_and_comments_but_is_asked_to_sign_in_to_take_part()
    {
        var (context, post, luna, _) = await PostByLunaAsync(viewer: null);
        await using var _context = context;
        await Comments.AddAsync(luna, post.Id, null, "Thanks for reading!");

        var page = Open(context, post);

        Assert.Contains("Thanks for reading!", CommentsText(page));
        Assert.Contains("Sign in", page.Find(".purrr-comments").TextContent);
        Assert.Empty(page.FindAll("form textarea"));
        Assert.True(Reaction(page, "Like").HasAttribute("disabled"));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Follow" or "Reply");
    }

    [Fact]
    public async Task A_comment_and_a_reply_appear_in_the_thread()
    {
        var (context, post, _, _) = await PostByLunaAsync();
        await using var _context = context;
        var page = Open(context, post);

        page.Find("form textarea").Input("So *fluffy*!");
        page.Find("form").Submit();
        page.WaitForAssertion(() => Assert.Contains("So fluffy!", CommentsText(page)));
        Assert.Equal("1 comment", page.Find("#comments-title").TextContent);
        Assert.Contains("<em>fluffy</em>", page.Find("ul[aria-label='Comments'] .purrr-post-content").InnerHtml);
        Assert.Equal("", page.Find(".purrr-comments > form textarea").GetAttribute("value") ?? "");

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Reply").Click();
        page.WaitForElement("ul[aria-label='Comments'] form textarea").Input("Replying to myself");
        page.Find("ul[aria-label='Comments'] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Replying to myself", page.Find("ul[aria-label^='Replies to']").TextContent));
        Assert.Equal("2 comments", page.Find("#comments-title").TextContent);
    }

    [Fact]
    public async Task An_empty_comment_is_refused_with_a_message_and_nothing_is_stored()
    {
        var (context, post, _, _) = await PostByLunaAsync();
        await using var _context = context;
        var page = Open(context, post);

        page.Find("form textarea").Input("   ");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Write something before sending your comment.", page.Find(".purrr-comments").TextContent));
        Assert.Empty(await Comments.ThreadAsync(post.Id));
    }

    [Fact]
    public async Task Another_readers_comment_and_reaction_appear_live()
    {
        var (context, post, luna, milo) = await PostByLunaAsync(viewer: "luna");
        await using var _context = context;
        var page = Open(context, post);
        page.WaitForAssertion(() => Assert.Contains("1 view", page.Find(".byline").TextContent)); // live: subscribed

        var comments = context.Services.GetRequiredService<CommentService>();
        var reactions = context.Services.GetRequiredService<ReactionService>();
        await comments.AddAsync(milo, post.Id, null, "Hello from milo");
        await reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Wow);

        page.WaitForAssertion(() => Assert.Contains("Hello from milo", CommentsText(page)), TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() => Assert.Equal("Wow, 1 reaction", Reaction(page, "Wow").GetAttribute("aria-label")), TimeSpan.FromSeconds(5));
        Assert.Equal("false", Reaction(page, "Wow").GetAttribute("aria-pressed")); // milo's, not luna's
    }

    [Fact]
    public async Task The_author_edits_a_comment_in_place()
    {
        var (context, post, _, milo) = await PostByLunaAsync();
        await using var _context = context;
        await Comments.AddAsync(milo, post.Id, null, "Frist");
        var page = Open(context, post);

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Edit").Click();
        page.Find("ul[aria-label='Comments'] form textarea").Input("First!");
        page.Find("ul[aria-label='Comments'] form").Submit();

        page.WaitForAssertion(() => Assert.Contains("First!", CommentsText(page)));
        Assert.Contains("edited", CommentsText(page));
        Assert.DoesNotContain("Frist", CommentsText(page));
    }

    [Fact]
    public async Task A_comment_removed_by_a_moderator_shows_as_removed_and_others_comments_offer_no_edit()
    {
        var (context, post, luna, _) = await PostByLunaAsync();
        await using var _context = context;
        var removed = (await Comments.AddAsync(luna, post.Id, null, "Something rude")).Value;
        await Comments.AddAsync(luna, post.Id, null, "Something kind");
        await using (var db = Database.NewContext())
        {
            var comment = db.Comments.Single(c => c.Id == removed);
            comment.SetRemoved(true);
            await db.SaveChangesAsync();
        }

        var page = Open(context, post);

        Assert.Contains("[removed by a moderator]", CommentsText(page));
        Assert.DoesNotContain("Something rude", page.Markup);
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Trim() is "Edit" or "Delete");
    }

    [Fact]
    public async Task A_suspended_reader_sees_why_instead_of_the_comment_box()
    {
        var (context, post, luna, milo) = await PostByLunaAsync();
        await using var _context = context;
        await SuspendAsync(milo, luna);

        var page = Open(context, post);

        Assert.Contains("You are suspended until", page.Find(".purrr-comments").TextContent);
        Assert.Empty(page.FindAll(".purrr-comments > form"));
    }

    [Theory]
    [InlineData(PostStatus.Removed)]
    [InlineData(PostStatus.Held)]
    public async Task A_post_removed_or_held_isnt_available(PostStatus status)
    {
        var (context, post, _, _) = await PostByLunaAsync(shape: luna => APost.By(luna).Titled("Secret").WithStatus(status));
        await using var _context = context;

        var page = Open(context, post);

        Assert.Equal("This post isn't available", page.Find("h1").TextContent);
        Assert.DoesNotContain("Secret", page.Markup);
    }

    [Fact]
    public async Task A_post_its_author_deleted_isnt_available()
    {
        var (context, post, _, _) = await PostByLunaAsync(shape: luna => APost.By(luna).DeletedByAuthor());
        await using var _context = context;

        Assert.Equal("This post isn't available", Open(context, post).Find("h1").TextContent);
    }
}

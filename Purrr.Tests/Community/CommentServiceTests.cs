using Microsoft.EntityFrameworkCore;
using Purrr.Core.Community;
using Purrr.Core.Notifications;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

[Trait("Category", "Integration")]
public sealed class CommentServiceTests : CommunityTestBase
{
    private async Task<int> StoredCommentsAsync()
    {
        await using var db = Database.NewContext();
        return await db.Comments.CountAsync();
    }

    [Fact]
    public async Task A_comment_and_a_reply_form_a_thread_and_open_pages_hear_of_each()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna));

        var comment = (await Comments.AddAsync(milo, post.Id, null, "  What a nap!  ")).Value;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Comments.AddAsync(luna, post.Id, comment, "She does this daily.");

        var thread = Assert.Single(await Comments.ThreadAsync(post.Id));
        Assert.Equal(("What a nap!", "milo"), (thread.Body, thread.Author!.UserName));
        Assert.Equal(("She does this daily.", "luna"), (thread.Replies[0].Body, thread.Replies[0].Author!.UserName));
        Assert.Equal(2, Bus.Published.OfType<PostEngagementChanged>().Count(e => e.PostId == post.Id));
    }

    [Fact]
    public async Task The_post_author_is_told_of_a_comment_and_a_comment_author_of_a_reply()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var nova = await NewPlayerAsync("nova");
        var post = await PostAsync(APost.By(luna).Titled("Naps"));

        var comment = (await Comments.AddAsync(milo, post.Id, null, "Cute!")).Value;
        var reply = (await Comments.AddAsync(nova, post.Id, comment, "Agreed")).Value;

        var toLuna = await NotificationsOfAsync(luna);
        Assert.Equal([NotificationType.PostComment, NotificationType.PostComment], toLuna.Select(n => n.Type));
        Assert.Equal("milo commented on “Naps”: Cute!", toLuna[0].Text);
        Assert.Equal(PostLinks.Comment(post.Slug, comment), toLuna[0].Link);
        var toMilo = Assert.Single(await NotificationsOfAsync(milo));
        Assert.Equal((NotificationType.CommentReply, "nova replied to your comment on “Naps”: Agreed", PostLinks.Comment(post.Slug, reply)),
            (toMilo.Type, toMilo.Text, toMilo.Link));
        Assert.Equal(nova, toMilo.ActorId);
        Assert.Contains(new NotificationAdded(luna), Bus.Published);
        Assert.Contains(new NotificationAdded(milo), Bus.Published);
    }

    [Fact]
    public async Task Nobody_is_told_of_their_own_comments_and_a_reply_to_the_post_author_tells_them_once()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna));

        var own = (await Comments.AddAsync(luna, post.Id, null, "Thanks for reading!")).Value;
        await Comments.AddAsync(luna, post.Id, own, "And another thing.");
        Assert.Empty(await NotificationsOfAsync(luna));
        Assert.DoesNotContain(Bus.Published, e => e is NotificationAdded);

        await Comments.AddAsync(milo, post.Id, own, "You're welcome");

        Assert.Equal(NotificationType.CommentReply, Assert.Single(await NotificationsOfAsync(luna)).Type);
    }

    [Theory]
    [InlineData("", "Write something before sending your comment.")]
    [InlineData("  ", "Write something before sending your comment.")]
    public async Task An_empty_comment_is_refused_and_nothing_stored(string body, string message)
    {
        var luna = await NewPlayerAsync("luna");
        var post = await PostAsync(APost.By(luna));

        Assert.Equal(message, (await Comments.AddAsync(luna, post.Id, null, body)).FirstMessage);
        Assert.Equal(0, await StoredCommentsAsync());
    }

    [Fact]
    public async Task A_comment_over_five_thousand_characters_is_refused_and_nothing_stored()
    {
        var luna = await NewPlayerAsync("luna");
        var post = await PostAsync(APost.By(luna));

        var result = await Comments.AddAsync(luna, post.Id, null, new string('m', 5_001));

        Assert.Equal("A comment can be at most 5,000 characters; this one has 5,001.", result.FirstMessage);
        Assert.Equal(0, await StoredCommentsAsync());
    }

    [Theory]
    [InlineData(PostStatus.Removed)]
    [InlineData(PostStatus.Held)]
    [InlineData(PostStatus.Draft)]
    public async Task Nobody_can_comment_on_a_post_readers_cannot_see(PostStatus status)
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna).WithStatus(status));

        Assert.Equal("This post isn't available.", (await Comments.AddAsync(milo, post.Id, null, "Hello")).FirstMessage);
        Assert.Equal(0, await StoredCommentsAsync());
    }

    [Fact]
    public async Task A_suspended_player_cannot_comment_and_is_told_why_until_when()
    {
        var admin = await NewPlayerAsync("admin");
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna));
        await SuspendAsync(milo, admin);

        var result = await Comments.AddAsync(milo, post.Id, null, "Buy cheap catnip!");

        Assert.Equal("You are suspended until 25 Nov 2026 12:00 UTC: Spamming the comments", result.FirstMessage);
        Assert.Equal(0, await StoredCommentsAsync());
    }

    [Fact]
    public async Task The_author_edits_their_comment_and_the_thread_says_it_was_edited()
    {
        var luna = await NewPlayerAsync("luna");
        var post = await PostAsync(APost.By(luna));
        var comment = (await Comments.AddAsync(luna, post.Id, null, "Frist")).Value;
        Clock.Advance(TimeSpan.FromMinutes(3));

        Assert.True((await Comments.EditAsync(luna, comment, "First!")).Succeeded);

        var node = Assert.Single(await Comments.ThreadAsync(post.Id));
        Assert.Equal(("First!", TestClock.Noon.AddMinutes(3)), (node.Body, node.EditedAt));
    }

    [Fact]
    public async Task Nobody_edits_or_deletes_someone_elses_comment()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna));
        var comment = (await Comments.AddAsync(milo, post.Id, null, "Mine")).Value;

        Assert.Equal("You can only change your own comments.", (await Comments.EditAsync(luna, comment, "Yours now")).FirstMessage);
        Assert.Equal("You can only change your own comments.", (await Comments.DeleteAsync(luna, comment)).FirstMessage);
        Assert.Equal("Mine", Assert.Single(await Comments.ThreadAsync(post.Id)).Body);
    }

    [Fact]
    public async Task An_edit_to_nothing_is_refused_and_the_comment_kept()
    {
        var luna = await NewPlayerAsync("luna");
        var post = await PostAsync(APost.By(luna));
        var comment = (await Comments.AddAsync(luna, post.Id, null, "Keep me")).Value;

        Assert.False((await Comments.EditAsync(luna, comment, " ")).Succeeded);
        Assert.Equal("Keep me", Assert.Single(await Comments.ThreadAsync(post.Id)).Body);
    }

    [Fact]
    public async Task Deleting_keeps_the_replies_under_a_deleted_marker_and_a_deleted_comment_takes_no_replies()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna));
        var comment = (await Comments.AddAsync(milo, post.Id, null, "Parent")).Value;
        await Comments.AddAsync(luna, post.Id, comment, "Reply");

        Assert.True((await Comments.DeleteAsync(milo, comment)).Succeeded);

        var node = Assert.Single(await Comments.ThreadAsync(post.Id));
        Assert.Equal((CommentState.Deleted, "Reply"), (node.State, node.Replies[0].Body));
        Assert.Equal("The comment you're replying to isn't there any more.", (await Comments.AddAsync(luna, post.Id, comment, "Hello?")).FirstMessage);
        Assert.Equal("This comment was deleted.", (await Comments.EditAsync(milo, comment, "Back")).FirstMessage);
    }

    [Fact]
    public async Task A_reply_must_answer_a_comment_on_the_same_post()
    {
        var luna = await NewPlayerAsync("luna");
        var first = await PostAsync(APost.By(luna));
        var second = await PostAsync(APost.By(luna));
        var comment = (await Comments.AddAsync(luna, first.Id, null, "On the first post")).Value;

        var result = await Comments.AddAsync(luna, second.Id, comment, "Reply on the second");

        Assert.Equal("The comment you're replying to isn't there any more.", result.FirstMessage);
    }
}

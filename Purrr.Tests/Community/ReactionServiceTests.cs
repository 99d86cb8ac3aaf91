using Microsoft.EntityFrameworkCore;
using Purrr.Core.Community;
using Purrr.Core.Notifications;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

[Trait("Category", "Integration")]
public sealed class ReactionServiceTests : CommunityTestBase
{
    private async Task<int> StoredReactionsAsync()
    {
        await using var db = Database.NewContext();
        return await db.Reactions.CountAsync();
    }

    [Fact]
    public async Task Reactions_are_counted_by_type_with_who_reacted_and_whether_you_did()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var nova = await NewPlayerAsync("nova");
        var post = await PostAsync(APost.By(luna));

        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Love);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Reactions.ReactAsync(nova, ReactionTarget.Post, post.Id, ReactionType.Love);
        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Laugh); // another type is another reaction

        var summary = await Reactions.SummaryAsync(ReactionTarget.Post, post.Id, milo);
        Assert.Equal(ReactionKinds.All, summary.Counts.Select(c => c.Type));
        Assert.Equal([0, 2, 1, 0, 0, 0], summary.Counts.Select(c => c.Count));
        Assert.Equal(["nova", "milo"], summary[ReactionType.Love].Who);
        Assert.Equal("nova, milo", summary[ReactionType.Love].WhoText);
        Assert.True(summary[ReactionType.Love].Mine);
        Assert.False((await Reactions.SummaryAsync(ReactionTarget.Post, post.Id, luna))[ReactionType.Love].Mine);
        Assert.Equal(3, summary.Total);
    }

    [Fact]
    public async Task Reacting_twice_with_the_same_type_is_refused_with_a_clear_message()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna));
        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Like);

        var again = await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Like);

        Assert.Equal("You already reacted with Like.", again.FirstMessage);
        Assert.Equal(1, await StoredReactionsAsync());
    }

    [Fact]
    public async Task Two_identical_reactions_at_the_same_moment_store_one_and_the_loser_hears_why()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Wow))));

        Assert.Equal(1, await StoredReactionsAsync());
        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("You already reacted with Wow.", r.FirstMessage));
        Assert.Single(await NotificationsOfAsync(luna));
    }

    [Fact]
    public async Task Taking_a_reaction_back_removes_it_and_lets_you_react_again()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna));
        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Sad);

        var after = await Reactions.UnreactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Sad);

        Assert.Equal(0, after.Total);
        Assert.Equal(0, await StoredReactionsAsync());
        Assert.True((await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Sad)).Succeeded);
        Assert.Equal(3, Bus.Published.OfType<PostEngagementChanged>().Count(e => e.PostId == post.Id));
    }

    [Fact]
    public async Task The_post_author_is_told_of_a_reaction_but_not_of_their_own()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna).Titled("Naps"));

        await Reactions.ReactAsync(luna, ReactionTarget.Post, post.Id, ReactionType.Like);
        Assert.Empty(await NotificationsOfAsync(luna));

        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Love);

        var told = Assert.Single(await NotificationsOfAsync(luna));
        Assert.Equal((NotificationType.PostReaction, "milo reacted ❤️ to your post “Naps”.", PostLinks.Post(post.Slug), milo),
            (told.Type, told.Text, told.Link, told.ActorId));
        Assert.Contains(new NotificationAdded(luna), Bus.Published);
    }

    [Fact]
    public async Task More_reactions_from_the_same_player_add_no_notification_while_the_first_is_unread()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna));

        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Like);
        await Reactions.UnreactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Like);
        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Like);
        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Wow);
        Assert.Single(await NotificationsOfAsync(luna));

        await Notifications.MarkAllReadAsync(luna);
        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Laugh);

        Assert.Equal(2, (await NotificationsOfAsync(luna)).Count);
    }

    [Fact]
    public async Task Comments_take_reactions_too_and_their_author_is_told()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna).Titled("Naps"));
        var comment = (await Comments.AddAsync(milo, post.Id, null, "Cute")).Value;

        await Reactions.ReactAsync(luna, ReactionTarget.Comment, comment, ReactionType.Laugh);

        var summaries = await Reactions.SummariesAsync(ReactionTarget.Comment, [comment], luna);
        Assert.Equal(1, summaries[comment][ReactionType.Laugh].Count);
        Assert.Equal(0, (await Reactions.SummaryAsync(ReactionTarget.Post, post.Id, luna)).Total); // the post's own count is apart
        var told = Assert.Single(await NotificationsOfAsync(milo));
        Assert.Equal(("luna reacted 😂 to your comment on “Naps”.", PostLinks.Comment(post.Slug, comment)), (told.Text, told.Link));
        Assert.Contains(new PostEngagementChanged(post.Id), Bus.Published);
    }

    [Fact]
    public async Task Nothing_hidden_takes_reactions()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var removed = await PostAsync(APost.By(luna).WithStatus(PostStatus.Removed));
        var post = await PostAsync(APost.By(luna));
        var deleted = (await Comments.AddAsync(luna, post.Id, null, "Never mind")).Value;
        await Comments.DeleteAsync(luna, deleted);

        Assert.Equal("This post isn't available.", (await Reactions.ReactAsync(milo, ReactionTarget.Post, removed.Id, ReactionType.Like)).FirstMessage);
        Assert.Equal("This comment isn't available.", (await Reactions.ReactAsync(milo, ReactionTarget.Comment, deleted, ReactionType.Like)).FirstMessage);
        Assert.Equal("That isn't a reaction.", (await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, (ReactionType)42)).FirstMessage);
        Assert.Equal(0, await StoredReactionsAsync());
    }
}

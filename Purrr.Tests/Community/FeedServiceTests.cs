using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

[Trait("Category", "Integration")]
public sealed class FeedServiceTests : CommunityTestBase
{
    /// <summary>Every page of a feed, following "Load more" to the end.</summary>
    private static async Task<List<FeedPage>> AllPagesAsync(Func<FeedCursor?, Task<FeedPage>> load)
    {
        var pages = new List<FeedPage> { await load(null) };
        while (pages[^1].Next is { } next && pages.Count < 1_000)
            pages.Add(await load(next));
        return pages;
    }

    private async Task<Post[]> PostsAsync(UserId author, int count, Func<int, APost, APost>? shape = null) =>
        await Database.AddPostsAsync([.. Enumerable.Range(0, count).Select(i =>
            (shape ?? ((n, p) => p.PublishedAt(TestClock.Noon.AddMinutes(-n))))(i, APost.By(author).Titled($"Post {i}")).Build())]);

    [Fact]
    public async Task Latest_shows_twenty_posts_a_page_newest_first_and_load_more_reaches_every_post_once()
    {
        var luna = await NewPlayerAsync("luna");
        var posts = await PostsAsync(luna, 45);

        var pages = await AllPagesAsync(after => Feeds.LatestAsync(after));

        Assert.Equal([20, 20, 5], pages.Select(p => p.Posts.Count));
        Assert.Null(pages[^1].Next);
        Assert.Equal(posts.Select(p => p.Id), pages.SelectMany(p => p.Posts).Select(c => c.Id)); // built newest first
    }

    [Fact]
    public async Task Posts_published_at_the_same_instant_are_neither_skipped_nor_repeated_across_pages()
    {
        var luna = await NewPlayerAsync("luna");
        var posts = await PostsAsync(luna, 41, (_, p) => p.PublishedAt(TestClock.Noon));

        var pages = await AllPagesAsync(after => Feeds.LatestAsync(after));

        Assert.Equal([20, 20, 1], pages.Select(p => p.Posts.Count));
        Assert.Equal(posts.Select(p => p.Id).Order(), pages.SelectMany(p => p.Posts).Select(c => c.Id).Order());
    }

    [Fact]
    public async Task Exactly_twenty_posts_make_one_page_without_load_more()
    {
        var luna = await NewPlayerAsync("luna");
        await PostsAsync(luna, 20);

        var page = await Feeds.LatestAsync();

        Assert.Equal(20, page.Posts.Count);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task A_card_carries_title_excerpt_author_tags_reading_time_and_counts()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var post = await PostAsync(APost.By(luna).Titled("Mochi's first snow").WithExcerpt("Paws, meet snow.").Tagged("winter", "mochi").WithViews(7)
            .WithBody(string.Join(' ', Enumerable.Repeat("snow", 450))));
        await Reactions.ReactAsync(milo, ReactionTarget.Post, post.Id, ReactionType.Love);
        await Reactions.ReactAsync(luna, ReactionTarget.Post, post.Id, ReactionType.Like);
        await Comments.AddAsync(milo, post.Id, null, "So fluffy!");
        var deleted = (await Comments.AddAsync(milo, post.Id, null, "Oops, wrong post")).Value;
        await Comments.DeleteAsync(milo, deleted);

        var card = Assert.Single((await Feeds.LatestAsync()).Posts);

        Assert.Equal(("Mochi's first snow", "Paws, meet snow.", "luna"), (card.Title, card.Excerpt, card.Author.UserName));
        Assert.Equal(["mochi", "winter"], card.Tags);
        Assert.Equal((3, 7, 2, 1), (card.ReadingMinutes, card.Views, card.Reactions, card.Comments));
    }

    [Theory]
    [InlineData(PostStatus.Removed)]
    [InlineData(PostStatus.Held)]
    [InlineData(PostStatus.Draft)]
    [InlineData(PostStatus.Scheduled)]
    [InlineData(PostStatus.Archived)]
    public async Task Posts_that_are_not_published_appear_in_no_feed_tag_page_or_profile(PostStatus status)
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await Follows.FollowAsync(milo, luna);
        var visible = await PostAsync(APost.By(luna).Titled("Visible").Tagged("cats"));
        var hidden = await PostAsync(APost.By(luna).Titled("Hidden").Tagged("cats").WithStatus(status));
        await Trending.RecomputeAsync();

        await AssertOnlyVisibleEverywhereAsync(luna, milo, visible, hidden);
    }

    [Fact]
    public async Task A_post_its_author_deleted_appears_in_no_feed_tag_page_or_profile()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        await Follows.FollowAsync(milo, luna);
        var visible = await PostAsync(APost.By(luna).Titled("Visible").Tagged("cats"));
        var hidden = await PostAsync(APost.By(luna).Titled("Deleted").Tagged("cats").DeletedByAuthor());
        await Trending.RecomputeAsync();

        await AssertOnlyVisibleEverywhereAsync(luna, milo, visible, hidden);
    }

    private async Task AssertOnlyVisibleEverywhereAsync(UserId author, UserId follower, Post visible, Post hidden)
    {
        foreach (var page in new[]
                 {
                     await Feeds.LatestAsync(), await Feeds.FollowingAsync(follower), await Feeds.TrendingAsync(),
                     await Feeds.TagAsync("cats"), await Feeds.ByAuthorAsync(author),
                 })
            Assert.Equal([visible.Id], page.Posts.Select(p => p.Id));
        Assert.Null(await Feeds.PostAsync(hidden.Slug));
        Assert.NotNull(await Feeds.PostAsync(visible.Slug));
    }

    [Fact]
    public async Task A_post_removed_after_trending_was_computed_leaves_the_trending_feed_at_once()
    {
        var luna = await NewPlayerAsync("luna");
        var post = await PostAsync(APost.By(luna));
        await Trending.RecomputeAsync();
        await using (var db = Database.NewContext())
        {
            db.Attach(post);
            post.SetStatus(PostStatus.Removed, Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        Assert.Empty((await Feeds.TrendingAsync()).Posts);
    }

    [Fact]
    public async Task Following_shows_only_the_followed_authors_posts_newest_first()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var nova = await NewPlayerAsync("nova");
        var pixel = await NewPlayerAsync("pixel");
        await Follows.FollowAsync(luna, milo);
        await Follows.FollowAsync(luna, nova);
        var fromMilo = await PostAsync(APost.By(milo).PublishedAt(TestClock.Noon.AddHours(-2)));
        var fromNova = await PostAsync(APost.By(nova).PublishedAt(TestClock.Noon.AddHours(-1)));
        await PostAsync(APost.By(pixel));
        await PostAsync(APost.By(luna));

        var page = await Feeds.FollowingAsync(luna);

        Assert.Equal([fromNova.Id, fromMilo.Id], page.Posts.Select(p => p.Id));
        Assert.Empty((await Feeds.FollowingAsync(pixel)).Posts); // follows nobody
    }

    [Fact]
    public async Task Following_many_prolific_authors_pages_through_the_date_index_in_the_same_order()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var nova = await NewPlayerAsync("nova");
        await Follows.FollowAsync(luna, milo);
        var posts = await PostsAsync(milo, FeedService.SmallSetLimit + 30);
        await PostsAsync(nova, 50);

        var pages = await AllPagesAsync(after => Feeds.FollowingAsync(luna, after));

        Assert.Equal(posts.Select(p => p.Id), pages.SelectMany(p => p.Posts).Select(c => c.Id));
    }

    [Fact]
    public async Task A_tag_page_lists_the_posts_with_that_tag_whatever_case_or_hash_is_typed()
    {
        var luna = await NewPlayerAsync("luna");
        var naps = await PostAsync(APost.By(luna).Tagged("naps", "sun").PublishedAt(TestClock.Noon.AddHours(-1)));
        var sunny = await PostAsync(APost.By(luna).Tagged("sun"));
        await PostAsync(APost.By(luna).Tagged("food"));

        Assert.Equal([sunny.Id, naps.Id], (await Feeds.TagAsync("sun")).Posts.Select(p => p.Id));
        Assert.Equal([naps.Id], (await Feeds.TagAsync(" #NAPS ")).Posts.Select(p => p.Id));
        Assert.Empty((await Feeds.TagAsync("nothing-here")).Posts);
        Assert.Empty((await Feeds.TagAsync("  ")).Posts);
    }

    [Fact]
    public async Task A_popular_tag_pages_through_the_date_index_in_the_same_order()
    {
        var luna = await NewPlayerAsync("luna");
        var tagged = await PostsAsync(luna, FeedService.SmallSetLimit + 30, (i, p) => p.Tagged("cats").PublishedAt(TestClock.Noon.AddMinutes(-2 * i)));
        await PostsAsync(luna, 40, (i, p) => p.Tagged("dogs").PublishedAt(TestClock.Noon.AddMinutes(-2 * i - 1)));

        var pages = await AllPagesAsync(after => Feeds.TagAsync("cats", after));

        Assert.Equal(tagged.Select(p => p.Id), pages.SelectMany(p => p.Posts).Select(c => c.Id));
    }

    [Fact]
    public async Task Trending_orders_the_weeks_posts_by_score_and_pages_by_score()
    {
        var luna = await NewPlayerAsync("luna");
        var posts = await PostsAsync(luna, 25, (i, p) => p.WithViews(i % 7).PublishedAt(TestClock.Noon.AddHours(-i)));
        await PostAsync(APost.By(luna).WithViews(1_000).PublishedAt(TestClock.Noon.AddDays(-8))); // last week's hit
        await Trending.RecomputeAsync();

        var cards = (await AllPagesAsync(after => Feeds.TrendingAsync(after))).SelectMany(p => p.Posts).ToList();

        Assert.Equal(25, cards.Count);
        Assert.Equal(25, cards.Select(c => c.Id).Distinct().Count());
        Assert.Equal(cards.Select(c => c.Views).OrderByDescending(v => v), cards.Select(c => c.Views));
    }

    [Fact]
    public async Task An_authors_posts_are_listed_on_their_profile_newest_first()
    {
        var luna = await NewPlayerAsync("luna");
        var milo = await NewPlayerAsync("milo");
        var older = await PostAsync(APost.By(luna).PublishedAt(TestClock.Noon.AddDays(-3)));
        var newer = await PostAsync(APost.By(luna));
        await PostAsync(APost.By(milo));

        Assert.Equal([newer.Id, older.Id], (await Feeds.ByAuthorAsync(luna)).Posts.Select(p => p.Id));
    }

    [Fact]
    public async Task A_post_page_shows_the_whole_post_and_counts_each_visit()
    {
        var luna = await NewPlayerAsync("luna");
        var post = await PostAsync(APost.By(luna).Titled("Naps").WithBody("**Long** naps.").Tagged("sleep", "cats"));

        Assert.Equal(1, await Feeds.CountViewAsync(post.Id));
        Assert.Equal(2, await Feeds.CountViewAsync(post.Id));
        var view = (await Feeds.PostAsync(post.Slug))!;

        Assert.Equal(("Naps", "**Long** naps.", "luna", 2), (view.Title, view.Body, view.Author.UserName, view.Views));
        Assert.Equal(["cats", "sleep"], view.Tags);
        Assert.Equal(TestClock.Noon, view.PublishedAt);
        Assert.Null(await Feeds.PostAsync("no-such-post"));
    }

    [Fact]
    public async Task A_hidden_post_counts_no_views()
    {
        var luna = await NewPlayerAsync("luna");
        var post = await PostAsync(APost.By(luna).WithStatus(PostStatus.Removed));

        Assert.Equal(0, await Feeds.CountViewAsync(post.Id));
    }
}

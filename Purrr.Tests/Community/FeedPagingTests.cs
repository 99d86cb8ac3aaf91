using Purrr.Core.Community;
using Purrr.Tests.Infrastructure;
using static Purrr.Core.Community.FeedService;

namespace Purrr.Tests.Community;

/// <summary>The in-memory page of a small candidate set (a rare tag, a few followed authors).</summary>
public sealed class FeedPagingTests
{
    private static Candidate Published(int minutesAgo, PostStatus status = PostStatus.Published, bool deleted = false) =>
        new(Guid.CreateVersion7(), TestClock.Noon.AddMinutes(-minutesAgo), status, deleted ? TestClock.Noon : null);

    private static FeedCursor After(Key last) => new(last.PublishedAt, last.Id);

    [Fact]
    public void A_page_is_newest_first_and_holds_one_more_than_twenty_to_tell_that_more_follow()
    {
        var candidates = Enumerable.Range(0, 30).Select(i => Published(i)).Reverse().ToList();

        var page = NewestOf(candidates, null);

        Assert.Equal(PageSize + 1, page.Count);
        Assert.Equal(candidates.OrderByDescending(c => c.PublishedAt).Take(21).Select(c => c.Id), page.Select(k => k.Id));
    }

    [Fact]
    public void The_next_page_starts_right_after_the_cursor_even_among_equal_times()
    {
        var candidates = Enumerable.Range(0, 25).Select(_ => Published(5)).ToList();

        var first = NewestOf(candidates, null).Take(PageSize).ToList();
        var second = NewestOf(candidates, After(first[^1]));

        Assert.Equal(5, second.Count);
        Assert.Equal(candidates.Select(c => c.Id).Order(), first.Concat(second).Select(k => k.Id).Order());
    }

    [Theory]
    [InlineData(PostStatus.Removed, false)]
    [InlineData(PostStatus.Held, false)]
    [InlineData(PostStatus.Draft, false)]
    [InlineData(PostStatus.Published, true)]
    public void Only_published_posts_nobody_deleted_make_the_page(PostStatus status, bool deleted)
    {
        var visible = Published(1);

        var page = NewestOf([visible, Published(0, status, deleted)], null);

        Assert.Equal([visible.Id], page.Select(k => k.Id));
    }

    [Fact]
    public void No_candidates_make_an_empty_page() => Assert.Empty(NewestOf([], null));
}

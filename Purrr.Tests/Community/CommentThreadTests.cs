using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Community;
using Purrr.Tests.Infrastructure;

namespace Purrr.Tests.Community;

public sealed class CommentThreadTests
{
    private static readonly PlayerName Luna = new(UserId.New(), "luna", "Luna");
    private static readonly PlayerName Milo = new(UserId.New(), "milo", "Milo");

    private static int minute;

    /// <summary>A comment written one minute after the previous one (so each test reads in writing order).</summary>
    private static CommentRow Row(string body, CommentRow? parent = null, PlayerName? author = null, bool deleted = false, bool removed = false) =>
        new(Guid.CreateVersion7(), parent?.Id, author ?? Luna, body, TestClock.Noon.AddMinutes(Interlocked.Increment(ref minute)), null, deleted, removed);

    private static string Shape(IEnumerable<CommentNode> nodes) =>
        string.Join(" ", nodes.Select(n => (n.IsVisible ? n.Body : n.Placeholder) + (n.Replies.Count > 0 ? $" ( {Shape(n.Replies)} )" : "")));

    [Fact]
    public void Replies_hang_under_their_parents_and_every_level_reads_oldest_first()
    {
        var first = Row("first");
        var second = Row("second");
        var reply1 = Row("reply-1", first);
        var nested = Row("nested", reply1);
        var reply2 = Row("reply-2", first);

        var threads = CommentThread.Build([reply2, nested, second, reply1, first]);

        Assert.Equal("first ( reply-1 ( nested ) reply-2 ) second", Shape(threads));
        Assert.Equal([0, 1, 2, 1, 0], CommentThread.Flatten(threads).Select(n => n.Depth));
    }

    [Fact]
    public void A_deleted_comment_with_replies_keeps_its_place_without_its_words_or_author()
    {
        var parent = Row("secret words", deleted: true);
        Row("unrelated");
        var reply = Row("reply", parent, Milo);

        var node = Assert.Single(CommentThread.Build([parent, reply]));

        Assert.Equal((CommentState.Deleted, "", null, "[deleted]"), (node.State, node.Body, node.Author, node.Placeholder));
        Assert.Equal("reply", Assert.Single(node.Replies).Body);
    }

    [Fact]
    public void A_deleted_comment_without_replies_disappears_and_so_does_a_chain_of_them()
    {
        var kept = Row("kept");
        var gone = Row("gone", deleted: true);
        var goneToo = Row("gone too", gone, deleted: true);

        Assert.Equal("kept", Shape(CommentThread.Build([kept, gone, goneToo])));
    }

    [Fact]
    public void A_comment_removed_by_a_moderator_always_shows_as_removed()
    {
        var removed = Row("rude words", removed: true);
        var alsoRemovedButDeleted = Row("deleted then removed", deleted: true, removed: true);

        var threads = CommentThread.Build([removed, alsoRemovedButDeleted]);

        Assert.Equal("[removed by a moderator] [removed by a moderator]", Shape(threads));
        Assert.All(threads, n => Assert.Equal(("", null), (n.Body, n.Author)));
    }

    [Fact]
    public void A_reply_whose_parent_is_missing_starts_its_own_thread()
    {
        var orphan = new CommentRow(Guid.CreateVersion7(), Guid.NewGuid(), Luna, "orphan", TestClock.Noon, null, false, false);

        var node = Assert.Single(CommentThread.Build([orphan]));

        Assert.Equal((0, "orphan"), (node.Depth, node.Body));
    }

    [Fact]
    public void Only_readable_comments_are_counted()
    {
        var parent = Row("parent", deleted: true);
        var threads = CommentThread.Build([parent, Row("a", parent), Row("b", parent), Row("c", removed: true), Row("d")]);

        Assert.Equal(3, CommentThread.CountVisible(threads));
    }

    [Fact]
    public void No_comments_make_no_threads() => Assert.Empty(CommentThread.Build([]));
}

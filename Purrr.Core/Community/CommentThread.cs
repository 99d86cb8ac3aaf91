using Purrr.Core.Accounts;

namespace Purrr.Core.Community;

public enum CommentState { Visible, Deleted, Removed }

/// <summary>A stored comment as the thread builder reads it.</summary>
public sealed record CommentRow(Guid Id, Guid? ParentId, PlayerName Author, string Body, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt,
    bool Deleted, bool Removed);

/// <summary>
/// A comment in its thread. A deleted or removed comment keeps its place (its replies hang under it) but neither its
/// words nor its author: <see cref="Author"/> is null and <see cref="Body"/> empty.
/// </summary>
public sealed record CommentNode(Guid Id, Guid? ParentId, PlayerName? Author, string Body, CommentState State, DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt, int Depth, IReadOnlyList<CommentNode> Replies)
{
    public bool IsVisible => State == CommentState.Visible;

    /// <summary>What a reader sees instead of a deleted or removed comment.</summary>
    public string Placeholder => State switch
    {
        CommentState.Deleted => CommentThread.DeletedText,
        CommentState.Removed => CommentThread.RemovedText,
        _ => "",
    };
}

/// <summary>Turns a post's comments into threads: replies under their parents, oldest first at every level.</summary>
public static class CommentThread
{
    public const string DeletedText = "[deleted]";
    public const string RemovedText = "[removed by a moderator]";

    /// <summary>
    /// The threads, oldest first. A comment whose parent is missing starts a thread of its own. A comment its author
    /// deleted stays only as long as a reply under it is still there; one a moderator removed always shows as removed.
    /// </summary>
    public static IReadOnlyList<CommentNode> Build(IEnumerable<CommentRow> comments)
    {
        var rows = comments.DistinctBy(c => c.Id).ToList();
        var ids = rows.Select(c => c.Id).ToHashSet();
        // Each comment has one parent, so walking down from the roots meets each comment at most once.
        var children = rows.ToLookup(c => c.ParentId is { } parent && ids.Contains(parent) ? parent : (Guid?)null);

        List<CommentNode> Level(Guid? parent, int depth)
        {
            var level = new List<CommentNode>();
            foreach (var row in children[parent].OrderBy(c => c.CreatedAt).ThenBy(c => c.Id))
            {
                var replies = Level(row.Id, depth + 1);
                var state = row.Removed ? CommentState.Removed : row.Deleted ? CommentState.Deleted : CommentState.Visible;
                if (state == CommentState.Deleted && replies.Count == 0)
                    continue;
                level.Add(state == CommentState.Visible
                    ? new CommentNode(row.Id, row.ParentId, row.Author, row.Body, state, row.CreatedAt, row.EditedAt, depth, replies)
                    : new CommentNode(row.Id, row.ParentId, null, "", state, row.CreatedAt, null, depth, replies));
            }
            return level;
        }

        return Level(null, 0);
    }

    /// <summary>How many comments a reader can read in these threads.</summary>
    public static int CountVisible(IEnumerable<CommentNode> threads) => threads.Sum(t => (t.IsVisible ? 1 : 0) + CountVisible(t.Replies));

    /// <summary>Every comment in these threads, parents before their replies.</summary>
    public static IEnumerable<CommentNode> Flatten(IEnumerable<CommentNode> threads) => threads.SelectMany(t => Flatten(t.Replies).Prepend(t));
}

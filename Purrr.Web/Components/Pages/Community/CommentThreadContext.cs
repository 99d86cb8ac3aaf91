using Purrr.Core.Common;
using Purrr.Core.Community;

namespace Purrr.Web.Components.Pages.Community;

/// <summary>
/// What every comment in a post's thread needs from the page: who reads, what they may do, the comments' reactions,
/// and the page's actions (each returns null when done, or a problem to show beside the comment).
/// </summary>
public sealed record CommentThreadContext(
    UserId? Viewer,
    bool CanComment,
    IReadOnlyDictionary<Guid, ReactionSummary> Reactions,
    Func<Guid, string, Task<string?>> ReplyAsync,
    Func<Guid, string, Task<string?>> EditAsync,
    Func<Guid, Task<string?>> DeleteAsync,
    Func<Guid, ReactionType, bool, Task<string?>> ToggleReactionAsync)
{
    public bool CanReact => Viewer is not null;

    public ReactionSummary ReactionsOf(Guid comment) => Reactions.GetValueOrDefault(comment, ReactionSummary.None);
}

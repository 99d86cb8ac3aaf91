using Purrr.Core.Common;

namespace Purrr.Core.Community;

/// <summary>A player following another: they see each other's presence in "who's online" and (later) posts in the feed.</summary>
public sealed class Follow
{
    private Follow() { } // for EF Core

    public UserId FollowerId { get; private set; }
    public UserId FolloweeId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    internal static Follow Create(UserId follower, UserId followee, DateTimeOffset at) =>
        new() { FollowerId = follower, FolloweeId = followee, CreatedAt = at };
}

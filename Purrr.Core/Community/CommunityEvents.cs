using Purrr.Core.Events;

namespace Purrr.Core.Community;

/// <summary>
/// A post's reactions or comments changed (a reaction on it or on one of its comments; a comment added, edited or
/// deleted): every open page of that post refreshes its counts and thread.
/// </summary>
public sealed record PostEngagementChanged(Guid PostId) : ITopicEvent
{
    public string Topic => TopicOf(PostId);

    public static string TopicOf(Guid post) => $"post:{post}";
}

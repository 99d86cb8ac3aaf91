using Purrr.Core.Common;
using Purrr.Core.Events;

namespace Purrr.Core.Moderation;

/// <summary>A post, comment or user someone reported, or a moderator acts on.</summary>
public readonly record struct ModerationTarget(ReportTarget Kind, Guid Id)
{
    public static ModerationTarget Post(Guid id) => new(ReportTarget.Post, id);
    public static ModerationTarget Comment(Guid id) => new(ReportTarget.Comment, id);
    public static ModerationTarget User(UserId id) => new(ReportTarget.User, id.Value);

    public override string ToString() => $"{Kind} {Id}";
}

/// <summary>A user was warned, suspended, banned or had a sanction lifted: their open tabs refresh the banner.</summary>
public sealed record SanctionsChanged(UserId User) : ITopicEvent
{
    public string Topic => TopicOf(User);

    public static string TopicOf(UserId user) => $"sanctions:{user}";
}

/// <summary>A moderator removed, restored or approved a post or comment (its page can say so at once).</summary>
public sealed record ContentModerated(ModerationTarget Target) : ITopicEvent
{
    public string Topic => TopicOf(Target);

    public static string TopicOf(ModerationTarget target) => $"moderated:{target.Kind}:{target.Id}";
}

/// <summary>A report came in or a moderator acted: open moderation queues reload (type-wide; few moderators watch it).</summary>
public sealed record ModerationQueueChanged;

/// <summary>Where posts and players live in the app (for result links, queue items and notifications).</summary>
public static class ContentLinks
{
    public static string Post(string slug) => Community.PostLinks.Post(slug);

    public static string Comment(string postSlug, Guid comment) => Community.PostLinks.Comment(postSlug, comment);

    public static string Player(string userName) => $"players/{userName}";
}

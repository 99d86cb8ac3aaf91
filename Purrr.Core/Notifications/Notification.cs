using Purrr.Core.Common;

namespace Purrr.Core.Notifications;

/// <summary>The kinds of notification (spec §8).</summary>
public enum NotificationType { PostReaction, PostComment, CommentReply, Follow, Mention, Achievement, System, LostPetNearby, HealthAlert, Territory }

/// <summary>Something a player should know, stored (for the list and the unread count) and pushed live to open tabs.</summary>
public sealed class Notification
{
    public const int TextMaxLength = 300;
    public const int LinkMaxLength = 300;

    private Notification() { } // for EF Core

    public long Id { get; private set; }
    public UserId RecipientId { get; private set; }
    public NotificationType Type { get; private set; }
    public string Text { get; private set; } = "";

    /// <summary>Where clicking it goes (app-relative), if anywhere.</summary>
    public string? Link { get; private set; }
    public UserId? ActorId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(UserId recipient, NotificationType type, string text, string? link, UserId? actor, DateTimeOffset now) => new()
    {
        RecipientId = recipient,
        Type = type,
        Text = text.Length > TextMaxLength ? text[..(TextMaxLength - 1)] + "…" : text,
        Link = link,
        ActorId = actor,
        CreatedAt = now,
    };

    internal void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

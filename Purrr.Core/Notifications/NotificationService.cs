using Microsoft.EntityFrameworkCore;
using Purrr.Core.Common;
using Purrr.Core.Events;
using Purrr.Core.Persistence;

namespace Purrr.Core.Notifications;

/// <summary>Some of <paramref name="Recipient"/>'s notifications were marked read: their open tabs refresh the bell.</summary>
public sealed record NotificationsRead(UserId Recipient) : ITopicEvent
{
    public string Topic => TopicOf(Recipient);

    public static string TopicOf(UserId recipient) => $"notifications-read:{recipient}";
}

/// <summary>A notification as the list shows it.</summary>
public sealed record NotificationView(long Id, NotificationType Type, string Text, string? Link, DateTimeOffset CreatedAt, bool Read);

/// <summary>One page of notifications, newest first; <see cref="Next"/> continues after the last one shown.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, long? Next);

/// <summary>
/// How writers add notifications: in the same save as their cause, then <see cref="Announce"/> after it commits.
/// Nobody is notified of their own doing, and while a player has not read "milo reacted to your post" another reaction
/// from milo on that post adds nothing new.
/// </summary>
public static class Notify
{
    /// <summary>Adds a notification for <paramref name="recipient"/> to <paramref name="db"/>'s pending save; false when it adds nothing.</summary>
    public static async Task<bool> AddAsync(IPurrrDb db, UserId recipient, NotificationType type, string text, string? link, UserId? actor,
        DateTimeOffset now, CancellationToken ct = default)
    {
        if (actor == recipient)
            return false;
        if (actor is { } who && await db.Notifications.AnyAsync(n => n.RecipientId == recipient && n.ReadAt == null && n.ActorId == who && n.Type == type && n.Link == link, ct))
            return false;
        db.Notifications.Add(Notification.Create(recipient, type, text, link, actor, now));
        return true;
    }

    /// <summary>After the save: each recipient's open tabs hear of it.</summary>
    public static void Announce(IEventBus bus, IEnumerable<UserId> recipients)
    {
        foreach (var recipient in recipients.Distinct())
            bus.Publish(new NotificationAdded(recipient));
    }
}

/// <summary>A player's notifications: the bell's unread count, the list, marking read.</summary>
public sealed class NotificationService(IPurrrDbFactory dbFactory, TimeProvider clock, IEventBus bus)
{
    public const int PageSize = 20;

    public async Task<int> UnreadCountAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Notifications.CountAsync(n => n.RecipientId == player && n.ReadAt == null, ct);
    }

    /// <summary>Newest first, <see cref="PageSize"/> at a time; pass the previous page's <see cref="NotificationPage.Next"/> for more.</summary>
    public async Task<NotificationPage> ListAsync(UserId player, long? before = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == player);
        if (before is { } last)
            query = query.Where(n => n.Id < last);
        var rows = await query.OrderByDescending(n => n.Id).Take(PageSize + 1)
            .Select(n => new NotificationView(n.Id, n.Type, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        return rows.Count > PageSize ? new(rows[..PageSize], rows[PageSize - 1].Id) : new(rows, null);
    }

    /// <summary>Marks one of the player's notifications read; someone else's, or one already read, changes nothing.</summary>
    public async Task<bool> MarkReadAsync(UserId player, long notification, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var changed = await db.Notifications.Where(n => n.Id == notification && n.RecipientId == player && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
            bus.Publish(new NotificationsRead(player));
        return changed > 0;
    }

    /// <summary>Marks every unread notification of the player read; returns how many.</summary>
    public async Task<int> MarkAllReadAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var changed = await db.Notifications.Where(n => n.RecipientId == player && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0)
            bus.Publish(new NotificationsRead(player));
        return changed;
    }
}

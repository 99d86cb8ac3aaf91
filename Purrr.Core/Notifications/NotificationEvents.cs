using Purrr.Core.Common;
using Purrr.Core.Events;

namespace Purrr.Core.Notifications;

/// <summary>
/// Published after a save that added notifications for <paramref name="Recipient"/>: their open tabs refresh the bell.
/// Writers add <see cref="Notification"/> rows in the same save as their cause, then publish this.
/// </summary>
public sealed record NotificationAdded(UserId Recipient) : ITopicEvent
{
    public string Topic => TopicOf(Recipient);

    public static string TopicOf(UserId recipient) => $"notifications:{recipient}";
}

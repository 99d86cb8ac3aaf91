using Purrr.Core.Common;

namespace Purrr.Core.Accounts;

/// <summary>
/// A sign-in account as Core reads it (Identity owns it; <see cref="Persistence.IPurrrDb.Accounts"/> projects it so
/// queries can filter and sort by role in the database).
/// </summary>
public sealed class Account
{
    public UserId Id { get; init; }
    public string? Email { get; init; }
    public bool IsModerator { get; init; }
    public bool IsAdmin { get; init; }
}

/// <summary>Changes Identity makes to an account: roles and sessions (implemented over the user manager in Data).</summary>
public interface IAccountAdmin
{
    /// <summary>Leaves the account with Player and <paramref name="role"/> (when it is Moderator or Admin); its sessions end.</summary>
    Task SetRoleAsync(UserId user, string role, CancellationToken ct = default);

    /// <summary>A new security stamp: every sign-in cookie of the account stops working.</summary>
    Task EndSessionsAsync(UserId user, CancellationToken ct = default);
}

/// <summary>An admin ended a player's sessions (sign-out, role change): their open tabs leave at once.</summary>
public sealed record SessionsEnded(UserId User) : Events.ITopicEvent
{
    public string Topic => TopicOf(User);

    public static string TopicOf(UserId user) => $"sessions:{user}";
}

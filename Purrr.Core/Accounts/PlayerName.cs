using Purrr.Core.Common;

namespace Purrr.Core.Accounts;

/// <summary>A player as lists show them, linking to their profile.</summary>
public sealed record PlayerName(UserId Id, string UserName, string DisplayName)
{
    /// <summary>By display name as people read it, then username (unique) so the order never wobbles.</summary>
    public static IReadOnlyList<PlayerName> Sorted(IEnumerable<PlayerName> players) =>
        [.. players.OrderBy(p => p.DisplayName, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.UserName, StringComparer.Ordinal)];
}

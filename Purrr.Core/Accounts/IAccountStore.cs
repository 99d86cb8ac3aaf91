using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Core.Accounts;

/// <summary>The sign-in side of an account (Identity, OAuth tokens), which lives in Purrr.Data.</summary>
public interface IAccountStore
{
    /// <summary>Adds the shelter's sign-in account (no password, locked) to <paramref name="db"/> if it is missing.</summary>
    Task EnsureShelterAsync(IPurrrDb db, CancellationToken ct);

    /// <summary>
    /// Blanks the sign-in account in <paramref name="db"/> (name, email, password, phone, two-factor, logins) and gives it a
    /// new security stamp, so every cookie and circuit of it stops being accepted; saved with the caller's save.
    /// </summary>
    Task AnonymiseAsync(IPurrrDb db, UserId player, string anonymousName, CancellationToken ct);

    /// <summary>Revokes the player's OAuth tokens and authorizations, after the save.</summary>
    Task RevokeTokensAsync(UserId player, CancellationToken ct);
}

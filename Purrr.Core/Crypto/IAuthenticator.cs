using Purrr.Core.Common;

namespace Purrr.Core.Crypto;

/// <summary>
/// A player's authenticator app (TOTP, RFC 6238: 6 digits, 30-second steps), kept with their sign-in account and set up
/// from the account page. Withdrawals need it. Implemented in Purrr.Data over Identity's authenticator key.
/// </summary>
public interface IAuthenticator
{
    Task<bool> IsOnAsync(UserId player, CancellationToken ct = default);

    /// <summary>The key to show while setting up (made now when there is none); the same key until confirmed.</summary>
    Task<AuthenticatorSetup> SetupAsync(UserId player, CancellationToken ct = default);

    /// <summary>Turns the authenticator on with a first code from the app.</summary>
    Task<Result<bool>> ConfirmAsync(UserId player, string? code, CancellationToken ct = default);

    /// <summary>Turns it off and forgets the key; the next setup shows a new one.</summary>
    Task TurnOffAsync(UserId player, CancellationToken ct = default);

    /// <summary>The time step a code of the player's app belongs to (one step of clock drift either way), or null.</summary>
    Task<long?> MatchAsync(UserId player, string? code, DateTimeOffset now, CancellationToken ct = default);
}

/// <summary>The base32 key and whether the player already confirmed it.</summary>
public sealed record AuthenticatorSetup(string Key, bool On)
{
    public const string Issuer = "Purrr";

    /// <summary>The otpauth:// URI authenticator apps read from the QR code.</summary>
    public string UriFor(string userName) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}?secret={Key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
}

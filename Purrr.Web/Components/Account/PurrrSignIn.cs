using Microsoft.AspNetCore.Identity;
using Purrr.Core.Security;
using Purrr.Data;

namespace Purrr.Web.Components.Account;

public enum SignInOutcome { SignedIn, Failed, LockedOut, NotConfirmed, NeedsCode, CodeExpired }

/// <summary>
/// Password sign-in by username or email, counting failures toward lockout and logging security events; a player with
/// an authenticator app then enters its code (or a recovery code) as a second step (Identity's two-factor sign-in).
/// </summary>
internal sealed class PurrrSignIn(UserManager<PurrrUser> users, SignInManager<PurrrUser> signInManager, SecurityLog securityLog)
{
    public async Task<SignInOutcome> PasswordSignInAsync(string userNameOrEmail, string password, bool remember, string? ipAddress)
    {
        var login = userNameOrEmail.Trim();
        var user = await users.FindByNameAsync(login) ?? (login.Contains('@') ? await users.FindByEmailAsync(login) : null);
        if (user is null)
        {
            await securityLog.RecordAsync(SecurityEventType.LoginFailed, null, ipAddress, $"Unknown account '{Truncate(login)}'");
            return SignInOutcome.Failed;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await securityLog.RecordAsync(SecurityEventType.LoginSucceeded, user.Id, ipAddress, "Password sign-in");
            return SignInOutcome.SignedIn;
        }
        if (result.RequiresTwoFactor)
            return SignInOutcome.NeedsCode; // the password was right; Identity's two-factor cookie holds who for 5 minutes
        if (result.IsLockedOut)
        {
            await securityLog.RecordAsync(SecurityEventType.LoginLocked, user.Id, ipAddress, "Sign-in refused: account locked after repeated failures");
            return SignInOutcome.LockedOut;
        }
        if (result.IsNotAllowed && !await users.IsEmailConfirmedAsync(user) && await users.CheckPasswordAsync(user, password))
            return SignInOutcome.NotConfirmed;

        await securityLog.RecordAsync(SecurityEventType.LoginFailed, user.Id, ipAddress, "Wrong password");
        return SignInOutcome.Failed;
    }

    /// <summary>Whether a password step is waiting for its code (false once the two-factor cookie has expired).</summary>
    public async Task<bool> IsWaitingForCodeAsync() => await signInManager.GetTwoFactorAuthenticationUserAsync() is not null;

    /// <summary>
    /// The second step: the authenticator app's 6-digit code, or one of the recovery codes shown when it was turned on
    /// (each works once). Wrong codes count toward the same lockout as wrong passwords.
    /// </summary>
    public async Task<SignInOutcome> CodeSignInAsync(string code, bool isRecoveryCode, bool remember, string? ipAddress)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return SignInOutcome.CodeExpired;
        var typed = code.Replace(" ", "", StringComparison.Ordinal);
        var result = isRecoveryCode
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync(typed.ToUpperInvariant())
            : await signInManager.TwoFactorAuthenticatorSignInAsync(typed.Replace("-", "", StringComparison.Ordinal), remember, rememberClient: false);
        if (result.Succeeded)
        {
            await securityLog.RecordAsync(SecurityEventType.LoginSucceeded, user.Id, ipAddress, isRecoveryCode ? "Password + recovery code" : "Password + authenticator code");
            return SignInOutcome.SignedIn;
        }
        if (result.IsLockedOut)
        {
            await securityLog.RecordAsync(SecurityEventType.LoginLocked, user.Id, ipAddress, "Sign-in refused: account locked after repeated failures");
            return SignInOutcome.LockedOut;
        }
        await securityLog.RecordAsync(SecurityEventType.LoginFailed, user.Id, ipAddress, isRecoveryCode ? "Wrong recovery code" : "Wrong authenticator code");
        return SignInOutcome.Failed;
    }

    private static string Truncate(string text) => text.Length > 64 ? text[..64] : text;
}

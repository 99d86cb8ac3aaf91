using Microsoft.AspNetCore.Identity;
using Purrr.Core.Security;
using Purrr.Data;

namespace Purrr.Web.Components.Account;

public enum SignInOutcome { SignedIn, Failed, LockedOut, NotConfirmed }

/// <summary>Password sign-in by username or email, counting failures toward lockout and logging security events.</summary>
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

    private static string Truncate(string text) => text.Length > 64 ? text[..64] : text;
}

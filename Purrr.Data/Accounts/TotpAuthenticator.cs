using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using Purrr.Core.Common;
using Purrr.Core.Crypto;
using Purrr.Core.Persistence;

namespace Purrr.Data.Accounts;

/// <summary>
/// The authenticator app (TOTP) with Otp.NET over Identity's own authenticator key (the user token Identity's
/// <c>GetAuthenticatorKeyAsync</c> reads), plus a "confirmed" token of ours. Turning it on also sets Identity's
/// <c>TwoFactorEnabled</c>, so sign-in asks for a code (Identity's authenticator provider reads the same key);
/// withdrawals check codes here.
/// </summary>
public sealed class TotpAuthenticator(IPurrrDbFactory dbFactory, TimeProvider clock) : IAuthenticator
{
    private const string IdentityStore = "[AspNetUserStore]"; // Identity's names, so UserManager sees the same key
    private const string KeyName = "AuthenticatorKey";
    private const string PurrrStore = "Purrr";
    private const string OnName = "AuthenticatorOn";
    private static readonly VerificationWindow OneStepOfDrift = new(previous: 1, future: 1);

    public async Task<bool> IsOnAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await Tokens(db, player).AnyAsync(t => t.LoginProvider == PurrrStore && t.Name == OnName, ct);
    }

    public async Task<AuthenticatorSetup> SetupAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var context = (PurrrDbContext)db;
        var tokens = await Tokens(db, player).Where(t => t.LoginProvider == IdentityStore && t.Name == KeyName || t.LoginProvider == PurrrStore && t.Name == OnName).ToListAsync(ct);
        var on = tokens.Any(t => t.Name == OnName);
        if (tokens.FirstOrDefault(t => t.Name == KeyName) is { Value: { Length: > 0 } key })
            return new AuthenticatorSetup(key, on);
        var fresh = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        context.UserTokens.Add(new IdentityUserToken<UserId> { UserId = player, LoginProvider = IdentityStore, Name = KeyName, Value = fresh });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another tab made one a moment ago: show that one.
            return await SetupAsync(player, ct);
        }
        return new AuthenticatorSetup(fresh, on);
    }

    public async Task<Result<bool>> ConfirmAsync(UserId player, string? code, CancellationToken ct = default)
    {
        var setup = await SetupAsync(player, ct);
        if (setup.On)
            return true;
        if (Match(setup.Key, code, clock.GetUtcNow()) is null)
            return Result<bool>.Failure("That code is not right: enter the 6 digits your authenticator app shows for Purrr now.", "code");
        await using var db = await dbFactory.CreateAsync(ct);
        ((PurrrDbContext)db).UserTokens.Add(new IdentityUserToken<UserId> { UserId = player, LoginProvider = PurrrStore, Name = OnName, Value = "true" });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Confirmed in another tab at the same moment: on either way.
        }
        await SetTwoFactorSignInAsync(db, player, on: true, ct);
        return true;
    }

    public async Task TurnOffAsync(UserId player, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        await Tokens(db, player).Where(t => t.LoginProvider == IdentityStore && (t.Name == KeyName || t.Name == RecoveryCodesName) || t.LoginProvider == PurrrStore && t.Name == OnName)
            .ExecuteDeleteAsync(ct);
        await SetTwoFactorSignInAsync(db, player, on: false, ct);
    }

    private const string RecoveryCodesName = "RecoveryCodes"; // Identity's, made by UserManager.GenerateNewTwoFactorRecoveryCodesAsync

    // The security stamp stays: a new one would sign out the very session that just turned the app on.
    private static Task SetTwoFactorSignInAsync(IPurrrDb db, UserId player, bool on, CancellationToken ct) =>
        ((PurrrDbContext)db).Users.Where(u => u.Id == player).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, on), ct);

    public async Task<long?> MatchAsync(UserId player, string? code, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var tokens = await Tokens(db, player).Where(t => t.LoginProvider == IdentityStore && t.Name == KeyName || t.LoginProvider == PurrrStore && t.Name == OnName)
            .ToListAsync(ct);
        return tokens.Any(t => t.Name == OnName) && tokens.FirstOrDefault(t => t.Name == KeyName) is { Value: { Length: > 0 } key }
            ? Match(key, code, now)
            : null;
    }

    /// <summary>The time step (Unix time / 30 s) a 6-digit code belongs to under the base32 key, within one step of <paramref name="now"/>.</summary>
    public static long? Match(string key, string? code, DateTimeOffset now)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal) ?? "";
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, OneStepOfDrift) ? step : null;
    }

    /// <summary>The code an app shows for the key at <paramref name="at"/> (tests, and nothing else, play the app).</summary>
    public static string CodeAt(string key, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at.UtcDateTime);

    private static IQueryable<IdentityUserToken<UserId>> Tokens(IPurrrDb db, UserId player) =>
        ((PurrrDbContext)db).UserTokens.Where(t => t.UserId == player);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Persistence;

namespace Purrr.Data.Accounts;

/// <summary>Identity's and OpenIddict's side of deleting an account (see <see cref="AccountData"/>).</summary>
public sealed class IdentityAccountStore(IServiceScopeFactory scopes) : IAccountStore
{
    public async Task EnsureShelterAsync(IPurrrDb db, CancellationToken ct)
    {
        var context = (PurrrDbContext)db;
        if (await context.Users.AnyAsync(u => u.Id == Shelter.Id, ct))
            return;
        context.Users.Add(new PurrrUser
        {
            Id = Shelter.Id,
            UserName = Shelter.UserName,
            NormalizedUserName = Shelter.UserName.ToUpperInvariant(),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            LockoutEnd = DateTimeOffset.MaxValue, // no password and locked: no one signs in as the shelter
        });
    }

    public async Task AnonymiseAsync(IPurrrDb db, UserId player, string anonymousName, CancellationToken ct)
    {
        var context = (PurrrDbContext)db;
        var user = await context.Users.FirstOrDefaultAsync(u => u.Id == player, ct);
        if (user is null)
            return;
        user.UserName = anonymousName;
        user.NormalizedUserName = anonymousName.ToUpperInvariant();
        user.Email = null;
        user.NormalizedEmail = null;
        user.EmailConfirmed = false;
        user.PasswordHash = null;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.TwoFactorEnabled = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N"); // every cookie of this account stops validating
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        context.UserLogins.RemoveRange(context.UserLogins.Where(l => l.UserId == player));
        context.UserTokens.RemoveRange(context.UserTokens.Where(t => t.UserId == player)); // authenticator key, recovery codes
        context.UserClaims.RemoveRange(context.UserClaims.Where(c => c.UserId == player));
        context.UserRoles.RemoveRange(context.UserRoles.Where(r => r.UserId == player));
    }

    public async Task RevokeTokensAsync(UserId player, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var authorizations = scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>();
        var subject = player.ToString();
        await foreach (var authorization in authorizations.FindBySubjectAsync(subject, ct))
            await authorizations.TryRevokeAsync(authorization, ct);
        await foreach (var token in tokens.FindBySubjectAsync(subject, ct))
            await tokens.TryRevokeAsync(token, ct);
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Purrr.Core.Accounts;
using Purrr.Core.Common;

namespace Purrr.Data.Accounts;

/// <summary>
/// Role and session changes through Identity's user manager, in a scope of their own per call (callers are singletons
/// and circuits; the manager's context must not live as long as they do).
/// </summary>
public sealed class IdentityAccountAdmin(IServiceScopeFactory scopes) : IAccountAdmin
{
    private static readonly string[] Elevated = [Roles.Moderator, Roles.Admin];

    public async Task SetRoleAsync(UserId user, string role, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PurrrUser>>();
        var account = await FindAsync(users, user);
        var held = await users.GetRolesAsync(account);
        Check(await users.RemoveFromRolesAsync(account, held.Intersect(Elevated).Where(r => r != role)));
        var wanted = role == Roles.Player ? [Roles.Player] : new[] { Roles.Player, role };
        Check(await users.AddToRolesAsync(account, wanted.Except(held)));
        Check(await users.UpdateSecurityStampAsync(account)); // the role is in the cookie: it must be issued again
    }

    public async Task EndSessionsAsync(UserId user, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PurrrUser>>();
        Check(await users.UpdateSecurityStampAsync(await FindAsync(users, user)));
    }

    private static async Task<PurrrUser> FindAsync(UserManager<PurrrUser> users, UserId user) =>
        await users.FindByIdAsync(user.ToString()) ?? throw new InvalidOperationException($"No account {user}.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}

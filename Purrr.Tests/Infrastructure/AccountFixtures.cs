using Microsoft.EntityFrameworkCore;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Data;

namespace Purrr.Tests.Infrastructure;

/// <summary>Roles stored straight in the test database, as Identity stores them.</summary>
public static class AccountFixtures
{
    /// <summary>Leaves the account with Player and <paramref name="role"/> (when it is Moderator or Admin).</summary>
    public static async Task SetRoleAsync(this TestDatabase database, UserId user, string role)
    {
        await using var context = database.NewContext();
        foreach (var name in Roles.All.Where(r => !context.Roles.Any(x => x.Name == r)))
            context.Roles.Add(new PurrrRole(name) { NormalizedName = name.ToUpperInvariant() });
        await context.SaveChangesAsync();
        var roles = await context.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        context.UserRoles.RemoveRange(await context.UserRoles.Where(ur => ur.UserId == user).ToListAsync());
        foreach (var name in role == Roles.Player ? [Roles.Player] : new[] { Roles.Player, role })
            context.UserRoles.Add(new() { UserId = user, RoleId = roles[name] });
        await context.SaveChangesAsync();
    }
}

/// <summary>Identity's side of role and session changes, over the test database; remembers whose sessions ended.</summary>
public sealed class TestAccountAdmin(TestDatabase database) : IAccountAdmin
{
    private readonly List<UserId> ended = [];

    public IReadOnlyList<UserId> SessionsEnded => ended;

    /// <summary>Runs before each role change is stored: race tests hold changes here to line them up.</summary>
    public Func<Task>? BeforeRoleChange { get; set; }

    public async Task SetRoleAsync(UserId user, string role, CancellationToken ct = default)
    {
        if (BeforeRoleChange is { } pause)
            await pause();
        await database.SetRoleAsync(user, role);
        lock (ended)
            ended.Add(user);
    }

    public Task EndSessionsAsync(UserId user, CancellationToken ct = default)
    {
        ended.Add(user);
        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Purrr.Core.Accounts;
using Purrr.Core.Common;
using Purrr.Core.Economy;

namespace Purrr.Data.Accounts;

public sealed class AccountOptions
{
    /// <summary>This address becomes Admin when it registers (besides the very first account).</summary>
    public string? AdminEmail { get; set; }
}

public sealed record RegistrationRequest(string? UserName, string? Email, string? Password, string? TimeZoneId);

/// <summary>Creates accounts: the sign-in account and the player's profile in one save, then the role.</summary>
public sealed class AccountService(UserManager<PurrrUser> users, PurrrDbContext db, TimeProvider clock, IOptions<AccountOptions> options)
{
    public async Task<Result<PurrrUser>> RegisterAsync(RegistrationRequest request, CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        if (AccountRules.CheckUserName(request.UserName) is { } userNameProblem)
            problems.Add(userNameProblem);
        if (string.IsNullOrWhiteSpace(request.Email))
            problems.Add(new("Enter your email address.", "Email"));
        if (AccountRules.CheckPassword(request.Password) is { } passwordProblem)
            problems.Add(passwordProblem);
        if (problems.Count > 0)
            return Result<PurrrUser>.Failure(problems);

        var firstAccount = !await users.Users.AnyAsync(ct);
        var id = UserId.New();
        var now = clock.GetUtcNow();
        var player = Player.Create(id, request.UserName!, request.TimeZoneId, now);
        var user = new PurrrUser { Id = id, UserName = request.UserName, Email = request.Email!.Trim(), Player = player };
        // The welcome coins and pantry ride on the same save as the account: the user store shares this scoped context.
        var (gift, pantry) = Wallet.WelcomePlayer(player, now);
        db.LedgerEntries.Add(gift);
        db.InventoryItems.AddRange(pantry);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            db.ChangeTracker.Clear(); // nothing of a refused sign-up may be saved later by the same context
            return Result<PurrrUser>.Failure(created.Errors.Select(ToProblem).ToList());
        }

        var isAdmin = firstAccount || string.Equals(user.Email, options.Value.AdminEmail, StringComparison.OrdinalIgnoreCase);
        await users.AddToRolesAsync(user, isAdmin ? [Roles.Player, Roles.Admin] : [Roles.Player]);
        return user;
    }

    /// <summary>Puts each Identity error next to the field it is about.</summary>
    public static Problem ToProblem(IdentityError error)
    {
        var field = error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.InvalidUserName) or PurrrUserValidator.ErrorCode => "UserName",
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.InvalidEmail) => "Email",
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) => "Password",
            _ => null,
        };
        return new Problem(error.Description, field);
    }
}
